// Build-time Mermaid: the official `mermaid` package runs in headless Chromium pages that stay open
// for the whole build (or dev session). Results are cached on disk by content hash.
import { cacheRoot } from './cache-root.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { launchChromium } from './chromium.ts';
import type { Browser, Page } from 'playwright-core';
import type { Mermaid } from 'mermaid';
import type { MermaidConfig, MermaidRenderRequest, MermaidRenderResult, MermaidTheme } from './types.ts';
import { externalReferences } from './mermaid-safety.ts';
import { mergeThemes } from './mermaid-themes.ts';
import { compactSvg } from './mermaid-compact.ts';

/** What the page function returns: the SVG in each theme (merged into one afterwards), or the parse error's message. */
type PageRenderResult = { ok: true; svgs: Record<MermaidTheme, string> } | { ok: false; message: string };

const require = createRequire(import.meta.url);
const mermaidJs = require.resolve('mermaid/dist/mermaid.min.js');
const mermaidVersion: string = require('mermaid/package.json').version;
const fontCss = require.resolve('@fontsource/noto-sans-sc/400.css');
const fontVersion: string = require('@fontsource/noto-sans-sc/package.json').version;

/** Bump when a change to the rendering code changes its output; option changes are part of the cache key by themselves. */
const RENDERER_VERSION = 9;
export const FONT_FAMILY = '"Noto Sans SC", sans-serif';
export const THEMES = ['light', 'dark'] as const satisfies readonly MermaidTheme[];
const MERMAID_THEME: Record<MermaidTheme, MermaidConfig['theme']> = { light: 'default', dark: 'dark' };

const CACHE_DIR = cacheRoot();
const ORIGIN = 'http://mermaid.render.local';

function mermaidConfig(theme: MermaidTheme): MermaidConfig {
  return {
    startOnLoad: false,
    theme: MERMAID_THEME[theme],
    securityLevel: 'strict',
    fontFamily: FONT_FAMILY,
    themeVariables: { fontFamily: FONT_FAMILY },
    htmlLabels: false,
    // Compact layouts: diagrams are read in a ~45rem column, so width costs legibility.
    flowchart: { htmlLabels: false, useMaxWidth: true, nodeSpacing: 30, rankSpacing: 40, padding: 10, wrappingWidth: 240 },
    // No automatic wrapping in sequence diagrams: it hyphenates mid-word ("kube-apiserve-r"); authors break lines with <br/>.
    sequence: { useMaxWidth: true, actorMargin: 30, messageMargin: 28, boxMargin: 6, noteMargin: 8 },
    state: { useMaxWidth: true },
  };
}

/** Cache key of a diagram: its source, the mermaid and font versions, the renderer version and the configs. */
export function diagramHash(code: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ code, mermaidVersion, fontVersion, RENDERER_VERSION, config: THEMES.map(mermaidConfig) }))
    .digest('hex')
    .slice(0, 16);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Gives every element id of a rendered SVG its root id as prefix (`mmd-<hash>`), so ids depend only on the
 * diagram's content. Mermaid names most elements after the id passed to `render`, but some from counters
 * that run across the whole browser session (sequence diagrams' `actor44`/`root-44`) or not at all (a flowchart
 * self-loop's `A---A---1`): those depend on which diagrams were rendered
 * before (a cold or warm cache gives different pages) and repeat on a page. They become `<root>-n<k>` in document
 * order, with every reference to them (`url(#…)`, `href="#…"`, `aria-*`, selectors in the <style>) renamed alike.
 * Text content is never touched.
 */
export function scopeIds(svg: string): string {
  const root = /^<svg\b[^>]*?\sid="([^"]+)"/.exec(svg)?.[1];
  if (!root) throw new Error('mermaid-renderer: the SVG has no root id');
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/<[^>]*?\sid="([^"]+)"/g)) {
    const id = m[1];
    if (id === root || id.startsWith(`${root}-`) || id.startsWith(`${root}_`) || renamed.has(id)) continue;
    renamed.set(id, `${root}-n${renamed.size}`);
  }
  if (!renamed.size) return svg;
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // An id as a whole token: in an attribute value (`"id"`, `"a id"`, `#id`) or a CSS selector / url(#id).
  const token = new RegExp(`(?<=["'\\s#(,])(${names.join('|')})(?=["'\\s),.:;{\\[>]|$)`, 'g');
  const rename = (text: string): string => text.replace(token, (id) => renamed.get(id) ?? id);
  return svg.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)|<[^>]+>/g, (tag, open?: string, css?: string, close?: string) =>
    open !== undefined ? `${open}${rename(css ?? '')}${close}` : rename(tag),
  );
}

