// Search as a person uses it (src/search/): the built site under /k8s-kb in Chromium, Ctrl+K, typing or pasting.
// 1. Quality on the query set (tests/search/queries.json) through the dialog, with floors that fail a regression.
// 2. What the dialog does: pasted events, natural questions and commands open the right question; Chinese UI;
//    shareable ?q= links; keyboard; a 375 px phone; nothing loaded before it opens; axe-clean when open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ask, evaluateSearch, firstQueryCost, formatReport, loadQuerySet, questionOf, type EvalReport } from '../../scripts/search-eval.ts';
import { launchChromium } from '../../src/lib/chromium.ts';
import { axeViolations } from '../helpers/axe.ts';

const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const registry = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8')) as Array<{ id: string; url: string; title: string }>;
const ids = registry.map((q) => q.id);
const urlOf = (id: string) => registry.find((q) => q.id === id)!.url;

/**
 * The targets (#10) and the floors this suite enforces. Where a target is not met yet, its floor is the
 * figure measured when it was set, so that no change makes search worse unnoticed; raise floors as search
 * improves, never lower them to let a change pass.
 */
export const TARGETS = { hit3: 0.95, hit1: 0.85, anchor1: 0.85, empty: 0, absentShown: 0.1, firstQueryBytes: 250_000, medianMs: 100 };
// Floors are what was measured when they were set, less about one query (a tie between two questions can flip),
// and never below a target that is met. Session 9 (757 queries, batch 7 added): the whole set hit@3 96.8 %,
// hit@1 = anchor@1 85.6 % (all three targets met), every kind's hit@3 ≥ 96.0 % (natural, english). The tuned
// batches 1–3 (497 queries, every change of sessions 4–9 measured on them) meet the targets (97.8 / 89.3 %).
// Batches 4–7 are real queries collected later and measured held out before any tuning on them (batch 4:
// 63.5 / 76.2 % then, batch 5: 65.1 / 81.0 %, batch 6: 52.3 / 78.5 %, batch 7: 67.7 / 88.7 %); what they measure
// now (84.1 / 95.7, 84.4 / 96.9, 70.8 / 93.8, 74.2 / 93.5 %) is their floor.
const FLOORS = { hit3: 0.96, hit1: TARGETS.hit1, anchor1: TARGETS.anchor1, empty: 0, absentShown: 0.1, kindHit3: 0.955 };
const TUNED_FLOORS = { hit3: TARGETS.hit3, hit1: TARGETS.hit1, anchor1: TARGETS.anchor1 };
const HELD_OUT_FLOORS: Record<number, { hit3: number; hit1: number }> = {
  4: { hit3: 0.94, hit1: 0.83 },
  5: { hit3: 0.95, hit1: 0.82 },
  6: { hit3: 0.92, hit1: 0.69 },
  7: { hit3: 0.91, hit1: 0.72 },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('search quality on tests/search/queries.json', () => {
  let report: EvalReport;
  let batchOf: Map<string, number>;
  beforeAll(async () => {
    const set = loadQuerySet();
    batchOf = new Map(set.queries.map((q) => [q.q, q.batch ?? 1]));
    report = await evaluateSearch(siteUrl, { ...set, queries: set.queries.filter((q) => q.answers.length) }, ids);
    console.log(`[search:eval]\n${formatReport(report)}`);
  }, 600_000);

  it('finds the answering question among the first three and first, and opens on it', () => {
    const all = report.kinds.all;
    expect(all.hit3, 'hit@3').toBeGreaterThanOrEqual(FLOORS.hit3);
    expect(all.hit1, 'hit@1').toBeGreaterThanOrEqual(FLOORS.hit1);
    expect(all.anchor1, 'anchor@1').toBeGreaterThanOrEqual(FLOORS.anchor1);
    for (const kind of ['error', 'natural', 'command', 'english'] as const) {
      expect(report.kinds[kind].hit3, `${kind} hit@3`).toBeGreaterThanOrEqual(FLOORS.kindHit3);
    }
  });

  const hits = (rows: EvalReport['outcomes'], n: number) => rows.filter((o) => o.got.slice(0, n).some((g) => o.answers.includes(g))).length / rows.length;

  it('holds the tuned batches 1–3 at the targets (hit@3, hit@1, anchor@1)', () => {
    const tuned = report.outcomes.filter((o) => o.answers.length && (batchOf.get(o.q) ?? 1) <= 3);
    expect(tuned.length).toBe(497);
    expect(hits(tuned, 3), 'batches 1–3 hit@3').toBeGreaterThanOrEqual(TUNED_FLOORS.hit3);
    expect(hits(tuned, 1), 'batches 1–3 hit@1').toBeGreaterThanOrEqual(TUNED_FLOORS.hit1);
    const anchored = tuned.filter((o) => o.firstHash !== '' && o.answers.includes(questionOf(o.firstHash, ids))).length / tuned.length;
    expect(anchored, 'batches 1–3 anchor@1').toBeGreaterThanOrEqual(TUNED_FLOORS.anchor1);
  });

  it.each([4, 5, 6, 7])('holds the held-out batch %i at its floors', (batch) => {
    const rows = report.outcomes.filter((o) => o.answers.length && batchOf.get(o.q) === batch);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(hits(rows, 3), `batch ${batch} hit@3`).toBeGreaterThanOrEqual(HELD_OUT_FLOORS[batch]!.hit3);
    expect(hits(rows, 1), `batch ${batch} hit@1`).toBeGreaterThanOrEqual(HELD_OUT_FLOORS[batch]!.hit1);
  });

  it('leaves no answerable query without a result, and shows nothing for topics the site lacks', () => {
    expect(report.kinds.all.empty, 'answerable queries without a result').toBeLessThanOrEqual(FLOORS.empty);
    expect(report.kinds.error.empty, 'pasted errors without a result').toBe(0);
    expect(report.absentWithResults / report.absentTotal, 'absent terms with results').toBeLessThanOrEqual(FLOORS.absentShown);
  });

  it('the first query of each kind costs at most 250 KB in a fresh browser', () => {
    for (const f of report.firstQueries) expect(f.bytes, `${f.kind}: ${f.q}`).toBeLessThanOrEqual(TARGETS.firstQueryBytes);
  });

  it('answers in under 100 ms once the index is loaded (median)', () => {
    expect(report.medianMs).toBeLessThanOrEqual(TARGETS.medianMs);
  });
});

describe('every question by its title', () => {
  it('typing a question’s title (from the registry) lists that question first', async () => {
    const report = await evaluateSearch(
      siteUrl,
      { queries: registry.map((q) => ({ q: q.title, kind: 'natural' as const, answers: [q.id], source: 'registry' })), gaps: [], absent: [] },
      ids,
      { costs: false },
    );
    const misses = report.outcomes.filter((o) => o.got[0] !== o.answers[0]).map((o) => `${o.q} → ${o.got.slice(0, 2).join(', ')}`);
    expect(misses).toEqual([]);
  }, 300_000);
});

describe('bytes for a first query (fresh browser, gzip like GitHub Pages)', () => {
  it.each(['CrashLoopBackOff', 'pod 一直 pending', '控制平面'])('“%s” costs at most 250 KB', async (q) => {
    const cost = await firstQueryCost(browser, siteUrl, q);
    expect(cost.bytes, cost.urls.join('\n')).toBeLessThanOrEqual(TARGETS.firstQueryBytes);
  });
  it('a long pasted event (one small index chunk per word) too', async () => {
    const event = loadQuerySet().queries.find((q) => q.kind === 'error' && q.q.includes('\n'))!.q;
    const cost = await firstQueryCost(browser, siteUrl, event);
    expect(cost.bytes, cost.urls.join('\n')).toBeLessThanOrEqual(TARGETS.firstQueryBytes);
    // Re-cut chunks (src/search/rechunk.ts): none of Pagefind's ~38 KB ones is fetched.
    expect(cost.urls.filter((u) => u.endsWith('.pf_index')).length).toBeGreaterThan(0);
  });
});

async function fresh(width = 1280, theme?: string): Promise<{ page: Page; close: () => Promise<void>; requests: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  if (theme) await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  return { page, close: () => context.close(), requests, problems };
}

/** Opens the first result and checks the page lands on the question's heading, in view. */
async function openFirst(page: Page, id: string): Promise<void> {
  const first = page.locator('kb-search .kb-search-results > li > a').first();
  await Promise.all([page.waitForURL((u) => u.hash === `#${id}`), first.click()]);
  await page.waitForLoadState('load');
  const inView = await page.evaluate((qid) => {
    const h = document.getElementById(qid);
    if (!h) return false;
    const r = h.getBoundingClientRect();
    return r.top >= -2 && r.top < window.innerHeight;
  }, id);
  expect(inView, `#${id} heading in view`).toBe(true);
}

describe('the search dialog', () => {
  it.each([
    [
      'a pasted multi-line event',
      'Events:\n  Type     Reason     Age                  From               Message\n  ----     ------     ----                 ----               -------\n  Normal   Scheduled  2m                   default-scheduler  Successfully assigned default/web-7d4b9c6f8-x2k4p to node-2\n  Warning  BackOff    12s (x10 over 2m)    kubelet            Back-off restarting failed container web in pod web-7d4b9c6f8-x2k4p_default(0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b)',
      ['ts-crashloopbackoff'],
    ],
    ['a natural Chinese question', '如何排查Pod一直处于Pending状态的问题?', ['ts-pod-pending', 'pod-triage-workflow']],
    ['a command', '查看上一次崩溃的日志 kubectl logs --previous', ['ts-crashloopbackoff', 'kubectl-logs-usage']],
    ['a question in everyday words', '删除 pod 的时候发生了什么', ['pod-termination']],
  ])('%s opens the right question', async (_kind, q, answers) => {
    const { page, close, problems } = await fresh();
    await page.goto(siteUrl);
    const { links } = await ask(page, q);
    const id = answers.find((a) => urlOf(a) === links[0]);
    expect(id, `${links.join('\n')}\nwant ${answers.join(' or ')}`).toBeTruthy();
    await openFirst(page, id!);
    expect(problems).toEqual([]);
    await close();
  });

  it('searches a paste at once and waits for the next keystroke when typing', async () => {
    const { page, close } = await fresh();
    await page.goto(siteUrl);
    await ask(page, 'kubelet'); // the index is loaded, the dialog settled
    // What the dialog does within one timer tick (a 0 ms search fires before it; a debounced one would not).
    const stateAfter = (kind: 'paste' | 'key' | 'word') =>
      page.evaluate(async (how) => {
        const root = document.querySelector<HTMLElement>('kb-search')!;
        const input = root.querySelector<HTMLInputElement>('dialog[open] input')!;
        input.value = '';
        if (how === 'paste') {
          const dt = new DataTransfer();
          dt.setData('text/plain', 'Warning  BackOff  kubelet\n  Back-off restarting failed container');
          input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
        } else {
          input.value = how === 'key' ? 'e' : 'etcd';
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: input.value }));
        }
        root.dataset.state = 'waiting';
        await new Promise((r) => setTimeout(r, 30));
        return root.dataset.state;
      }, kind);
    // Each case starts from a settled dialog (ask() waits for its own answer and clears a pending timer).
    expect(await stateAfter('paste')).not.toBe('waiting');
    await ask(page, 'kubelet');
    expect(await stateAfter('word')).not.toBe('waiting');
    await ask(page, 'kubelet');
    expect(await stateAfter('key')).toBe('waiting');
    await close();
  });

  it('offers the matching playbook step: a pasted FailedScheduling message links the resources cause of Pod Pending', async () => {
    const { page, close } = await fresh();
    await page.goto(siteUrl);
    const { links } = await ask(page, 'Warning  FailedScheduling  61s  default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.');
    expect(links[0]).toBe(urlOf('ts-pod-pending'));
    const steps = await page.locator('kb-search .kb-hit').first().locator('.kb-hit-steps a').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, a.textContent!]));
    expect(steps.some(([href, text]) => href.startsWith(`${urlOf('ts-pod-pending')}-`) && text.includes('Insufficient cpu')), JSON.stringify(steps)).toBe(true);
    await close();
  });

  it('keeps an underscore word whole, as the index does: inotify_init leads to the inotify step first', async () => {
    const { page, close } = await fresh();
    await page.goto(siteUrl);
    const { links } = await ask(page, 'failed to run Kubelet: inotify_init: too many open files');
    expect(links[0]).toBe(urlOf('ts-inotify-nofile-pid-limits'));
    const steps = await page.locator('kb-search .kb-hit').first().locator('.kb-hit-steps a').evaluateAll((as) => as.map((a) => a.textContent!));
    expect(steps[0], JSON.stringify(steps)).toContain('inotify_init');
    await close();
  });

  it('answers an English question from Chinese pages: isolating traffic between namespaces is NetworkPolicy', async () => {
    const { page, close } = await fresh();
    await page.goto(siteUrl);
    const { links } = await ask(page, 'How do you isolate traffic between namespaces?');
    expect(links[0]).toBe(urlOf('network-policy-basics'));
    await close();
  });

  it('speaks Chinese: results show the question, its topic and page, a snippet, and mark playbooks', async () => {
    const { page, close } = await fresh();
    await page.goto(siteUrl);
    await ask(page, 'ImagePullBackOff');
    const first = page.locator('kb-search .kb-hit').first();
    expect(await first.locator('.kb-hit-title').textContent()).toBe(registry.find((r) => r.id === 'ts-imagepullbackoff')!.title);
    expect(await first.locator('.kb-hit-badge').textContent()).toBe('排障手册');
    expect(await first.locator('.kb-hit-where').textContent()).toContain('故障排查');
    expect((await first.locator('.kb-hit-snippet').textContent())!.length).toBeGreaterThan(20);
    expect(await page.locator('kb-search .kb-search-status').textContent()).toMatch(/^找到 \d+ 个相关问题$/);
    await ask(page, '区块链 智能合约');
    expect(await page.locator('kb-search .kb-hit').count()).toBe(0);
    expect(await page.locator('kb-search .kb-search-status').textContent()).toContain('本站没有');
    const text = await page.locator('kb-search dialog').innerText();
    expect(text).not.toMatch(/No results|results for|Search|Clear|Load more/);
    await close();
  });

  it('opens from a shared <base>/?q= link with the results, and keeps ?q= in the address while open', async () => {
    const { page, close } = await fresh();
    await page.goto(`${siteUrl}?q=${encodeURIComponent('x509: certificate signed by unknown authority')}`);
    await page.locator('kb-search dialog[open]').waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('kb-search')?.dataset.state === 'done');
    const href = await page.locator('kb-search .kb-search-results > li > a').first().getAttribute('href');
    expect(href).toBe(urlOf('ts-tls-x509'));
    await ask(page, 'etcdserver: leader changed');
    expect(new URL(page.url()).searchParams.get('q')).toBe('etcdserver: leader changed');
    await page.keyboard.press('Escape');
    expect(await page.locator('kb-search dialog[open]').count()).toBe(0);
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    await close();
  });

  it('works with the keyboard alone: Ctrl+K, type, ↓ to a result, Enter opens it', async () => {
    const { page, close } = await fresh();
    await page.goto(siteUrl);
    await page.keyboard.press('Control+k');
    await page.locator('kb-search dialog[open] input').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-search-input');
    await page.keyboard.type('OOMKilled');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('kb-search')?.dataset.q === 'OOMKilled');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe(urlOf('ts-oomkilled'));
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-search-input');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL((u) => u.hash === '#ts-oomkilled'), page.keyboard.press('Enter')]);
    await close();
  });

  it('is usable on a 375 px phone: full-screen dialog, no sideways scrolling', async () => {
    const { page, close } = await fresh(375);
    await page.goto(siteUrl);
    await ask(page, 'Pod 一直 Terminating 删不掉');
    const box = await page.locator('kb-search dialog').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    const overflow = await page.evaluate(() => {
      const d = document.querySelector('kb-search dialog')!;
      return { page: document.documentElement.scrollWidth, dialog: d.scrollWidth - d.clientWidth };
    });
    expect(overflow.page).toBeLessThanOrEqual(375);
    expect(overflow.dialog).toBeLessThanOrEqual(0);
    expect(await page.locator('kb-search .kb-hit').count()).toBeGreaterThan(0);
    await close();
  });

  it('ships no more search code in every page than Starlight’s search did (1.7 KB gzip)', () => {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const src = /<script[^>]*src="[^"]*\/(_astro\/Search\.astro[^"]+\.js)"/.exec(html)?.[1];
    expect(src, 'the header search script').toBeTruthy();
    expect(gzipSync(readFileSync(join(distDir, src!))).length).toBeLessThanOrEqual(1_700);
  });

  it('says so, in Chinese, when the index cannot be downloaded', async () => {
    const { page, close } = await fresh();
    await page.route('**/pagefind/pagefind.js', (r) => r.abort());
    await page.goto(siteUrl);
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('kb-search')?.dataset.state === 'error');
    expect(await page.locator('kb-search .kb-search-status').textContent()).toContain('搜索索引没有加载成功');
    await close();
  });

  it('loads no search code before the dialog opens', async () => {
    const { page, close, requests } = await fresh();
    await page.goto(siteUrl, { waitUntil: 'networkidle' });
    const before = [...requests];
    expect(before.filter((u) => /\/pagefind\/|dialog\./.test(u))).toEqual([]);
    await ask(page, 'kubelet');
    expect(requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await close();
  });

  it.each(['light', 'dark'])('has no serious or critical axe violations when open with results (%s)', async (theme) => {
    const { page, close } = await fresh(1280, theme);
    await page.goto(siteUrl);
    await ask(page, 'CrashLoopBackOff');
    expect(await axeViolations(page, { within: 'kb-search dialog', impacts: ['serious', 'critical'] })).toEqual([]);
    await close();
  });
});
