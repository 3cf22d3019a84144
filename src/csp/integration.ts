// Astro integration: after every other build step, give each built HTML page its Content-Security-Policy <meta>,
// with the hashes of that page's inline scripts (src/csp/policy.ts). Listed last in astro.config.mjs.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { applyCsp } from './policy.ts';

export default function cspIntegration(): AstroIntegration {
  return {
    name: 'k8s-kb:csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
          .map((f) => f.split(sep).join('/'))
          .filter((f) => f.endsWith('.html'))
          .sort();
        const problems: string[] = [];
        const hashes = new Set<string>();
        for (const rel of pages) {
          const file = join(distDir, rel);
          const result = applyCsp(readFileSync(file, 'utf8'));
          problems.push(...result.problems.map((p) => `${rel}: ${p}`));
          result.hashes.forEach((h) => hashes.add(h));
          writeFileSync(file, result.html);
        }
        if (problems.length) {
          // A page the policy would break is not deployable: leave no site behind.
          rmSync(distDir, { recursive: true, force: true });
          throw new Error(`${problems.length} thing(s) the Content-Security-Policy would block:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
        logger.info(`csp: policy <meta> on ${pages.length} pages, ${hashes.size} distinct inline script hashes`);
      },
    },
  };
}
