// axe-core in a built page, for the browser tests: evaluated through DevTools (an injected inline <script> would be
// blocked by the page's Content-Security-Policy, src/csp/), one line per violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type Axe from 'axe-core';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's axe violations as `impact id: help — targets`, on the whole document or inside `within`, optionally
 *  only of the given impacts. Content that `content-visibility: auto` skips (code blocks, diagrams and the text of
 *  long pages below the fold, src/styles/custom.css) is rendered first: axe cannot judge the colours of text that is
 *  not laid out (it reported links in skipped lists as failing contrast), and what it checks must be what a reader
 *  sees once scrolled there. */
export async function axeViolations(
  page: Page,
  { within, impacts, rules }: { within?: string; impacts?: string[]; rules?: string[] } = {},
): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(
    async ({ within, impacts, rules }) => {
      const root = within ? document.querySelector(within) : document;
      if (!root) throw new Error(`axe: nothing matches ${within}`);
      // Read every element's style first, then write: a write between two reads made each read restyle the page
      // (pod-status: 200 → 125 ms).
      const skipped = [...document.querySelectorAll<HTMLElement>('*')].filter((el) => getComputedStyle(el).contentVisibility === 'auto');
      for (const el of skipped) el.style.contentVisibility = 'visible';
      const r = await window.axe.run(root, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule' as const, values: rules } } : {}) });
      return r.violations
        .filter((v) => !impacts || impacts.includes(v.impact ?? ''))
        .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    },
    { within, impacts, rules },
  );
}

/** The axe rules that read colours: all a second theme can change, since the themes share one DOM and differ only
 *  in colours (custom properties under `:root[data-theme]`, src/styles/custom.css and the cheat sheet's styles). */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