/** The render page's own policy: scripts, styles and fonts from the fake origin only, nothing else (not even data:). */
const RENDER_PAGE_CSP = `default-src 'none'; script-src ${ORIGIN}; style-src ${ORIGIN} 'unsafe-inline'; font-src ${ORIGIN}`;

/** Diagrams render in this many pages side by side, each in its own browser context (its own renderer process).
 *  With one page, a 2-core machine idled while Node waited for the next drawing: cold build (npm run bench)
 *  55.0–56.4 s with one page, 44.6–47.0 s with two; three were no faster (issue 14). Which page draws a diagram does not change its SVG (scopeIds). */
const LANES = 2;
interface Lane {
  page?: Promise<Page>;
  /** Renders waiting or running on this page: a new one goes to the lane with the fewest. */
  pending: number;
  queue: Promise<unknown>;
  /** Requests the page tried to make outside its own origin, since its current render started (all refused). */
  refused: string[];
}
const lanes: Lane[] = Array.from({ length: LANES }, () => ({ pending: 0, queue: Promise.resolve(), refused: [] }));
let browserPromise: Promise<Browser> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Counts for the build summary: diagrams rendered, served from the cache, and browser launches. */
export const stats: { rendered: number; cached: number; launches: number } = { rendered: 0, cached: 0, launches: 0 };

function getBrowser(): Promise<Browser> {
  if (!browserPromise) {
    stats.launches += 1;
    browserPromise = launchChromium();
    browserPromise.catch(() => {
      browserPromise = undefined;
    });
  }
  return browserPromise;
}

