// npm run bench — build time, page weight and search cost, measured the same way on any machine.
//   cold build: no dist, no Astro caches, no diagram cache and so no build cache (median of 3)
//   warm rebuild: the same build again with caches kept (MDX modules, lint results, search index: src/build-cache/)
//   each build also gives its CPU time (the astro process, all threads; the diagram browser not included) and the
//   warm rebuild its phase table (KB_BUILD_PROFILE=1, src/integrations/build-profile.ts): on a shared machine
//   compare CPU times, wall times depend on what else runs
//   per page: HTML bytes, JS bytes (external + inline, raw and gzip), CSS bytes (raw and gzip), font bytes
//   search: bytes fetched for a first query in a fresh Chromium (dialog script, Pagefind, index, fragments) and
//   time to the first result, search:eval has the quality figures
//   Lighthouse (mobile preset, served with gzip): the home page, an overview, the heaviest concept page, every
//   troubleshooting page and the command cheat sheet — scores, FCP, LCP, TBT, CLS, transfer, DOM size
// Options: --runs N (cold builds, default 3), --query "…" (default 控制平面), --json (machine-readable only),
//          --synthetic N: also build a generated site of N/2 pages with N diagrams (a scale check),
//          --no-lighthouse: skip the Lighthouse runs (about 10 s a page)
import { rmSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuild, ROOT } from '../tests/helpers/build.ts';
import { serveDist } from '../tests/helpers/server.ts';
import { htmlPages, routeOf } from '../tests/helpers/site.ts';
import { pageWeigher } from '../tests/helpers/page-weight.ts';
import { launchChromium } from '../src/lib/chromium.ts';
import { ask, firstQueryCost } from './search-eval.ts';
import { runLighthouse, type LighthouseRow } from './lighthouse.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    query: { type: 'string', default: '控制平面' },
    json: { type: 'boolean', default: false },
    synthetic: { type: 'string', default: '0' },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const BASE = '/k8s-kb';
const work = join(ROOT, '.bench');
const outDir = join(work, 'dist');
const cacheDir = join(work, 'cache');
const mermaidCache = join(work, 'mermaid');
const log = (...a: unknown[]) => !args.json && console.log(...a);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The build profile's table (KB_BUILD_PROFILE) from a build's output, and its total CPU seconds. */
function profileOf(output: string): { cpu: number; table: string[] } {
  const start = output.indexOf('build profile (KB_BUILD_PROFILE)');
  const table = start < 0 ? [] : output.slice(start).trimEnd().split('\n');
  const total = /([\d.]+) s CPU {2}total/.exec(output);
  if (!total) throw new Error('bench: the build printed no profile total (src/integrations/build-profile.ts)');
  return { cpu: Number(total[1]), table };
}

async function build(label: string): Promise<{ seconds: number; cpu: number; table: string[] }> {
  const r = await astroBuild({ outDir, base: BASE, cacheDir, env: { KB_MERMAID_CACHE: mermaidCache, KB_BUILD_PROFILE: '1' } });
  if (r.code !== 0) throw new Error(`${label} build failed:\n${r.output.slice(-4000)}`);
  const p = profileOf(r.output);
  log(`  ${label}: ${r.seconds.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU`);
  return { seconds: r.seconds, ...p };
}

log('Builds (BASE_PATH=/k8s-kb):');
const cold: number[] = [];
const coldCpu: number[] = [];
for (let i = 0; i < Number(args.runs); i++) {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(ROOT, '.astro'), { recursive: true, force: true });
  const r = await build(`cold #${i + 1}`);
  cold.push(r.seconds);
  coldCpu.push(r.cpu);
}
const warmRun = await build('warm rebuild');
const warm = warmRun.seconds;
for (const line of warmRun.table) log(`    ${line}`);

