// The production build (BASE_PATH=/k8s-kb) in a real Chromium.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/chromium.ts';
import { htmlPages, routeOf } from '../helpers/site.ts';
import { ask } from '../../scripts/search-eval.ts';
import type { RegistryEntry } from '../../src/lib/types.ts';
import { axeViolations, COLOUR_RULES } from '../helpers/axe.ts';


const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const origin = inject('origin');
const routes = htmlPages(distDir).filter((p) => p !== '404.html').map(routeOf);
const registry: RegistryEntry[] = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8'));

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The layout shift of the page's content so far: shifts not caused by input whose moved elements include one
 *  inside `<main>` (title, content, footer; the observer reports the buffered ones), with what moved
 *  (`tag.class top→top`). Until session 10 only shifts inside `.sl-markdown-content` counted, and the drill's
 *  (its whole column moved, CLS 0.35 at 375 px) went unseen. Shifts of the page frame alone are left out here: the
 *  header and sidebars are Starlight's; `frame` counts them too (the test with a slower CPU below, on four pages). */
const contentShift = (page: Page, { frame = false }: { frame?: boolean } = {}) =>
  page.evaluate(
    (frame) =>
      new Promise<{ cls: number; moved: string[] }>((resolve) => {
        let cls = 0;
        const moved: string[] = [];
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Shift[]) {
            const els = e.sources.map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement));
            if (e.hadRecentInput || (!frame && !els.some((el) => el?.closest('main')))) continue;
            cls += e.value;
            e.sources.forEach((s, i) => {
              const el = els[i];
              moved.push(`${Math.round(e.startTime)} ms ${el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : '?'} ${Math.round(s.previousRect.top)}→${Math.round(s.currentRect.top)}`);
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve({ cls, moved }), 50)));
      }),
    frame,
  );

/** Is the page's fold, the element first paint waits for (src/plugins/rehype-plain-blocks.ts), absent (the page is
 *  painted once parsed) or below the first screen (everything on the first screen is parsed before it is painted)? */
const foldBelowFirstScreen = (page: Page) =>
  page.evaluate(() => {
    const fold = document.getElementById('kb-fold');
    return !fold || fold.getBoundingClientRect().top + scrollY >= innerHeight;
  });

async function open(path: string, { width = 1280, height = 900, theme }: { width?: number; height?: number; theme?: string } = {}) {
  if (!browser) throw new Error('Chromium did not launch (see beforeAll)');
  const context = await browser.newContext({ viewport: { width, height } });
  if (theme) await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith(origin)) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
  return { page, context, problems, response };
}

describe('every page in the browser', () => {
  // The per-page checks run a few at a time (each in its own browser context; vitest's maxConcurrency): most of a
  // check is waiting for the network to go idle, and the suite took about three minutes one page at a time.
  // Layout shift: content-visibility (src/styles/custom.css) must not skip anything on the first screen, where a
  // placeholder height replaced a frame later moves the page (it did: CLS 0.05–0.2 on a phone).
  it.concurrent.for(routes)('/%s loads without console errors or failed requests, fits 375 px without horizontal scroll, and its content does not move', async (route, { expect }) => {
    const { page, context, problems, response } = await open(route, { width: 375, height: 740 });
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
    const shift = await contentShift(page);
    expect(shift.cls, `layout shift of the content at 375 px: ${shift.moved.join('; ')}`).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.concurrent.for([...routes, '404.html'])('/%s has no axe violations of any impact (light; colour rules in dark), and its content does not move at 1280 px', async (route, { expect }) => {
    for (const theme of ['light', 'dark']) {
      const { page, context } = await open(route, { theme });
      if (theme === 'light') {
        const shift = await contentShift(page);
        expect(shift.cls, `layout shift of the content at 1280 px: ${shift.moved.join('; ')}`).toBe(0);
        expect(await foldBelowFirstScreen(page), 'the fold (#kb-fold) is below the first screen').toBe(true);
      }
      // Every rule in the light theme; in the dark one the rules that read colours (the DOM is the same).
      expect(await axeViolations(page, theme === 'dark' ? { rules: COLOUR_RULES } : {}), `${theme} theme`).toEqual([]);
      await context.close();
    }
  });

  // A page painted half-parsed moved a moment later: the right sidebar drawn where the content column goes until the
  // content arrived (CLS 0.41 at 1280 px), a table's columns widening as more rows came in. First paint now waits for
  // the page's fold on screens 50rem and wider (<link rel="expect" blocking="render">, src/components/Head.astro; at
  // 375 px no page shifted without it). With a 4× slower CPU, 7 of 10 loads of /troubleshooting/ shifted before, none
  // of 20 after; so this check failed nearly every time before.
  it('with a 4× slower CPU, the pages open without any layout shift at 1280 px, page frame included', async () => {
    for (const route of ['troubleshooting/', 'troubleshooting/pod-status/', 'troubleshooting/commands/', 'architecture/components/']) {
      for (let i = 0; i < 2; i++) {
        if (!browser) throw new Error('Chromium did not launch (see beforeAll)');
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(new URL(route, siteUrl).href, { waitUntil: 'load' });
        expect((await contentShift(page, { frame: true })).moved, route).toEqual([]);
        await context.close();
      }
    }
  });

  it('heading anchor links show their link icon (a CSS mask, not an inline SVG) in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { page, context } = await open('troubleshooting/pod-status/', { theme });
      const heading = page.locator('.sl-markdown-content h2[id]').first();
      await heading.hover();
      const icon = await page.evaluate(() => {
        const link = document.querySelector('.sl-markdown-content h2[id] + .sl-anchor-link');
        const span = link?.querySelector('.sl-anchor-icon');
        if (!link || !span) return null;
        const before = getComputedStyle(span, '::before');
        return { svg: span.querySelector('svg') !== null, width: parseFloat(before.width), mask: before.maskImage, opacity: getComputedStyle(link).opacity, color: before.backgroundColor };
      });
      expect(icon, theme).not.toBeNull();
      expect(icon!.svg).toBe(false);
      expect(icon!.width).toBeGreaterThan(10);
      expect(icon!.mask).toContain('data:image/svg+xml');
      expect(icon!.opacity).toBe('1');
      expect(icon!.color).not.toBe('rgba(0, 0, 0, 0)');
      await context.close();
    }
  });

  it('the 404 page renders styled under the base path', async () => {
    const { page, context, response, problems } = await open('no-such-page/');
    expect(response?.status()).toBe(404);
    // The page's own 404 status is expected; every asset it loads must succeed.
    const own = (p: string): boolean => p.includes('no-such-page') || p.includes('status of 404');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/404|未找到/);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(problems.filter((p) => !own(p))).toEqual([]);
    expect(problems.filter((p) => p.startsWith('HTTP')).length).toBe(1);
    await context.close();
  });
});

