// npm run search:eval — search quality as a person sees it: the built site under /k8s-kb in Chromium, Ctrl+K,
// the query typed (or pasted, when it has several lines), and the result links the dialog shows, in order.
//
// Per kind of query (tests/search/queries.json): hit@1 and hit@3 (an answering question among the first 1 / 3
// results), anchor@1 (the first result opens on the answering question's heading or a heading inside it), the
// share of answerable queries with no result; absent terms that still show results; bytes fetched for a first
// query in a fresh browser; median engine time per query once the index is loaded.
//
//   npm run search:eval                     build into .bench/search-dist, then measure
//   npm run search:eval -- --dist <dir>     measure an existing build (made with BASE_PATH=/k8s-kb)
//   npm run search:eval -- --misses         also list the queries that missed
//   npm run search:eval -- --json           machine-readable output
//   npm run search:eval -- --lanes 1        one query at a time (default: 3 browser contexts side by side)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { QualityQuery, QueryKind } from '../src/search/types.ts';
import { launchChromium } from '../src/lib/chromium.ts';
import { serveDist } from '../tests/helpers/server.ts';
import { astroBuild, ROOT } from '../tests/helpers/build.ts';

export const BASE = '/k8s-kb';
export const KINDS: QueryKind[] = ['error', 'natural', 'command', 'english'];

export interface QuerySet {
  queries: QualityQuery[];
  gaps: QualityQuery[];
  absent: Array<{ q: string; source: string }>;
}

export interface KindReport {
  n: number;
  hit1: number;
  hit3: number;
  anchor1: number;
  empty: number;
}

export interface QueryOutcome {
  q: string;
  kind: QueryKind | 'absent';
  answers: string[];
  /** Question ids of the result links, in order ('' for a link that is not a question). */
  got: string[];
  /** The first result's link fragment (question id or a heading inside it). */
  firstHash: string;
  ms: number;
  /** Share of the query's weight the best record holds (the dialog shows nothing below its threshold). */
  coverage: number;
}

export interface EvalReport {
  kinds: Record<QueryKind | 'all', KindReport>;
  absentWithResults: number;
  absentTotal: number;
  /** The largest of firstQueries. */
  firstQueryBytes: number;
  firstQueryRequests: number;
  firstQueries: Array<{ kind: QueryKind; q: string; bytes: number; requests: number }>;
  medianMs: number;
  outcomes: QueryOutcome[];
}

export function loadQuerySet(file = join(ROOT, 'tests/search/queries.json')): QuerySet {
  const set = JSON.parse(readFileSync(file, 'utf8')) as QuerySet;
  return { queries: set.queries, gaps: set.gaps ?? [], absent: set.absent ?? [] };
}

/** Maps a result link to the question it opens: the fragment is a question id or `<question id>-<sub-heading>`. */
export function questionOf(hash: string, ids: string[]): string {
  if (ids.includes(hash)) return hash;
  let best = '';
  for (const id of ids) if (hash.startsWith(`${id}-`) && id.length > best.length) best = id;
  return best;
}

async function openDialog(page: Page): Promise<void> {
  if (await page.locator('kb-search dialog[open]').count()) return;
  await page.keyboard.press('Control+k');
  await page.locator('kb-search dialog[open] input').waitFor();
  await page.locator('kb-search[data-ready]').waitFor({ state: 'attached' });
}

/** Types (or pastes) a query into the dialog and returns the result links once the dialog has answered. One round
 *  trip to the page per query: the input gets the text and its `input` event as Playwright's fill() would give them
 *  (or a paste event for a multi-line message, as a person copies it from `kubectl describe`), and the page itself
 *  waits for the dialog to answer (it took eight round trips with polling before, a third of the search test). */