// Scale check: a generated site with many diagrams (each one distinct, so nothing comes from the cache).
let synthetic: { diagrams: number; pages: number; coldSeconds: number; warmSeconds: number } | undefined;
if (Number(args.synthetic) > 0) {
  const n = Number(args.synthetic);
  const dir = join(work, 'synthetic');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'architecture'), { recursive: true });
  writeFileSync(join(dir, 'index.mdx'), '---\ntitle: 合成站点\ndescription: 用于测量构建规模的合成站点首页。\n---\n\n首页。\n');
  for (let p = 1; p <= Math.ceil(n / 2); p++) {
    const fence = '```';
    writeFileSync(
      join(dir, 'architecture', `p${p}.mdx`),
      `---\ntitle: 合成页面 ${p}\ndescription: 用于测量构建规模的合成页面 ${p}。\n---\n\n## 第 ${p} 页的问题 <Q id="synthetic-${p}" added />\n\n正文。\n\n` +
        `${fence}mermaid title="合成流程图 ${p}"\nflowchart TB\n  A["kube-apiserver ${p}"] --> B[("etcd")]\n  A --> C["调度器"]\n  C --> D["kubelet 节点 ${p}"]\n  D --> E["容器运行时"]\n${fence}\n\n` +
        (2 * p <= n ? `${fence}mermaid title="合成时序图 ${p}"\nsequenceDiagram\n  participant U as kubectl\n  participant A as kube-apiserver\n  participant K as kubelet\n  U->>A: 创建 Pod ${p}\n  A->>K: watch 事件\n  K-->>A: 上报状态 ${p}\n${fence}\n\n` : '') +
        `${fence}bash\nkubectl get pods -n <ns> -o wide\n${fence}\n`,
    );
  }
  const opts = { outDir: join(work, 'synthetic-dist'), base: BASE, contentDir: `./${relative(ROOT, dir)}`, cacheDir: join(work, 'synthetic-cache'), env: { KB_MERMAID_CACHE: join(work, 'synthetic-mermaid') } };
  const coldRun = await astroBuild(opts);
  const warmRun = await astroBuild(opts);
  if (coldRun.code || warmRun.code) throw new Error(`synthetic build failed:\n${(coldRun.code ? coldRun : warmRun).output.slice(-3000)}`);
  synthetic = { diagrams: n, pages: Math.ceil(n / 2) + 1, coldSeconds: coldRun.seconds, warmSeconds: warmRun.seconds };
  log(`  synthetic site, ${n} diagrams on ${synthetic.pages} pages: cold ${coldRun.seconds.toFixed(2)} s, warm ${warmRun.seconds.toFixed(2)} s`);
}

// Page weight (the same counting as the budget test).
const weigh = pageWeigher(outDir, BASE);
const pages = htmlPages(outDir).map((rel) => {
  const html = readFileSync(join(outDir, rel), 'utf8');
  const w = weigh(rel);
  return {
    page: routeOf(rel) || '/',
    diagrams: (html.match(/class="kb-diagram"/g) ?? []).length,
    code: /<pre[^>]* data-language=/.test(html),
    html: w.htmlRaw,
    htmlGzip: w.htmlGzip,
    elements: w.elements,
    jsRaw: w.jsRaw,
    jsGzip: w.jsGzip,
    cssRaw: w.cssRaw,
    cssGzip: w.cssGzip,
    fontBytes: w.fontBytes,
  };
});

// Search: first query in a fresh browser (bytes from opening the dialog to the results), then the time to the
// first result for the same query typed again (index loaded).
const served = await serveDist(outDir, BASE);
const browser = await launchChromium();
const first = await firstQueryCost(browser, served.url, args.query);
const pagefindBytes = first.bytes;
const pagefindRequests = first.requests;
const page = await browser.newPage();
await page.goto(served.url, { waitUntil: 'networkidle' });
const t0 = performance.now();
const { links } = await ask(page, args.query);
const firstResultMs = performance.now() - t0;
const resultCount = links.length;
await browser.close();

