// Runs `astro build` in a child process, as a user would, with a clean environment for the base path.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {{ outDir: string, base?: string, contentDir?: string, cacheDir?: string, env?: Record<string,string> }} o
 * @returns {Promise<{ code: number, output: string, seconds: number }>}
 */
export function astroBuild({ outDir, base = '/k8s-kb', contentDir, cacheDir, env = {} }) {
  const childEnv = { ...process.env, BASE_PATH: base, SITE_URL: 'https://example.github.io', FORCE_COLOR: '0', NO_COLOR: '1', ...env };
  // Vitest sets BASE_URL=/ in its workers; Astro would take it over the configured base.
  delete childEnv.BASE_URL;
  delete childEnv.VITEST;
  delete childEnv.VITEST_WORKER_ID;
  delete childEnv.TEST;
  delete childEnv.NODE_ENV;
  if (contentDir) childEnv.KB_CONTENT_DIR = contentDir;
  if (cacheDir) childEnv.KB_CACHE_DIR = cacheDir;
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.ts', import.meta.url));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}
