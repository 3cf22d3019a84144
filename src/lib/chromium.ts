// One place that finds a Chromium for the Mermaid renderer, the bench script and the browser tests.
// Order: $CHROMIUM_PATH → a system Chromium/Chrome → Playwright's browser cache → @sparticuz/chromium (npm, Linux).
import { existsSync, readdirSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import type { Browser, LaunchOptions } from 'playwright-core';
import type { FoundChromium } from './types.ts';

/** Flags that keep a headless Chromium quiet on a machine without network or GPU. */
export const BASE_ARGS: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CANDIDATES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

function playwrightCacheCandidates(): string[] {
  const roots = [
    process.env.PLAYWRIGHT_BROWSERS_PATH,
    join(homedir(), '.cache', 'ms-playwright'),
    join(homedir(), 'Library', 'Caches', 'ms-playwright'),
  ].filter((root): root is string => Boolean(root));
  const found: string[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const dirs = readdirSync(root).filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d)).sort().reverse();
    for (const dir of dirs) {
      for (const rel of [
        'chrome-linux/chrome',
        'chrome-linux64/chrome',
        'chrome-headless-shell-linux64/chrome-headless-shell',
        'chrome-linux/headless_shell',
        'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
      ]) {
        found.push(join(root, dir, rel));
      }
    }
  }
  return found;
}

let cached: Promise<FoundChromium> | undefined;

/** Finds a Chromium (see the order above); the result is cached, a failure is not. */
export async function findChromium(): Promise<FoundChromium> {
  if (cached) return cached;
  cached = locate();
  try {
    return await cached;
  } catch (error) {
    cached = undefined;
    throw error;
  }
}

async function locate(): Promise<FoundChromium> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file exists there.`);
    }
    return { executablePath: fromEnv, args: BASE_ARGS, source: 'CHROMIUM_PATH' };
  }
  for (const path of SYSTEM_CANDIDATES[platform()] ?? []) {
    if (existsSync(path)) return { executablePath: path, args: BASE_ARGS, source: 'system' };
  }
  for (const path of playwrightCacheCandidates()) {
    if (existsSync(path)) return { executablePath: path, args: BASE_ARGS, source: 'playwright-cache' };
  }
  if (platform() === 'linux') {
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      const executablePath = await chromium.executablePath();
      // Keep sparticuz's flags (they make its build run without a GPU or zygote), but not --single-process,
      // which makes a long-lived browser with several pages unstable.
      const args = [...new Set([...chromium.args.filter((a) => a !== '--single-process'), ...BASE_ARGS])];
      return { executablePath, args, source: '@sparticuz/chromium' };
    } catch (error) {
      // `error` is what the import or executablePath() threw; its message is read as before.
      throw new Error(
        `No Chromium found, and @sparticuz/chromium could not provide one (${(error as Error).message}).\n${HOW_TO}`,
      );
    }
  }
  throw new Error(`No Chromium found.\n${HOW_TO}`);
}

const HOW_TO = [
  'A Chromium is needed to render Mermaid diagrams at build time and to run the browser tests. Provide one of:',
  '  - CHROMIUM_PATH=/path/to/chrome (any Chromium or Chrome ≥ 120),',
  '  - a system Chromium/Chrome (e.g. /usr/bin/chromium or Google Chrome in its default location),',
  '  - a Playwright browser cache (~/.cache/ms-playwright, from `npx playwright install chromium` where downloads work),',
  '  - on Linux x64/arm64, the npm package @sparticuz/chromium (a devDependency: run `npm ci`).',
].join('\n');

/** Launches a headless Chromium through playwright-core. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const found = await findChromium();
  return chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true, ...options });
}