// Lighthouse on the pages a phone reader meets first and the heaviest ones.
let lighthouseRows: LighthouseRow[] = [];
if (!args['no-lighthouse']) {
  const route = (p: string) => (p === '/' ? '' : p);
  const isOverview = (p: string) => p === '/' || /^[^/]+\/$/.test(p);
  const concept = pages
    .filter((p) => !p.page.startsWith('troubleshooting/') && !isOverview(p.page) && p.page !== '404.html')
    .sort((a, b) => b.htmlGzip - a.htmlGzip)[0];
  const targets = ['/', 'architecture/', ...(concept ? [concept.page] : []), ...pages.map((p) => p.page).filter((p) => p.startsWith('troubleshooting/'))];
  log(`\nLighthouse (mobile) on ${targets.length} pages…`);
  lighthouseRows = await runLighthouse(served.url, targets.map(route));
}
await served.close();

const result = {
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  pages: pages.length,
  diagrams: pages.reduce((n, p) => n + p.diagrams, 0),
  build: { coldMedianSeconds: median(cold), coldRuns: cold, coldCpuSeconds: coldCpu, warmSeconds: warm, warmCpuSeconds: warmRun.cpu, warmProfile: warmRun.table, synthetic },
  perPage: pages,
  search: { query: args.query, requests: pagefindRequests, bytes: pagefindBytes, firstResultMs: Math.round(firstResultMs), results: resultCount },
  lighthouse: lighthouseRows,
};
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'results.json'), JSON.stringify(result, null, 2));

if (args.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  log(`\nCold build: median ${median(cold).toFixed(2)} s of ${cold.map((s) => s.toFixed(2)).join(', ')} (CPU ${coldCpu.map((s) => s.toFixed(1)).join(', ')} s); warm rebuild ${warm.toFixed(2)} s (CPU ${warmRun.cpu.toFixed(1)} s)`);
  log(`${result.pages} pages, ${result.diagrams} diagrams\n`);
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  log(`${'page'.padEnd(34)}${pad('diagr', 6)}${pad('HTML', 11)}${pad('HTML gz', 11)}${pad('JS raw', 11)}${pad('JS gzip', 11)}${pad('CSS raw', 11)}${pad('CSS gzip', 11)}${pad('fonts', 11)}`);
  for (const p of pages) {
    log(`${p.page.padEnd(34)}${pad(p.diagrams, 6)}${pad(kb(p.html), 11)}${pad(kb(p.htmlGzip), 11)}${pad(kb(p.jsRaw), 11)}${pad(kb(p.jsGzip), 11)}${pad(kb(p.cssRaw), 11)}${pad(kb(p.cssGzip), 11)}${pad(kb(p.fontBytes), 11)}`);
  }
  const docs = pages.filter((p) => p.page !== '404.html' && p.page !== '/');
  const maxJs = (xs: typeof pages) => (xs.length ? kb(Math.max(...xs.map((p) => p.jsGzip))) : 'n/a');
  for (const code of [false, true]) {
    const group = docs.filter((p) => p.code === code);
    log(`JS gzip on doc pages ${code ? 'with' : 'without'} code blocks: max ${maxJs(group.filter((p) => p.diagrams))} with diagrams, ${maxJs(group.filter((p) => !p.diagrams))} without`);
  }
  log(`Search "${args.query}": ${pagefindRequests} requests, ${kb(pagefindBytes)} for the first query (fresh browser), results after ${Math.round(firstResultMs)} ms including the dialog's load (${resultCount} results)`);
  if (lighthouseRows.length) {
    log(`\nLighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown), one run each`);
    log(`${'page'.padEnd(44)}${pad('perf', 5)}${pad('a11y', 5)}${pad('FCP ms', 8)}${pad('LCP ms', 8)}${pad('TBT ms', 8)}${pad('CLS', 6)}${pad('transfer', 11)}${pad('DOM', 7)}`);
    for (const r of lighthouseRows) {
      log(`${(r.page || '/').padEnd(44)}${pad(r.performance, 5)}${pad(r.accessibility, 5)}${pad(Math.round(r.fcp), 8)}${pad(Math.round(r.lcp), 8)}${pad(Math.round(r.tbt), 8)}${pad(r.cls.toFixed(3), 6)}${pad(kb(r.transfer), 11)}${pad(r.dom, 7)}`);
    }
  }
  log(`\nFull results: .bench/results.json`);
}
