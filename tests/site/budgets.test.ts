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
 * playbooks and the cheat sheet were far above them (each diagram shipped twice, one-line commands in Expressive Code's
 * full frame). Each budget is the heaviest page of its kind when it was set plus about 5 %: nothing gets heavier
 * unnoticed. Lowered in session 6 as pages got lighter (one SVG per diagram, unused SVG definitions and per-word
 * <tspan>s dropped, no diagram font stylesheet; the cheat sheet's commands as plain <pre> lines, lean EC token markup).
 * jsGzip was raised for study mode (issue #15, src/study/), by what it measured.
 */
const KIB = 1024;
const BUDGETS: Record<Kind, PageBudget> = {
  cheatsheet: { htmlGzip: 43 * KIB, elements: 4_400, cssGzip: 10 * KIB, jsGzip: 6 * KIB },
  playbook: { htmlGzip: 114 * KIB, elements: 7_850, cssGzip: 14 * KIB, jsGzip: 7.25 * KIB },
  concept: { htmlGzip: 84 * KIB, elements: 6_100, cssGzip: 14 * KIB, jsGzip: 7.25 * KIB },
  overview: { htmlGzip: 23 * KIB, elements: 1_600, cssGzip: 10 * KIB, jsGzip: 6 * KIB },
};

/**
 * Font bytes per kind (issue #14 item 2: ≤ 80 KiB of font on the heaviest page): the diagram font subsets a page
 * loads (tests/helpers/page-weight.ts). Ratchets like the budgets above, set at session 6's heaviest page + ~5 %.
 */
const FONT_BUDGETS: Record<Kind, number> = { cheatsheet: 0, playbook: 53 * KIB, concept: 48 * KIB, overview: 0 };

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
    expect(w.fontBytes, `fontBytes (${kind})`).toBeLessThanOrEqual(FONT_BUDGETS[kind]);
  });
});
