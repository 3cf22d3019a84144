// Study mode on the built site under /k8s-kb in Chromium (issue #15 item 8): self-test switch, ratings that survive
// a reload, progress counts, the drill's order and keys, export → reset → import, the no-JS page, printing, axe;
// and the files: short answers in questions.json, the Anki flashcards.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/chromium.ts';
import { SUMMARY_MAX } from '../../src/lib/questions.ts';
import { topicIds } from '../../src/topics.ts';
import type { RegistryEntry } from '../../src/lib/types.ts';
import { parseAnkiTsv } from '../helpers/anki.ts';
import { axeViolations } from '../helpers/axe.ts';


const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const base = inject('base');
const registry: RegistryEntry[] = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8'));
const PAGE = 'etcd/basics-raft/';
const onPage = registry.filter((q) => q.url === `${base}/${PAGE}#${q.id}`);
const STORAGE_KEY = 'k8s-kb:study';

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function context(options: BrowserContextOptions = {}) {
  if (!browser) throw new Error('Chromium did not launch (see beforeAll)');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const problems: string[] = [];
  const open = async (path: string): Promise<Page> => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
    return page;
  };
  return { ctx, open, problems };
}

const progressLine = (page: Page, sel = '.kb-study [data-kb-progress-text]') => page.locator(sel).first().textContent();
const axe = (page: Page): Promise<string[]> => axeViolations(page);

