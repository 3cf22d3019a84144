// Last-commit dates of content files, read once per build from `git log`.
// Starlight looks for git history under src/content/docs; our content lives in content/docs.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

let cache: Map<string, Date> | undefined;

/** Absolute file path → date of the newest commit that touched it (empty outside a git work tree). */
export function contentCommitDates(dir: string = 'content'): Map<string, Date> {
  if (cache) return cache;
  cache = new Map();
  const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (root.status !== 0) return cache;
  const top = root.stdout.trim();
  const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', dir], {
    cwd: process.cwd(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (log.status !== 0) return cache;
  let time = 0;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('t:')) time = Number(line.slice(2)) * 1000;
    else if (line.trim()) {
      const file = resolve(top, line.trim());
      if (!cache.has(file)) cache.set(file, new Date(time)); // git log is newest first
    }
  }
  return cache;
}