async function getPage(lane: Lane): Promise<Page> {
  if (lane.page) return lane.page;
  lane.page = (async () => {
    const browser = await getBrowser();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The diagram browser talks to nobody: every request but the fake origin's is refused before it leaves (a diagram
    // that slipped a url() past checkDiagramSource cannot reach the network), and recorded so the render fails.
    // Routes registered later take precedence, so this catch-all only sees what the origin route below does not match.
    await context.route('**/*', (route) => {
      lane.refused.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    // Serve mermaid and the font from node_modules through a fake origin, so fonts load without file:// CORS rules.
    await context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') {
        return route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': RENDER_PAGE_CSP },
          body: `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/font/400.css"><script src="/mermaid.min.js"></script></head><body></body></html>`,
        });
      }
      if (url.pathname === '/mermaid.min.js') return route.fulfill({ path: mermaidJs, contentType: 'text/javascript' });
      if (url.pathname.startsWith('/font/')) {
        const file = join(dirname(fontCss), decodeURIComponent(url.pathname.slice('/font/'.length)));
        return route.fulfill({ path: file });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/`);
    return page;
  })();
  lane.page.catch(() => {
    lane.page = undefined;
  });
  return lane.page;
}

/** Closes the browser; the next render starts a new one. */
export async function closeRenderer(): Promise<void> {
  clearTimeout(idleTimer);
  const b = browserPromise;
  browserPromise = undefined;
  for (const lane of lanes) lane.page = undefined;
  if (b) await (await b.catch(() => undefined))?.close().catch(() => {});
}

function scheduleIdleClose(): void {
  clearTimeout(idleTimer);
  // Safety net: a build that ends without calling closeRenderer() still lets Node exit.
  idleTimer = setTimeout(() => void closeRenderer(), 15_000);
  idleTimer.unref?.();
}

/**
 * Renders one diagram in both themes, under the same root id (`mmd-<hash>`), and merges the two drawings into one
 * SVG whose theme colours are CSS custom properties (src/lib/mermaid-themes.ts), without the definitions it does
 * not use and with each label row's words as one text run (src/lib/mermaid-compact.ts).
 */
export function renderDiagram(code: string): Promise<MermaidRenderResult> {
  const hash = diagramHash(code);
  const cacheFile = join(CACHE_DIR, `${hash}.json`);
  if (existsSync(cacheFile)) {
    try {
      const cachedResult: { svg: string } = JSON.parse(readFileSync(cacheFile, 'utf8'));
      if (typeof cachedResult.svg !== 'string') throw new Error('not a cached diagram');
      stats.cached += 1;
      // compactSvg is idempotent: a diagram cached before a compaction step was added gets it too, without a render.
      return Promise.resolve({ ok: true, svg: compactSvg(cachedResult.svg), hash });
    } catch {
      // fall through and render again
    }
  }
  const lane = lanes.reduce((a, b) => (b.pending < a.pending ? b : a));
  lane.pending += 1;
  const job = lane.queue.then(async (): Promise<MermaidRenderResult> => {
    clearTimeout(idleTimer);
    const page = await getPage(lane);
    const refused = lane.refused;
    refused.length = 0;
    const result = await page.evaluate(
      async ({ code, configs, hash }: MermaidRenderRequest): Promise<PageRenderResult> => {
        // Load every glyph the diagram uses before mermaid measures text.
        const family = configs.light.fontFamily.split(',')[0];
        await document.fonts.load(`16px ${family}`, code);
        await document.fonts.ready;
        // The page's global from mermaid.min.js; the DOM typings do not know it.
        const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
        // Filled for every theme by the loop below. No separate mermaid.parse first: render parses, and throws the
        // same error for a diagram that does not parse (the parse was 8 % of the browser's time).
        const svgs = {} as Record<MermaidTheme, string>;
        for (const theme of Object.keys(configs) as MermaidTheme[]) {
          mermaid.initialize(configs[theme]);
          try {
            svgs[theme] = (await mermaid.render(`mmd-${hash}`, code)).svg;
          } catch (error) {
            const message = String((error as { message?: unknown } | null | undefined)?.message ?? error);
            return { ok: false, message };
          }
        }
        return { ok: true, svgs };
      },
      { code, hash, configs: Object.fromEntries(THEMES.map((t) => [t, mermaidConfig(t)])) as Record<MermaidTheme, MermaidConfig> },
    );
    scheduleIdleClose();
    if (!result.ok) {
      const m = /on line (\d+)/i.exec(result.message);
      return { ok: false, kind: 'parse', message: result.message, line: m ? Number(m[1]) : undefined };
    }
    // Last line of defence after the source check: an SVG that would fetch anything is never cached or shipped.
    const external = [...new Set([...refused, ...THEMES.flatMap((t) => externalReferences(result.svgs[t]))])];
    if (external.length) {
      return { ok: false, kind: 'unsafe', message: `it would load ${external.slice(0, 5).join(', ')}`, line: undefined };
    }
    const merged = mergeThemes(scopeIds(result.svgs.light), scopeIds(result.svgs.dark), `mmd-${hash}`);
    if (!merged.ok) return { ok: false, kind: 'themes', message: merged.message, line: undefined };
    stats.rendered += 1;
    const svg = compactSvg(merged.svg);
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ svg }));
    return { ok: true, svg, hash };
  });
  lane.queue = job.catch(() => {}).finally(() => {
    lane.pending -= 1;
  });
  return job;
}
