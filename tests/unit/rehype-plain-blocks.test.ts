// Top-level text blocks without anything clickable are marked for deferred layout (src/plugins/rehype-plain-blocks.ts).
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypePlainBlocks, { FOLD_BLOCKS, FOLD_ID, PLAIN_BLOCK_CLASS } from '../../src/plugins/rehype-plain-blocks.ts';

function marked(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  const transform = rehypePlainBlocks.call(unified()) as (t: Root) => void;
  transform(tree);
  return tree.children
    .filter((n): n is Element => n.type === 'element')
    .map((n) => `${n.tagName}${Array.isArray(n.properties.className) && n.properties.className.includes(PLAIN_BLOCK_CLASS) ? '+' : ''}`);
}

describe('rehype-plain-blocks', () => {
  it('marks paragraphs, lists, tables, asides and symptom lists of text and inline markup', () => {
    expect(
      marked(
        '<p>文字 <code>kubectl</code> <strong>粗体</strong></p><ul><li>一</li><li><em>二</em></li></ul><ol><li>x</li></ol>' +
          '<table><tr><td>a</td></tr></table><aside class="starlight-aside"><p>提示</p></aside><div class="kb-symptoms"><p>症状</p></div>',
      ),
    ).toEqual(['p+', 'ul+', 'ol+', 'table+', 'aside+', 'div+']);
  });

  it('leaves blocks with a link, a button, a code block or a form control anywhere inside, and other elements', () => {
    expect(
      marked(
        '<p>见 <a href="#x">相关问题</a></p><ul><li><span><a href="/y">深处的链接</a></span></li></ul><aside><pre><code>ls</code></pre></aside>' +
          '<div class="kb-symptoms"><button>复制</button></div><p><input></p><div class="other"><p>x</p></div><h2>标题</h2><figure>图</figure>',
      ),
    ).toEqual(['p', 'ul', 'aside', 'div', 'p', 'div', 'h2', 'figure']);
  });

  it('only looks at the top level: a plain paragraph inside another block is not marked on its own', () => {
    const tree = fromHtml('<div><p>x</p></div>', { fragment: true });
    (rehypePlainBlocks.call(unified()) as (t: Root) => void)(tree);
    expect(JSON.stringify(tree)).not.toContain(PLAIN_BLOCK_CLASS);
  });

  it('marks the fold: the first paragraph, list, table or aside from the 16th top-level block on without an id', () => {
    const foldOf = (html: string): string | undefined => {
      const tree = fromHtml(html, { fragment: true });
      (rehypePlainBlocks.call(unified()) as (t: Root) => void)(tree);
      const blocks = tree.children.filter((n): n is Element => n.type === 'element');
      const marked = blocks.filter((n) => n.properties.id === FOLD_ID);
      expect(marked.length).toBeLessThanOrEqual(1);
      return marked.length ? `${blocks.indexOf(marked[0])} ${marked[0].tagName}` : undefined;
    };
    const paragraphs = (n: number) => '<p>段落</p>'.repeat(n);
    expect(foldOf(paragraphs(FOLD_BLOCKS + 3))).toBe(`${FOLD_BLOCKS} p`);
    // Not a heading (its id is its anchor), not a code block (Expressive Code replaces it, id and all), not a diagram.
    expect(foldOf(`${paragraphs(FOLD_BLOCKS)}<h2 id="x">标题</h2><pre><code>ls</code></pre><figure>图</figure><ul><li>一</li></ul>`)).toBe(
      `${FOLD_BLOCKS + 3} ul`,
    );
    // A short page has none: Chromium paints it once it is parsed.
    expect(foldOf(paragraphs(FOLD_BLOCKS))).toBeUndefined();
  });
});
