// Astro integration: after the site is written, build the question-level Pagefind index into <dist>/pagefind/.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, type RegistryQuestion } from './build-index.ts';

export default function searchIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'k8s-kb:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const files = readdirSync(distDir, { recursive: true }).map((f) => String(f).split(sep).join('/'));
        const prefix = base.replace(/\/+$/, '');
        const registry = (JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8')) as RegistryQuestion[]).map((q) => ({
          ...q,
          url: q.url.slice(prefix.length),
        }));
        const started = performance.now();
        // A failed index leaves no site behind that looks deployable.
        const stats = await buildSearchIndex(distDir, files, registry).catch((error: unknown) => {
          rmSync(distDir, { recursive: true, force: true });
          throw error;
        });
        logger.info(
          `search: ${stats.questions} questions (${stats.playbooks} playbooks) and ${stats.pages} page records indexed (${stats.chunks} index chunks, ${(stats.fragmentBytes / 1024).toFixed(0)} KiB of fragments) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
