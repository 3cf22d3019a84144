import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('findChromium', () => {
  it('uses CHROMIUM_PATH and explains a wrong one', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chrome');
    const { findChromium } = await import('../../src/lib/chromium.ts');
    await expect(findChromium()).rejects.toThrow(/CHROMIUM_PATH is set to "\/nonexistent\/chrome", but no file exists there/);
  });

  it('finds a browser on this machine (system, Playwright cache or @sparticuz/chromium)', async () => {
    const { findChromium } = await import('../../src/lib/chromium.ts');
    const found = await findChromium();
    expect(existsSync(found.executablePath)).toBe(true);
    expect(['CHROMIUM_PATH', 'system', 'playwright-cache', '@sparticuz/chromium']).toContain(found.source);
  });
});
