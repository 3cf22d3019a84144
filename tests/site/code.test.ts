// Code on long pages (src/code/, issue #14 item 3), in the production build under the base path: the copy buttons
// copy the exact command through one delegated listener, content-visibility does not break anchors, and only pages
// with code blocks load the code block assets. (Find-in-page is not tested: the headless shell's window.find finds
// nothing, not even text on screen; content-visibility: auto keeps skipped content searchable by specification.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/chromium.ts';
import { htmlPages, read } from '../helpers/site.ts';

const distDir = inject('distDir');
const base = inject('base');
const siteUrl = inject('siteUrl');
const CHEAT_SHEET = 'troubleshooting/commands/';
const PLAYBOOK = 'troubleshooting/pod-status/';
const doc = (rel: string): Document => new JSDOM(read(distDir, rel)).window.document;
const sheet = doc(`${CHEAT_SHEET}index.html`);
const sheetCommands = [...sheet.querySelectorAll('.kb-cheat-item pre.kb-cmd')].map((pre) => pre.textContent ?? '');


let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, viewport = { width: 412, height: 823 }): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  if (!browser) throw new Error('Chromium did not launch (see beforeAll)');
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
  expect(page.url().startsWith(`${new URL(siteUrl).origin}${base}/`), page.url()).toBe(true);
  return { page, context, errors };
}

const clipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

