// Builds the real site once under the GitHub Pages base path /k8s-kb and serves it for the site tests.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, ROOT } from './build.ts';
import { serveDist } from './server.ts';

export const BASE = '/k8s-kb';

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const distDir = join(ROOT, '.test-dist', 'site');
  // The build's output (stdout and stderr), for tests/site/build-log.test.ts. KB_REUSE_DIST=1 reuses a site already
  // in .test-dist/site and its log, if one was saved there (`npx astro build 2>&1 | tee .test-dist/site.build.log`).
  const logFile = join(ROOT, '.test-dist', 'site.build.log');
  if (!process.env.KB_REUSE_DIST) {
    rmSync(distDir, { recursive: true, force: true });
    rmSync(logFile, { force: true });
    const result = await astroBuild({ outDir: distDir, base: BASE });
    writeFileSync(logFile, result.output);
    if (result.code !== 0) {
      throw new Error(`Production build with BASE_PATH=${BASE} failed (exit ${result.code}):\n${result.output.slice(-6000)}`);
    }
    console.log(`[site] built with BASE_PATH=${BASE} in ${result.seconds.toFixed(1)} s`);
  }
  provide('buildLog', existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const served = await serveDist(distDir, BASE);
  provide('distDir', distDir);
  provide('base', BASE);
  provide('siteUrl', served.url);
  provide('origin', served.origin);
  return async () => {
    await served.close();
  };
}
