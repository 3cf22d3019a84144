// GitHub Actions workflows (issue #13): least privilege per job, no persisted checkout credentials, actions pinned
// to commit SHAs, Dependabot keeping both the actions and npm up to date.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const dir = '.github/workflows';
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => ({ file: `${dir}/${f}`, wf: parse(readFileSync(`${dir}/${f}`, 'utf8')) as Workflow }));

describe('workflows', () => {
  it('pin every action to a full commit SHA and never persist checkout credentials', () => {
    const problems: string[] = [];
    for (const { file, wf } of workflows) {
      for (const [name, job] of Object.entries(wf.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses && !/@[0-9a-f]{40}$/.test(step.uses)) problems.push(`${file} ${name}: ${step.uses} is not pinned to a commit SHA`);
          if (step.uses?.startsWith('actions/checkout@') && step.with?.['persist-credentials'] !== false)
            problems.push(`${file} ${name}: checkout without persist-credentials: false`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give every workflow a read-only default and only the deploy job the right to publish', () => {
    const problems: string[] = [];
    for (const { file, wf } of workflows) {
      const top = wf.permissions;
      if (!top || Object.values(top).some((v) => v !== 'read')) problems.push(`${file}: top-level permissions must be {} or read-only`);
      for (const [name, job] of Object.entries(wf.jobs)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === 'write').map(([k]) => k);
        if (writes.length && name !== 'deploy') problems.push(`${file} ${name}: holds ${writes.join(', ')} (only the deploy job may write)`);
      }
    }
    expect(problems).toEqual([]);
    const deploy = workflows.find((w) => w.file.endsWith('deploy.yml'))?.wf.jobs.deploy;
    expect(deploy, 'deploy.yml has a deploy job').toBeDefined();
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    // The deploy job runs no project or dependency code: it only publishes the artifact.
    expect((deploy?.steps ?? []).map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('has Dependabot for GitHub Actions and npm', () => {
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as { updates: Array<{ 'package-ecosystem': string }> };
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