describe('copy buttons', () => {
  // Commands that are easy to get wrong: placeholders (<var> in the markup), quotes and $ (HTML escaping),
  // and a command over several lines (a \ continuation or a here-document).
  const withPlaceholder = sheetCommands.find((c) => /<[a-z]+>/.test(c) && c.includes("'"));
  const multiLine = sheetCommands.find((c) => c.includes('\n'));
  const withAmp = sheetCommands.find((c) => c.includes('&') || c.includes('|'));

  it('the cheat sheet has the kinds of command this test copies', () => {
    expect(withPlaceholder).toBeTruthy();
    expect(multiLine).toBeTruthy();
    expect(withAmp).toBeTruthy();
  });

  it.each([
    ['a command with placeholders and quotes', () => withPlaceholder],
    ['a command over several lines', () => multiLine],
    ['a command with & or |', () => withAmp],
  ])('cheat sheet: the button copies %s exactly and announces it in a live region', async (_label, pick) => {
    const command = pick();
    if (!command) throw new Error('no such command on the cheat sheet (see the test above)');
    const { page, context, errors } = await open(CHEAT_SHEET);
    const index = sheetCommands.indexOf(command);
    const button = page.locator('.kb-cheat-item').nth(index).locator('button.kb-copy');
    await expect(button.getAttribute('title')).resolves.toBe('复制到剪贴板');
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await expect.poll(() => clipboard(page)).toBe(command);
    await expect.poll(() => page.locator('[aria-live="polite"]').allTextContents()).toContain('复制成功！');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cheat sheet: the button works from the keyboard (Enter on the focused button)', async () => {
    const { page, context } = await open(CHEAT_SHEET);
    const last = page.locator('button.kb-copy').last();
    await last.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(sheetCommands.at(-1));
    await context.close();
  });

  it('playbook: an Expressive Code block copies its lines joined by newlines, under the base path', async () => {
    const playbook = doc(`${PLAYBOOK}index.html`);
    const codes = [...playbook.querySelectorAll('.expressive-code button.copy')].map((b) => (b.getAttribute('data-code') ?? '').replace(/\u007f/g, '\n'));
    const index = codes.findIndex((c) => c.includes('\n') && /<[a-z]+>/.test(c));
    expect(index, 'a multi-line block with placeholders on the playbook').toBeGreaterThanOrEqual(0);
    const { page, context, errors } = await open(PLAYBOOK);
    const button = page.locator('.expressive-code button.copy').nth(index);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await expect.poll(() => clipboard(page)).toBe(codes[index]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('no listener per button: one delegated click handler serves them all', async () => {
    for (const [path, selector] of [
      [CHEAT_SHEET, 'button.kb-copy'],
      [PLAYBOOK, '.expressive-code button.copy'],
    ] as const) {
      const { page, context } = await open(path);
      await page.waitForLoadState('networkidle');
      const cdp = await context.newCDPSession(page);
      const listeners = async (expression: string) => {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        if (!result.objectId) throw new Error(`${expression}: no object`);
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        return listeners.filter((l) => l.type === 'click').length;
      };
      const buttons = await page.locator(selector).count();
      expect(buttons).toBeGreaterThan(20);
      for (const i of [0, Math.floor(buttons / 2), buttons - 1]) {
        expect(await listeners(`document.querySelectorAll(${JSON.stringify(selector)})[${i}]`), `${path} ${selector} #${i}`).toBe(0);
      }
      expect(await listeners('document')).toBeGreaterThanOrEqual(1);
      await context.close();
    }
  });
});

describe('lean code block markup (src/plugins/expressive-code.ts)', () => {
  const playbook = doc(`${PLAYBOOK}index.html`);

  it('every line of every block is one element holding its tokens; frames carry no empty chrome', () => {
    const pres = [...playbook.querySelectorAll('.expressive-code pre')];
    expect(pres.length).toBeGreaterThan(50);
    expect(pres.filter((p) => !p.classList.contains('kb-lines')).length, 'blocks with EC’s two elements per line').toBe(0);
    expect(playbook.querySelectorAll('.expressive-code .ec-line > .code, .expressive-code div.copy').length).toBe(0);
    const frames = [...playbook.querySelectorAll('.expressive-code figure.frame')];
    const untitled = (f: Element) => !f.classList.contains('has-title');
    expect(frames.filter((f) => untitled(f) && !f.classList.contains('is-terminal') && f.querySelector('figcaption')).length, 'untitled editor frames with a caption').toBe(0);
    expect(frames.filter((f) => !untitled(f)).every((f) => f.querySelector('figcaption .title')?.textContent), 'titles kept').toBe(true);
    const terminals = frames.filter((f) => f.classList.contains('is-terminal') && untitled(f));
    expect(terminals.length).toBeGreaterThan(10);
    for (const t of terminals) {
      expect(t.getAttribute('aria-label')).toBe('终端窗口');
      expect(t.querySelector('figcaption')?.children.length).toBe(0);
    }
    expect(frames.every((f) => f.querySelectorAll(':scope > button.copy[data-code][data-pagefind-ignore]').length === 1)).toBe(true);
  });

  it.each([375, 1280])('at %i px: long lines wrap inside their block, terminal bars keep one line’s height, the “copied” tooltip sits left of the button', async (width) => {
    const { page, context, errors } = await open(PLAYBOOK, { width, height: 900 });
    const layout = await page.evaluate(() => {
      const pres = [...document.querySelectorAll<HTMLElement>('.expressive-code pre')];
      const overflowing = pres.filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.textContent?.slice(0, 40));
      const bars = [...document.querySelectorAll<HTMLElement>('.expressive-code .is-terminal .header')].map((h) => {
        const cs = getComputedStyle(h);
        const expected = parseFloat(cs.lineHeight) + parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom) + parseFloat(cs.borderTopWidth);
        return h.getBoundingClientRect().height - expected;
      });
      return { overflowing, bars };
    });
    expect(layout.overflowing).toEqual([]);
    expect(layout.bars.length).toBeGreaterThan(10);
    for (const d of layout.bars) expect(Math.abs(d)).toBeLessThan(0.1);
    const figure = page.locator('.expressive-code figure.is-terminal').first();
    const button = figure.locator('button.copy');
    await figure.scrollIntoViewIfNeeded();
    await button.click();
    const feedback = figure.locator('.feedback.show');
    await expect.poll(() => feedback.count()).toBe(1);
    // The tooltip slides in (EC's 0.2 s transform transition): measured once it has settled.
    await feedback.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const [b, f] = await Promise.all([button.boundingBox(), feedback.boundingBox()]);
    if (!b || !f) throw new Error('no box for the button or its tooltip');
    expect(f.x + f.width).toBeLessThan(b.x);
    expect(b.x - (f.x + f.width)).toBeLessThan(16);
    expect(Math.abs(f.y + f.height / 2 - (b.y + b.height / 2))).toBeLessThan(1);
    expect(f.height).toBeLessThan(b.height);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('content-visibility on long pages', () => {
  it('code blocks and cheat sheet items below the fold are skipped until needed', async () => {
    const { page, context } = await open(CHEAT_SHEET);
    const skipped = await page.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.kb-cheat-item')];
      const last = items.at(-1);
      return { style: last ? getComputedStyle(last).contentVisibility : '', count: items.length };
    });
    expect(skipped.style).toBe('auto');
    await context.close();
  });

  it.each([
    [CHEAT_SHEET, () => [...sheet.querySelectorAll('h2[id^="cmd-"]')].map((h) => h.id)],
    [PLAYBOOK, () => [...doc(`${PLAYBOOK}index.html`).querySelectorAll('.sl-markdown-content :is(h2, h3)[id]')].map((h) => h.id)],
  ])('%s: anchors near the end land at the top of the screen and stay there', async (path, headings) => {
    const ids = headings();
    expect(ids.length).toBeGreaterThan(5);
    for (const id of [ids.at(-1), ids.at(-4), ids[Math.floor(ids.length / 2)]]) {
      if (!id) throw new Error('no heading id');
      const { page, context } = await open(`${path}#${encodeURIComponent(id)}`);
      const top = () => page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? NaN, id);
      await page.waitForTimeout(300);
      const first = await top();
      // Below the sticky header (about 4rem on a phone), and not further down than a few lines, unless the page
      // is scrolled to its end (a heading in the last screen cannot reach the top).
      const atEnd = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
      expect(first, `#${id} top`).toBeGreaterThanOrEqual(0);
      if (!atEnd) expect(first, `#${id} top`).toBeLessThan(200);
      else expect(first, `#${id} top`).toBeLessThan(823);
      await page.waitForTimeout(700);
      expect(Math.abs((await top()) - first), `#${id} moved after load`).toBeLessThan(2);
      await context.close();
    }
  });

  it('plain text blocks of a long page are skipped from the 16th block on, never on the first screen, never with a link or button, and not when it opens on an anchor', async () => {
    const { page, context } = await open(PLAYBOOK);
    const state = await page.evaluate(() => {
      const blocks = [...(document.querySelector('.sl-markdown-content')?.children ?? [])] as HTMLElement[];
      const skipped = blocks.filter((b) => getComputedStyle(b).contentVisibility === 'auto' && b.matches(':is(p, ul, ol, table, aside, .kb-symptoms)'));
      return {
        lazy: document.documentElement.hasAttribute('data-kb-lazy'),
        skipped: skipped.length,
        plainFrom16th: blocks.slice(15).filter((b) => b.classList.contains('kb-plain')).length,
        early: skipped.filter((b) => blocks.indexOf(b) < 15).length,
        active: skipped.filter((b) => b.querySelector('a, button, input, pre')).map((b) => b.outerHTML.slice(0, 80)),
        firstSkippedTop: Math.min(...skipped.map((b) => b.getBoundingClientRect().top)),
        screen: innerHeight,
      };
    });
    expect(state.lazy).toBe(true);
    expect(state.skipped).toBeGreaterThan(40);
    expect(state.skipped).toBe(state.plainFrom16th);
    expect(state.early).toBe(0);
    expect(state.active, 'skipped blocks with a link or button (axe would check them against the wrong background)').toEqual([]);
    expect(state.firstSkippedTop, 'the first skipped block is below the first screen').toBeGreaterThan(state.screen);
    await context.close();
    const id = [...doc(`${PLAYBOOK}index.html`).querySelectorAll('.sl-markdown-content h2[id]')].at(-1)?.id;
    const { page: anchored, context: c2 } = await open(`${PLAYBOOK}#${id}`);
    expect(await anchored.evaluate(() => document.documentElement.hasAttribute('data-kb-lazy'))).toBe(false);
    expect(await anchored.evaluate(() => [...document.querySelectorAll('.sl-markdown-content > .kb-plain')].filter((b) => getComputedStyle(b).contentVisibility === 'auto').length)).toBe(0);
    await c2.close();
  });

  it('a table of contents link to a heading near the end lands at the top and stays there', async () => {
    const { page, context } = await open(PLAYBOOK, { width: 1280, height: 800 });
    const link = page.locator('starlight-toc a[href^="#"]').last();
    const id = decodeURIComponent(((await link.getAttribute('href')) ?? '#').slice(1));
    await link.click();
    const top = () => page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? NaN, id);
    await page.waitForTimeout(300);
    const first = await top();
    expect(first, `#${id} top`).toBeGreaterThanOrEqual(0);
    expect(first, `#${id} top`).toBeLessThan(200);
    await page.waitForTimeout(700);
    expect(Math.abs((await top()) - first), `#${id} moved after the jump`).toBeLessThan(2);
    await context.close();
  });

  it('a link from the cheat sheet to a step at the end of a playbook lands on that step', async () => {
    const links = [...sheet.querySelectorAll<HTMLAnchorElement>('.kb-cheat-uses a')].map((a) => a.getAttribute('href') ?? '');
    const href = links.filter((h) => h.startsWith(`${base}/${PLAYBOOK}#`)).at(-1);
    if (!href) throw new Error(`no link into ${PLAYBOOK}`);
    const { page, context } = await open(CHEAT_SHEET);
    await page.locator(`a[href="${href}"]`).first().click();
    await page.waitForURL((u) => u.hash.length > 1);
    await page.waitForTimeout(500);
    const id = decodeURIComponent(href.split('#')[1]);
    const top = await page.evaluate((i) => document.getElementById(i)?.getBoundingClientRect().top ?? NaN, id);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await context.close();
  });
});

describe('code block assets only where there is code', () => {
  it('a page loads the Expressive Code stylesheet and script if and only if it has an Expressive Code block', () => {
    const bad: string[] = [];
    for (const rel of htmlPages(distDir)) {
      const html = read(distDir, rel);
      const blocks = html.includes('class="expressive-code"');
      const assets = /_astro\/ec\.[^"]+\.(css|js)"/.test(html);
      if (blocks !== assets) bad.push(`${rel}: ${blocks ? 'blocks without' : 'no block but'} ec assets`);
    }
    expect(bad).toEqual([]);
    expect(read(distDir, `${CHEAT_SHEET}index.html`)).not.toMatch(/_astro\/ec\./);
  });
});
