// Content tables and asides come out accessible (src/plugins/rehype-tables.ts).
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import rehypeTables from '../../src/plugins/rehype-tables.ts';

function run(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  const transform = rehypeTables.call(unified()) as (t: Root) => void;
  transform(tree);
  return tree;
}

describe('rehype-tables', () => {
  it('makes tables focusable and turns an empty corner header into a plain cell', () => {
    const tree = run('<table><thead><tr><th></th><th>A</th></tr></thead><tbody><tr><th>x</th><td>1</td></tr></tbody></table>');
    expect(select('table', tree)?.properties.tabIndex).toBe(0);
    expect(selectAll('thead tr > *', tree).map((c) => c.tagName)).toEqual(['td', 'th']);
    expect(selectAll('tbody tr > *', tree).map((c) => c.tagName)).toEqual(['th', 'td']);
  });

  it('names repeated asides after the question they stand under, and numbers any still alike', () => {
    const tree = run(
      '<h2>第一题</h2><aside aria-label="常见误区"></aside><aside aria-label="提示"></aside>' +
        '<h2>第二题</h2><aside aria-label="常见误区"></aside><aside aria-label="常见误区"></aside>',
    );
    // A name used once on the page stays as it is.
    expect(selectAll('aside', tree).map((a) => a.properties.ariaLabel)).toEqual(['常见误区：第一题', '提示', '常见误区：第二题（1）', '常见误区：第二题（2）']);
  });
});
