// Runs `astro build` in a child process, as a user would, with a clean environment for the base path.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Options of one `astro build` run. */
export interface AstroBuildOptions {
  outDir: string;
  /** BASE_PATH of the build (default /k8s-kb). */
  base?: string;
  /** KB_CONTENT_DIR: a content directory other than the real one. */
  contentDir?: string;
  /** KB_CACHE_DIR: where Astro keeps its caches. */
  cacheDir?: string;
  /** Further environment variables for the build. */
  env?: Record<string, string>;
}

/** How an `astro build` run ended: its exit code (null when killed by a signal), its stdout and stderr, its wall time. */
export interface AstroBuildResult {
  code: number | null;
  output: string;
  seconds: number;
}

export function astroBuild({ outDir, base = '/k8s-kb', contentDir, cacheDir, env = {} }: AstroBuildOptions): Promise<AstroBuildResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base, SITE_URL: 'https://example.github.io', FORCE_COLOR: '0', NO_COLOR: '1', ...env };
  // Vitest sets BASE_URL=/ in its workers; Astro would take it over the configured base.
  delete childEnv.BASE_URL;
  delete childEnv.VITEST;
  delete childEnv.VITEST_WORKER_ID;
  delete childEnv.TEST;
  delete childEnv.NODE_ENV;
  if (contentDir) childEnv.KB_CONTENT_DIR = contentDir;
  if (cacheDir) childEnv.KB_CACHE_DIR = cacheDir;
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  const started = performance.now();
  return new Promise<AstroBuildResult>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}
