// Page budgets by kind (issue #14 item 4): deterministic figures from the built files, so a change that makes a
// page heavier fails here with the numbers. Timings (Lighthouse, build times) are in `npm run bench`.
import { describe, expect, inject, it } from 'vitest';
import { htmlPages } from '../helpers/site.ts';
import { pageWeigher, type PageBudget } from '../helpers/page-weight.ts';

const distDir = inject('distDir');
const base = inject('base');

type Kind = 'cheatsheet' | 'playbook' | 'overview' | 'concept';
const kindOf = (rel: string): Kind =>
  rel === 'troubleshooting/commands/index.html'
    ? 'cheatsheet'
    : /^troubleshooting\/[^/]+\/index\.html$/.test(rel)
      ? 'playbook'
      : /^([^/]+\/)?index\.html$/.test(rel) || rel === '404.html'
        ? 'overview'
        : 'concept';

/**
 * Budgets per kind. The targets are ≤ 5,000 elements and ≤ 300 KiB transferred per page; the long
 * playbooks and the cheat sheet are far above them today (each diagram is shipped twice, one-line commands carry
 * Expressive Code's full frame). Until that work lands, each budget is the heaviest page of its kind when it was
 * set (session 5) plus about 5 %: nothing gets heavier unnoticed. Lower them as pages get lighter.
 * jsGzip was raised for study mode (issue #15, src/study/), by what it measured: question pages (concept, playbook)
 * 5,898 → 7,116 B with the self-test bar's entry script (budget 6 → 7.25 KiB); the drill, an overview-kind page,
 * 5,900 B (budget 5 → 6 KiB). The weigher counts the scripts a page links, not the modules they import: the study
 * modules shared by the entries (store, progress, records) add about 1.9 KB gzip more on question pages.
 */
const KIB = 1024;
const BUDGETS: Record<Kind, PageBudget> = {
  cheatsheet: { htmlGzip: 43 * KIB, elements: 4_400, cssGzip: 10 * KIB, jsGzip: 6 * KIB },
  playbook: { htmlGzip: 138 * KIB, elements: 9_200, cssGzip: 26 * KIB, jsGzip: 7.25 * KIB },
  concept: { htmlGzip: 100 * KIB, elements: 7_100, cssGzip: 26 * KIB, jsGzip: 7.25 * KIB },
  overview: { htmlGzip: 23 * KIB, elements: 1_600, cssGzip: 10 * KIB, jsGzip: 6 * KIB },
};

describe('page budgets', () => {
  const pages = htmlPages(distDir);
  const weigh = pageWeigher(distDir, base);

  it('covers every kind of page', () => {
    expect(new Set(pages.map(kindOf))).toEqual(new Set(Object.keys(BUDGETS)));
  });

  it.each(pages)('%s stays within its kind’s budget', (rel) => {
    const kind = kindOf(rel);
    const w = weigh(rel);
    const over = (Object.keys(BUDGETS[kind]) as Array<keyof PageBudget>).filter((k) => w[k] > BUDGETS[kind][k]);
    expect(over.map((k) => `${k} ${w[k]} > ${BUDGETS[kind][k]} (${kind})`)).toEqual([]);
  });
});
