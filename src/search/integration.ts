// Astro integration: after the site is written, build the question-level Pagefind index into <dist>/pagefind/.
// The index depends only on the registry, the searchable pages' HTML and the code (src/, lockfile): a build where
// none of them changed copies the index an earlier build made from the build cache (src/build-cache/) instead.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, searchIndexKey, type IndexStats, type RegistryQuestion } from './build-index.ts';
import { DirCache } from '../build-cache/store.ts';
import { sourceFingerprint } from '../build-cache/fingerprint.ts';

export default function searchIntegration(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'k8s-kb:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
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
        const useCache = process.env.KB_BUILD_CACHE !== '0';
        const cache = new DirCache<IndexStats>('search');
        const key = useCache ? searchIndexKey(distDir, files, registry, sourceFingerprint(root)) : '';
        const outDir = join(distDir, 'pagefind');
        const cached = useCache ? cache.restore(key, outDir) : undefined;
        // A failed index leaves no site behind that looks deployable.
        const stats =
          cached ??
          (await buildSearchIndex(distDir, files, registry).catch((error: unknown) => {
            rmSync(distDir, { recursive: true, force: true });
            throw error;
          }));
        if (useCache && !cached) {
          cache.save(key, outDir, stats);
          cache.prune();
        }
        logger.info(
          `search: ${stats.questions} questions (${stats.playbooks} playbooks) and ${stats.pages} page records indexed (${stats.chunks} index chunks, ${(stats.fragmentBytes / 1024).toFixed(0)} KiB of fragments) in ${((performance.now() - started) / 1000).toFixed(1)} s${cached ? ' (from the build cache: no page text changed)' : ''}`,
        );
      },
    },
  };
}