export async function ask(page: Page, q: string): Promise<{ links: string[]; ms: number; coverage: number }> {
  await openDialog(page);
  const out = await page.evaluate(async (text) => {
    const root = document.querySelector<HTMLElement>('kb-search');
    const input = root?.querySelector<HTMLInputElement>('dialog[open] input');
    if (!root || !input) throw new Error('no open search dialog');
    input.focus();
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    if (/[\r\n]/.test(text)) {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    } else {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    const expected = input.value.trim();
    const answered = () => (root.dataset.state === 'done' || root.dataset.state === 'failed') && root.dataset.q === expected;
    await new Promise<void>((resolve, reject) => {
      if (answered()) return resolve();
      const timer = setTimeout(() => reject(new Error(`no answer in 20 s to ${expected.slice(0, 80)}`)), 20_000);
      const watch = new MutationObserver(() => {
        if (!answered()) return;
        watch.disconnect();
        clearTimeout(timer);
        resolve();
      });
      watch.observe(root, { attributes: true });
    });
    return {
      failed: root.dataset.state === 'failed',
      links: [...root.querySelectorAll<HTMLAnchorElement>('.kb-search-results > li > a')].map((a) => a.getAttribute('href') ?? ''),
      ms: Number(root.dataset.ms ?? 0),
      coverage: Number(root.dataset.coverage ?? 0),
    };
  }, q);
  if (out.failed) throw new Error('the search failed (see the browser error above)');
  return { links: out.links, ms: out.ms, coverage: out.coverage };
}

/** Bytes the browser fetches from opening the dialog to the first results, in a fresh context (no cache). */
export async function firstQueryCost(browser: Browser, url: string, q: string): Promise<{ bytes: number; requests: number; urls: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const urls: string[] = [];
  const sizes: Array<Promise<number>> = [];
  page.on('requestfinished', (request) => {
    urls.push(request.url());
    sizes.push(request.sizes().then((x) => x.responseBodySize + x.responseHeadersSize, () => 0));
  });
  await ask(page, q);
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { bytes, requests: urls.length, urls };
}

/** Every TIMING_STRIDE-th query of the set is timed again alone (the median query time; a tenth of the set is
 *  plenty for a median, and the search test is one of the two slowest files of `npm test`). */
const TIMING_STRIDE = 10;

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);

export interface EvalOptions {
  /** Browser contexts running the set side by side (default 3: the eval takes about a third of the time). */
  lanes?: number;
  /** Also measure the first query's bytes and the median query time (default true; a set checked only for ranks skips it). */
  costs?: boolean;
}