describe('the files', () => {
  it('every question in questions.json has a short answer within the limit', () => {
    expect(registry.length).toBeGreaterThan(200);
    const bad = registry.filter((q) => typeof q.summary !== 'string' || q.summary.length === 0 || [...q.summary].length > SUMMARY_MAX);
    expect(bad.map((q) => q.id)).toEqual([]);
  });
  it('the flashcards import as Anki notes: one per question, four fields, topic tags, unique GUIDs, links into the site', () => {
    const { headers, notes } = parseAnkiTsv(readFileSync(join(distDir, 'flashcards.tsv'), 'utf8'));
    expect(headers).toMatchObject({ separator: 'tab', html: 'true', notetype: 'Basic', 'tags column': '3', 'guid column': '4' });
    expect(notes).toHaveLength(registry.length);
    expect(notes.filter((n) => n.length !== 4)).toEqual([]);
    expect(new Set(notes.map((n) => n[3])).size).toBe(registry.length);
    expect(new Set(notes.map((n) => n[2]?.replace('k8s-kb::', '')))).toEqual(new Set(topicIds.filter((t) => registry.some((q) => q.topic === t))));
    const first = registry[0]!;
    const note = notes.find((n) => n[3] === `k8s-kb-${first.id}`)!;
    expect(note[0]).toBe(first.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(note[1]).toMatch(new RegExp(`href="https?://[^"]+${first.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });
});

describe('self-test on a topic page', () => {
  it('has questions to test (the page the browser tests use)', () => {
    expect(onPage.length).toBeGreaterThan(2);
  });

  it('the switch hides every answer; each is revealed on its own; a rating survives a reload', async () => {
    const { ctx, open, problems } = await context();
    const page = await open(PAGE);
    const mode = page.getByRole('button', { name: '自测模式' });
    await expect(mode.getAttribute('aria-pressed')).resolves.toBe('false');
    const [q1, q2] = onPage;
    const firstParagraph = page.locator(`#kb-answer-${q1!.id} > p`).first();
    await mode.click();
    await expect(mode.getAttribute('aria-pressed')).resolves.toBe('true');
    for (const q of onPage) expect(await page.locator(`#kb-answer-${q.id}`).isHidden(), q.id).toBe(true);
    // Revealing one answer leaves the others hidden.
    const reveal1 = page.locator(`[aria-controls="kb-answer-${q1!.id}"]`);
    await expect(reveal1.getAttribute('aria-expanded')).resolves.toBe('false');
    await reveal1.click();
    await expect(reveal1.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await firstParagraph.isVisible()).toBe(true);
    expect(await firstParagraph.textContent()).toBe(q1!.summary);
    expect(await page.locator(`#kb-answer-${q2!.id}`).isHidden()).toBe(true);
    // Rate it 不会; the page's progress counts it.
    const group = page.getByRole('group', { name: `自测：${q1!.title}` });
    await group.getByRole('button', { name: '不会' }).click();
    await expect(group.getByRole('button', { name: '不会' }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await progressLine(page)).toBe(`已看 1/${onPage.length} · 会 0 · 模糊 0 · 不会 1`);
    // Reload: still in self-test mode, answers hidden, the rating kept.
    await page.reload({ waitUntil: 'load' });
    await expect(page.getByRole('button', { name: '自测模式' }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await page.locator(`#kb-answer-${q1!.id}`).isHidden()).toBe(true);
    await page.locator(`[aria-controls="kb-answer-${q1!.id}"]`).click();
    const again = page.getByRole('group', { name: `自测：${q1!.title}` });
    await expect(again.getByRole('button', { name: '不会' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(again.getByRole('button', { name: '会', exact: true }).getAttribute('aria-pressed')).resolves.toBe('false');
    // Switching off shows every answer again.
    await page.getByRole('button', { name: '自测模式' }).click();
    for (const q of onPage) expect(await page.locator(`#kb-answer-${q.id}`).isVisible(), q.id).toBe(true);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('works from the keyboard: Enter reveals, Tab moves on to the ratings and out of the question', async () => {
    const { ctx, open } = await context();
    await ctx.addInitScript(([key]) => localStorage.setItem(key!, JSON.stringify({ v: 1, mode: true, tick: 0, q: {} })), [STORAGE_KEY]);
    const page = await open(PAGE);
    const q = onPage[0]!;
    const reveal = page.locator(`[aria-controls="kb-answer-${q.id}"]`);
    await reveal.focus();
    await page.keyboard.press('Enter');
    await expect(reveal.getAttribute('aria-expanded')).resolves.toBe('true');
    const focused = async () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('会');
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: `自测：${q.title}` }).getByRole('button', { name: '会', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // Past the three ratings, focus goes on into the answer (its first link), not back to the controls.
    expect(await page.evaluate((id) => document.getElementById(`kb-answer-${id}`)?.contains(document.activeElement), q.id)).toBe(true);
    await ctx.close();
  });

  it('a link to a question opens its answer in self-test mode', async () => {
    const { ctx, open } = await context();
    await ctx.addInitScript(([key]) => localStorage.setItem(key!, JSON.stringify({ v: 1, mode: true, tick: 0, q: {} })), [STORAGE_KEY]);
    const q = onPage[1]!;
    const page = await open(`${PAGE}#${q.id}`);
    expect(await page.locator(`#kb-answer-${q.id}`).isVisible()).toBe(true);
    expect(await page.locator(`#kb-answer-${onPage[0]!.id}`).isHidden()).toBe(true);
    await ctx.close();
  });

  it('progress counts change on the topic overview, the home page and the study path', async () => {
    const { ctx, open } = await context();
    const [a, b, c] = onPage;
    const etcd = registry.filter((q) => q.topic === 'etcd');
    const overview = await open('etcd/');
    expect(await progressLine(overview)).toBe(`已看 0/${etcd.length} · 会 0 · 模糊 0 · 不会 0`);
    await overview.evaluate(
      ([key, a, b, c]) => localStorage.setItem(key!, JSON.stringify({ v: 1, mode: false, tick: 2, q: { [a!]: { r: 'know', at: 1 }, [b!]: { r: 'dont', at: 2 }, [c!]: {} } })),
      [STORAGE_KEY, a!.id, b!.id, c!.id],
    );
    await overview.reload({ waitUntil: 'load' });
    expect(await progressLine(overview)).toBe(`已看 3/${etcd.length} · 会 1 · 模糊 0 · 不会 1`);
    expect(await overview.locator(`[data-kb-q="${b!.id}"] .kb-mark`).textContent()).toBe('不会');
    expect(await overview.locator(`[data-kb-q="${c!.id}"] .kb-mark`).textContent()).toBe('已看');
    const home = await open('');
    expect(await home.locator('[data-kb-progress] [data-kb-progress-text]').first().textContent()).toBe(`已看 3/${registry.length} · 会 1 · 模糊 0 · 不会 1`);
    const path = await open('study-path/');
    expect(await progressLine(path)).toBe(`已看 3/${registry.length} · 会 1 · 模糊 0 · 不会 1`);
    await ctx.close();
  });

  it('export round-trips through reset and import', async () => {
    const { ctx, open } = await context({ acceptDownloads: true });
    const page = await open(PAGE);
    await page.getByRole('button', { name: '自测模式' }).click();
    const q = onPage[0]!;
    await page.locator(`[aria-controls="kb-answer-${q.id}"]`).click();
    await page.getByRole('group', { name: `自测：${q.title}` }).getByRole('button', { name: '模糊' }).click();
    const before = await progressLine(page);
    expect(before).toContain('模糊 1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出记录' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ v: 1, mode: true, q: { [q.id]: { r: 'fuzzy' } } });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '重置' }).click();
    expect(await progressLine(page)).toBe(`已看 0/${onPage.length} · 会 0 · 模糊 0 · 不会 0`);
    await page.locator('[data-kb-file]').setInputFiles({ name: 'k8s-kb-study.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.waitForFunction((b) => document.querySelector('.kb-study [data-kb-progress-text]')?.textContent === b, before);
    expect(await page.getByRole('status').first().textContent()).toBe('已导入 1 道题的记录。');
    // A file that is not a record is refused and changes nothing.
    await page.locator('[data-kb-file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"v":9}') });
    await page.waitForFunction(() => document.querySelector('[data-kb-status]')?.textContent?.startsWith('导入失败'));
    expect(await progressLine(page)).toBe(before);
    await ctx.close();
  });

  it('the study controls appear without moving the page (no layout shift), on a phone and on a desktop', async () => {
    for (const [width, path] of [[375, PAGE], [1280, PAGE], [375, 'etcd/'], [375, 'study-path/']] as const) {
      const { ctx, open } = await context({ viewport: { width, height: 800 } });
      // Ratings exist, so the script writes figures that differ from the zero line rendered at build time.
      await ctx.addInitScript(([key, id]) => localStorage.setItem(key!, JSON.stringify({ v: 1, mode: false, tick: 1, q: { [id!]: { r: 'dont', at: 1 } } })), [STORAGE_KEY, onPage[0]!.id]);
      const page = await open(path);
      await page.locator('.kb-study:not([hidden])').first().waitFor();
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) sum += e.value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(sum), 300);
          }),
      );
      expect(shift, `${path} at ${width} px`).toBe(0);
      await ctx.close();
    }
  });

  it('without JavaScript every answer is visible and no study control shows', async () => {
    const { ctx, open } = await context({ javaScriptEnabled: false });
    const page = await open(PAGE);
    expect(await page.locator('.kb-study').isHidden()).toBe(true);
    for (const q of onPage) {
      // The paragraph after each question heading (its short answer) is on screen.
      const p = page.locator(`xpath=//*[@id="${q.id}"]/ancestor-or-self::*[parent::div[contains(@class,"sl-markdown-content")]][1]/following-sibling::p[1]`);
      expect(await p.isVisible(), q.id).toBe(true);
    }
    expect(await page.locator('.kb-answer').count()).toBe(0);
    await ctx.close();
  });

  it('printing in self-test mode shows every answer and no controls', async () => {
    const { ctx, open } = await context();
    await ctx.addInitScript(([key]) => localStorage.setItem(key!, JSON.stringify({ v: 1, mode: true, tick: 0, q: {} })), [STORAGE_KEY]);
    const page = await open(PAGE);
    expect(await page.locator(`#kb-answer-${onPage[0]!.id}`).isHidden()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const q of onPage) expect(await page.locator(`#kb-answer-${q.id}`).isVisible(), q.id).toBe(true);
    expect(await page.locator('.kb-qc').first().isVisible()).toBe(false);
    expect(await page.locator('.kb-study').isVisible()).toBe(false);
    await ctx.close();
  });

  it('self-test mode and the drill have no axe violations (light and dark)', async () => {
    for (const theme of ['light', 'dark']) {
      const { ctx, open } = await context();
      await ctx.addInitScript(([key, t]) => {
        localStorage.setItem('starlight-theme', t!);
        localStorage.setItem(key!, JSON.stringify({ v: 1, mode: true, tick: 1, q: {} }));
      }, [STORAGE_KEY, theme]);
      const page = await open(PAGE);
      const q = onPage[0]!;
      await page.locator(`[aria-controls="kb-answer-${q.id}"]`).click();
      await page.getByRole('group', { name: `自测：${q.title}` }).getByRole('button', { name: '会', exact: true }).click();
      expect(await axe(page), `${theme}: self-test`).toEqual([]);
      const drill = await open('drill/');
      await drill.locator('[data-card]').waitFor();
      await drill.keyboard.press(' ');
      await drill.keyboard.press('2');
      expect(await axe(drill), `${theme}: drill`).toEqual([]);
      await ctx.close();
    }
  });
});

describe('the drill', () => {
  it('serves 不会 first, then 模糊; space reveals the short answer, 1/2/3 rate, → moves on', async () => {
    const { ctx, open, problems } = await context();
    // Two questions from the end of the registry: the order comes from the ratings, not the list.
    const dont = registry.at(-1)!;
    const fuzzy = registry.at(-2)!;
    const know = registry[0]!;
    await ctx.addInitScript(
      ([key, d, f, k]) => localStorage.setItem(key!, JSON.stringify({ v: 1, mode: false, tick: 3, q: { [k!]: { r: 'know', at: 1 }, [f!]: { r: 'fuzzy', at: 2 }, [d!]: { r: 'dont', at: 3 } } })),
      [STORAGE_KEY, dont.id, fuzzy.id, know.id],
    );
    const page = await open('drill/');
    const title = page.locator('[data-title]');
    await page.locator('[data-card]').waitFor();
    expect(await title.textContent()).toBe(dont.title);
    const answer = page.locator('#kb-drill-answer');
    expect(await answer.isHidden()).toBe(true);
    const reveal = page.locator('[data-reveal]');
    expect(await reveal.textContent()).toMatch(/^显示答案/);
    await page.keyboard.press(' ');
    expect(await answer.isVisible()).toBe(true);
    // The button now says what it does next.
    await expect(reveal.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await reveal.textContent()).toMatch(/^隐藏答案/);
    expect(await page.locator('[data-summary]').textContent()).toBe(dont.summary);
    expect(await page.locator('[data-link]').getAttribute('href')).toBe(dont.url);
    await page.keyboard.press('1');
    await expect(page.locator('[data-rate="know"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await title.textContent()).toBe(fuzzy.title);
    // Focus moves to the new question, so a screen reader reads it.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-title'))).toBe(true);
    expect(await answer.isHidden()).toBe(true);
    await page.keyboard.press('3');
    await page.keyboard.press('ArrowRight');
    // Then the unrated questions in registry order (the one rated 会 comes last).
    expect(await title.textContent()).toBe(registry.find((q) => ![dont.id, fuzzy.id, know.id].includes(q.id))!.title);
    // The ratings are stored.
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), STORAGE_KEY);
    expect(stored.q[dont.id].r).toBe('know');
    expect(stored.q[fuzzy.id].r).toBe('dont');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('filters by topic (from ?topic=) and by rating', async () => {
    const { ctx, open } = await context();
    const page = await open('drill/?topic=storage');
    await page.locator('[data-card]').waitFor();
    const storage = registry.filter((q) => q.topic === 'storage');
    expect(await page.locator('form.kb-drill-filters select').inputValue()).toBe('storage');
    expect(await page.locator('[data-title]').textContent()).toBe(storage[0]!.title);
    expect(await page.locator('[data-count]').textContent()).toBe(`存储：已看 0/${storage.length} · 会 0 · 模糊 0 · 不会 0`);
    await page.getByRole('checkbox', { name: '未自评' }).uncheck();
    expect(await page.locator('[data-empty]').isVisible()).toBe(true);
    expect(await page.locator('[data-card]').isHidden()).toBe(true);
    await ctx.close();
  });

  it('without JavaScript says so and links to the study path and the flashcards', async () => {
    const { ctx, open } = await context({ javaScriptEnabled: false });
    const page = await open('drill/');
    expect(await page.locator('[data-kb-nojs]').isVisible()).toBe(true);
    expect(await page.locator(`a[href="${base}/study-path/"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`a[href="${base}/flashcards.tsv"]`).count()).toBe(1);
    await ctx.close();
  });
});