describe('diagrams', () => {
  const diagramRoute = routes.find((r) => readFileSync(join(distDir, r, 'index.html'), 'utf8').includes('class="kb-diagram"'));

  it.each(['light', 'dark'])('are drawn once, in the %s theme’s colours, with the CJK font', async (theme) => {
    expect(diagramRoute).toBeTruthy();
    if (!diagramRoute) throw new Error('no page with a diagram'); // (unreachable: the expect above fails first)
    const { page, context, problems } = await open(diagramRoute, { theme });
    await page.evaluate(() => document.fonts.ready);
    const state = await page.evaluate(() => {
      const figure = document.querySelector('.kb-diagram');
      if (!figure) throw new Error('no .kb-diagram on the page');
      figure.scrollIntoView();
      const svgs = figure.querySelectorAll('svg');
      const shown = svgs[0];
      if (!shown) throw new Error('the diagram has no SVG');
      const box = shown.getBoundingClientRect();
      // (Labels fitting their shapes is checked for every diagram in the next test.)
      const shape = shown.querySelector('g.node rect, g.node polygon, rect.actor');
      const shownText = shown.querySelector('text');
      if (!shownText) throw new Error('the diagram has no text');
      return {
        svgs: svgs.length,
        shapeFill: shape ? getComputedStyle(shape).fill : null,
        textFill: getComputedStyle(shownText).fill,
        theme: document.documentElement.dataset.theme,
        width: box.width,
        height: box.height,
        fontLoaded: [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Noto Sans SC' && f.status === 'loaded'),
        nodes: shown.querySelectorAll('g.node').length,
        name: shown.getAttribute('aria-label'),
      };
    });
    expect(state.theme).toBe(theme);
    expect(state.svgs).toBe(1);
    // Styled by mermaid's theme: shapes are not the default black fill, text contrasts with the page.
    expect(state.shapeFill).toMatch(/^rgb/);
    expect(state.shapeFill).not.toBe('rgb(0, 0, 0)');
    const channels = state.textFill.match(/\d+/g);
    if (!channels) throw new Error(`text fill ${state.textFill} is not an rgb() colour`);
    const [r, g, b] = channels.map(Number);
    const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    if (theme === 'dark') expect(luminance).toBeGreaterThan(0.5);
    else expect(luminance).toBeLessThan(0.5);
    expect(state.width).toBeGreaterThan(100);
    expect(state.height).toBeGreaterThan(50);
    expect(state.fontLoaded).toBe(true);
    expect(state.name).toBeTruthy();
    expect(problems).toEqual([]);
    await context.close();
  });

  const diagramRoutes = routes.filter((r) => readFileSync(join(distDir, r, 'index.html'), 'utf8').includes('class="kb-diagram"'));
  it.concurrent.for(diagramRoutes)('/%s: every diagram is one SVG, recoloured by the theme, with its font loaded and no label wider than its shape', async (route, { expect }) => {
    const { page, context, problems } = await open(route, { width: 1280, height: 900 });
    // Diagrams are laid out, and their font faces fetched, only near the viewport (content-visibility in
    // custom.css): below the fold nothing of them is rendered yet, then each one as it is scrolled to.
    const below = await page.evaluate(() =>
      [...document.querySelectorAll('figure.kb-diagram')].filter((f) => f.getBoundingClientRect().top > 3 * innerHeight).map((f) => getComputedStyle(f).contentVisibility),
    );
    expect(below.every((v) => v === 'auto')).toBe(true);
    await page.evaluate(async () => {
      for (const f of document.querySelectorAll('figure.kb-diagram')) {
        f.scrollIntoView();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      await document.fonts.ready;
    });
    // Every diagram font face of the page was needed by its labels and loaded (a face never used stays "unloaded").
    const faces = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans SC').map((f) => `${f.unicodeRange.slice(0, 40)}: ${f.status}`),
    );
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.filter((f) => !f.endsWith(': loaded'))).toEqual([]);
    const fills: Record<string, string[]> = {};
    for (const theme of ['light', 'dark']) {
      const { bad, shapeFills } = await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
        const out: string[] = [];
        const shapeFills: string[] = [];
        document.querySelectorAll('figure.kb-diagram').forEach((figure, i) => {
          const name = figure.querySelector('figcaption')?.textContent?.trim() || `#${i + 1}`;
          const svgs = figure.querySelectorAll('svg');
          if (svgs.length !== 1) return out.push(`${name}: ${svgs.length} SVGs`);
          const shown = svgs[0];
          const box = shown.getBoundingClientRect();
          if (box.width < 50 || box.height < 30) return out.push(`${name}: not visible in the ${t} theme`);
          const first = shown.querySelector('g.node rect, g.node polygon, g.node path, rect.actor, text');
          shapeFills.push(`${name}: ${first ? getComputedStyle(first).fill : 'no shape'}`);
          for (const node of shown.querySelectorAll('g.node')) {
            const shape = node.querySelector<SVGGraphicsElement>('rect, polygon, circle, path');
            const label = node.querySelector('text');
            if (!shape || !label) continue;
            const s = shape.getBBox();
            const l = label.getBBox();
            if (l.width > s.width + 1) out.push(`${name}: "${label.textContent}" ${l.width.toFixed(0)} > ${s.width.toFixed(0)} px`);
          }
        });
        return { bad: out, shapeFills };
      }, theme);
      expect(bad, `${theme} theme`).toEqual([]);
      fills[theme] = shapeFills;
    }
    // The same elements take the other theme's colours.
    expect(fills.light.length).toBeGreaterThan(0);
    const unchanged = fills.light.filter((f, i) => f === fills.dark[i]);
    expect(unchanged, 'diagrams whose first shape keeps its colour when the theme changes').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a wide diagram opens full size with "放大查看" and closes again, without JavaScript', async () => {
    const route = routes.find((r) => readFileSync(join(distDir, r, 'index.html'), 'utf8').includes('class="kb-diagram-zoom"'));
    expect(route).toBeTruthy();
    if (!route) throw new Error('no page with a zoomable diagram'); // (unreachable: the expect above fails first)
    const { page, context, problems } = await open(route, { width: 1280, height: 900 });
    const figure = page.locator('figure.kb-diagram:has(.kb-diagram-zoom)').first();
    const natural = await figure.evaluate((f) => parseFloat(getComputedStyle(f).getPropertyValue('--kb-diagram-width')));
    const inColumn = await figure.locator('svg').evaluate((svg) => svg.getBoundingClientRect().width);
    expect(inColumn).toBeLessThan(natural);
    await figure.locator('.kb-diagram-zoom').click();
    const zoomed = await figure.evaluate((f) => {
      const svg = f.querySelector('svg');
      if (!svg) throw new Error('the figure has no SVG');
      return {
        position: getComputedStyle(f).position,
        width: svg.getBoundingClientRect().width,
        box: f.getBoundingClientRect().toJSON(),
      };
    });
    expect(zoomed.position).toBe('fixed');
    expect(Math.round(zoomed.width)).toBe(Math.round(natural));
    expect(zoomed.box.width).toBe(1280);
    // Keyboard users can scroll the full-size view: it has focus after the jump.
    expect(await figure.evaluate((f) => document.activeElement === f)).toBe(true);
    await figure.locator('.kb-diagram-close').click();
    expect(await figure.evaluate((f) => getComputedStyle(f).position)).toBe('static');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('search', () => {
  // A reader types a question as they would ask it; the question answering it must be one of the first two results.
  // The expected question comes from the question registry, so the test follows content moves.
  const bySeed = (seed: string): RegistryEntry | undefined => registry.find((q) => q.seeds.includes(seed));
  const probes = ['kubelet-role', 'pod-phases', 'etcd-consensus-algorithm', 'qos-classes-implementation', 'rollout-undo-command'];
  it.each(probes)('finds the question answering seed "%s" when its title is typed into the search dialog under the base path', async (seed) => {
    const target = bySeed(seed);
    expect(target, `no question answers ${seed}`).toBeTruthy();
    if (!target) throw new Error(`no question answers ${seed}`); // (unreachable: the expect above fails first)
    const { page, context, problems } = await open('');
    const { links } = await ask(page, target.title);
    expect(links.slice(0, 2), `${target.title} → ${links.join(', ')}`).toContain(target.url);
    expect(problems).toEqual([]);
    await context.close();
  });
});