export async function evaluateSearch(siteUrl: string, set: QuerySet, ids: string[], { lanes = 3, costs = true }: EvalOptions = {}): Promise<EvalReport> {
  const browser = await launchChromium();
  try {
    // A first query of each kind, each in a fresh browser: what a reader downloads to get their first answer.
    const firsts: EvalReport['firstQueries'] = [];
    for (const kind of costs ? KINDS : []) {
      const q = set.queries.find((x) => x.kind === kind)?.q;
      if (!q) continue;
      const cost = await firstQueryCost(browser, siteUrl, q);
      firsts.push({ kind, q, bytes: cost.bytes, requests: cost.requests });
    }
    const first = firsts.reduce((a, b) => (b.bytes > a.bytes ? b : a), { kind: 'error' as QueryKind, q: '', bytes: 0, requests: 0 });
    // The queries run in `lanes` browser contexts side by side (each its own tab, cache and Pagefind instance), in
    // the order of the set within each lane; most of a query's time is the dialog's debounce, not CPU.
    const items: Array<{ q: string; kind: QueryKind | 'absent'; answers: string[] }> = [
      ...set.queries,
      ...set.absent.map((a) => ({ q: a.q, kind: 'absent' as const, answers: [] })),
    ];
    const outcomes: QueryOutcome[] = new Array(items.length);
    const lane = async (n: number): Promise<void> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`browser: ${m.text()}`);
      });
      await page.goto(siteUrl);
      // One warm-up query loads the index and the wasm; timings are taken after it.
      await ask(page, 'kubelet');
      for (let i = n; i < items.length; i += lanes) {
        const item = items[i]!;
        const { links, ms, coverage } = await ask(page, item.q).catch((e: unknown) => {
          throw new Error(`query ${JSON.stringify(item.q.slice(0, 120))}: ${String(e)}`);
        });
        const hashes = links.map((l) => decodeURIComponent(l.split('#')[1] ?? ''));
        const got = item.kind === 'absent' ? links.map(() => '') : hashes.map((h) => questionOf(h, ids));
        outcomes[i] = { q: item.q, kind: item.kind, answers: item.answers, got, firstHash: item.kind === 'absent' ? '' : (hashes[0] ?? ''), ms, coverage };
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
    // Query time as one reader sees it, without the other lanes competing for the CPU: one tab, a sample of the set.
    const times: number[] = [];
    if (costs) {
      const timing = await browser.newContext();
      const page = await timing.newPage();
      await page.goto(siteUrl);
      await ask(page, 'kubelet');
      for (let i = 0; i < items.length; i += TIMING_STRIDE) times.push((await ask(page, items[i]!.q)).ms);
      await timing.close();
    }
    const kinds = {} as EvalReport['kinds'];
    for (const kind of [...KINDS, 'all'] as const) {
      const rows = outcomes.filter((o) => (kind === 'all' ? o.kind !== 'absent' : o.kind === kind));
      const share = (f: (o: QueryOutcome) => boolean) => (rows.length ? rows.filter(f).length / rows.length : 0);
      kinds[kind] = {
        n: rows.length,
        hit1: share((o) => o.answers.includes(o.got[0] ?? '')),
        hit3: share((o) => o.got.slice(0, 3).some((g) => o.answers.includes(g))),
        anchor1: share((o) => o.answers.includes(questionOf(o.firstHash, ids)) && o.firstHash !== ''),
        empty: share((o) => o.got.length === 0),
      };
    }
    const absent = outcomes.filter((o) => o.kind === 'absent');
    return {
      kinds,
      absentWithResults: absent.filter((o) => o.got.length > 0).length,
      absentTotal: absent.length,
      firstQueryBytes: first.bytes,
      firstQueryRequests: first.requests,
      firstQueries: firsts,
      medianMs: median(times),
      outcomes,
    };
  } finally {
    await browser.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function formatReport(r: EvalReport): string {
  const lines = ['kind      n    hit@1    hit@3    anchor@1  no result', '-------- ---- -------- -------- --------- ---------'];
  for (const k of [...KINDS, 'all'] as const) {
    const x = r.kinds[k];
    lines.push(`${k.padEnd(8)} ${String(x.n).padStart(4)} ${pct(x.hit1).padStart(8)} ${pct(x.hit3).padStart(8)} ${pct(x.anchor1).padStart(9)} ${pct(x.empty).padStart(9)}`);
  }
  lines.push('');
  lines.push(`absent terms with results: ${r.absentWithResults} of ${r.absentTotal}`);
  lines.push('first query in a fresh browser (gzip like GitHub Pages):');
  for (const f of r.firstQueries) {
    lines.push(`  ${f.kind.padEnd(8)} ${(f.bytes / 1024).toFixed(1).padStart(6)} KiB in ${String(f.requests).padStart(2)} requests  ${f.q.replace(/\s+/g, ' ').slice(0, 60)}`);
  }
  lines.push(`median query time after load: ${r.medianMs} ms`);
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      misses: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      explain: { type: 'string', multiple: true },
      set: { type: 'string' },
      lanes: { type: 'string', default: '3' },
    },
  });
  let dist = values.dist;
  if (!dist) {
    dist = join(ROOT, '.bench', 'search-dist');
    const built = await astroBuild({ outDir: dist, base: BASE });
    if (built.code !== 0) throw new Error(`build failed:\n${built.output.slice(-4000)}`);
  }
  const ids = (JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8')) as Array<{ id: string }>).map((q) => q.id);
  const served = await serveDist(dist, BASE);
  try {
    if (values.explain?.length) {
      const browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(served.url);
      await ask(page, 'kubelet');
      for (const q of values.explain) {
        const out = await page.evaluate(async (query) => {
          const root = document.querySelector('kb-search') as HTMLElement & { kbEngine: { search(q: string, o: object): Promise<unknown> } };
          return root.kbEngine.search(query, { explain: true });
        }, q);
        const o = out as { coverage: number; units: Array<{ text: string; df: number }>; debug?: Array<{ url: string; score: number; matched: number; units: string[] }> };
        console.log(`${q}\n  coverage ${o.coverage.toFixed(2)}; units ${o.units.map((u) => `${u.text}(${u.df})`).join(' ')}`);
        for (const d of o.debug ?? []) console.log(`    ${d.url.split('#')[1] ?? d.url}  score ${d.score}  held ${d.matched}  [${d.units.join(' ')}]`);
      }
      await browser.close();
      return;
    }
    const set = loadQuerySet(values.set);
    set.queries = set.queries.filter((q) => q.answers.length);
    const report = await evaluateSearch(served.url, set, ids, { lanes: Number(values.lanes) });
    if (values.json) {
      console.log(JSON.stringify(report, null, 1));
      return;
    }
    console.log(formatReport(report));
    if (values.misses) {
      console.log('\nmisses (✗ not in the first 3, · not first):');
      for (const o of report.outcomes) {
        const miss3 = o.kind === 'absent' ? o.got.length > 0 : !o.got.slice(0, 3).some((g) => o.answers.includes(g));
        const miss1 = o.kind !== 'absent' && !o.answers.includes(o.got[0] ?? '');
        if (miss3 || miss1) console.log(`${miss3 ? '✗' : '·'} [${o.kind}] ${o.q.replace(/\s+/g, ' ').slice(0, 110)}\n      want ${o.answers.join(',')}  got ${o.got.slice(0, 3).join(',') || '—'}  (coverage ${o.coverage})`);
      }
    }
  } finally {
    await served.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
