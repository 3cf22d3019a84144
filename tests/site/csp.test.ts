// The Content-Security-Policy (src/csp/): every built page carries it, it allows exactly that page's inline scripts
// and nothing third-party, and a real Chromium sees no violation on any page in either theme, with search working.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/chromium.ts';
import { htmlPages, read, routeOf } from '../helpers/site.ts';

declare global {
  interface Window {
    /** Filled by the init script below: one line per `securitypolicyviolation` event. */
    __cspViolations: string[];
  }
}

const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const pages = htmlPages(distDir);
const routes = pages.filter((p) => p !== '404.html').map(routeOf);

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g;
/** The policy of a built page, read back from its <meta> (entities in the attribute decoded). */
const policyOf = (html: string): string[] => [...html.matchAll(META)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));

describe('the Content-Security-Policy <meta> in the built pages', () => {
  it.each(pages)('%s: one policy, early in <head>, hashing exactly its inline scripts, nothing third-party', (rel) => {
    const html = read(distDir, rel);
    const policies = policyOf(html);
    expect(policies).toHaveLength(1);
    const policy = policies[0];
    // Nothing that loads anything comes before it.
    const head = html.slice(html.indexOf('<head>'), html.indexOf('Content-Security-Policy'));
    expect(head).not.toMatch(/<(script|link|style|img)\b/);
    const directives = new Map(policy.split(/;\s*/).map((d) => { const [name, ...sources] = d.split(' '); return [name, sources]; }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    // Independently of src/csp: every inline script's hash, and no other.
    const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
    );
    const hashes = (directives.get('script-src') ?? []).filter((s) => s.startsWith("'sha256-"));
    expect(new Set(hashes)).toEqual(new Set(inline));
    expect(inline.length, 'Starlight pages have inline scripts (theme, sidebar)').toBeGreaterThan(0);
    // Inline handlers cannot be allowed by a hash (the build rejects them).
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  const contexts = new Map<string, { context: BrowserContext; page: Page; console: string[] }>();
  beforeAll(async () => {
    browser = await launchChromium();
    for (const theme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((t) => {
        localStorage.setItem('starlight-theme', t);
        window.__cspViolations = [];
        document.addEventListener(
          'securitypolicyviolation',
          (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
          true,
        );
      }, theme);
      const page = await context.newPage();
      const console: string[] = [];
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) console.push(m.text());
      });
      contexts.set(theme, { context, page, console });
    }
  });
  afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
    await browser?.close();
  });

  /** Opens a page in the theme's shared tab; returns its violations (events and console) once it has settled. */
  async function visit(theme: string, path: string): Promise<{ violations: string[]; theme: string | undefined }> {
    const tab = contexts.get(theme);
    if (!tab) throw new Error(`no context for ${theme}`);
    tab.console.length = 0;
    const response = await tab.page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
    expect(response?.status(), path).toBeLessThan(500);
    const state = await tab.page.evaluate(async () => {
      await document.fonts.ready;
      return { violations: window.__cspViolations, theme: document.documentElement.dataset.theme };
    });
    return { violations: [...state.violations, ...tab.console.map((c) => `console: ${c}`)], theme: state.theme };
  }

  it('notices a violation (the listener works)', async () => {
    const tab = contexts.get('light');
    await visit('light', '');
    const after = await tab!.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return { violations: window.__cspViolations, ran: 'injected' in window };
    });
    expect(after.ran).toBe(false);
    expect(after.violations.join('\n')).toMatch(/script-src/);
  });

  it('every page in both themes loads with no CSP violation', { timeout: 300_000 }, async () => {
    const found: string[] = [];
    for (const theme of ['light', 'dark']) {
      for (const route of [...routes, 'no-such-page/']) {
        const { violations, theme: applied } = await visit(theme, route);
        if (applied !== theme) found.push(`/${route} (${theme}): the page shows theme ${applied}`);
        found.push(...violations.map((v) => `/${route} (${theme}): ${v}`));
      }
    }
    expect(found).toEqual([]);
  });

  it.each(['light', 'dark'])('search works under the policy (%s theme): Ctrl+K, type, a result link', async (theme) => {
    await visit(theme, 'architecture/');
    const tab = contexts.get(theme)!;
    await tab.page.locator('kb-search [data-open-search]:not([disabled])').waitFor();
    await tab.page.keyboard.press('Control+k');
    await tab.page.locator('kb-search dialog[open] input').waitFor();
    await tab.page.keyboard.type('crashloopbackoff');
    const first = tab.page.locator('kb-search .kb-search-results > li > a').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.getAttribute('href')).toMatch(/^\/k8s-kb\/.+#/);
    const violations = await tab.page.evaluate(() => window.__cspViolations);
    expect([...violations, ...tab.console]).toEqual([]);
  });

  it("search works without a Web Worker: Pagefind's main-thread WebAssembly is allowed ('wasm-unsafe-eval')", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      // Pagefind uses a Worker when `typeof Worker !== 'undefined'`; without one it compiles WebAssembly in the page.
      Reflect.deleteProperty(window, 'Worker');
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI}`), true);
    });
    const page = await context.newPage();
    await page.goto(new URL('architecture/', siteUrl).href);
    await page.locator('kb-search [data-open-search]:not([disabled])').waitFor();
    await page.keyboard.press('Control+k');
    await page.locator('kb-search dialog[open] input').waitFor();
    await page.keyboard.type('crashloopbackoff');
    await page.locator('kb-search .kb-search-results > li > a').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => ({ worker: typeof Worker, violations: window.__cspViolations }))).toEqual({ worker: 'undefined', violations: [] });
    await context.close();
  });
});
