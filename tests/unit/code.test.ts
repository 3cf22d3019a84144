// Light code markup (src/code/, src/plugins/expressive-code.ts): the command HTML of the cheat sheet, the merging of
// Shiki token spans in Expressive Code lines, the lean block markup, the heading anchor links, and the copy script's source.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import type { Element, ElementContent, Root } from 'hast';
import { commandHtml } from '../../src/code/command-html.ts';
import { copyScript } from '../../src/code/copy-client.ts';
import { leanBlock, leanTokens } from '../../src/plugins/expressive-code.ts';
import rehypeAnchorIcons from '../../src/plugins/rehype-anchor-icons.ts';

const OWN = '--0:#e1e4e8;--1:#24292e';
const span = (style: string, text: string): ElementContent => ({ type: 'element', tagName: 'span', properties: { style }, children: [{ type: 'text', value: text }] });
const text = (value: string): ElementContent => ({ type: 'text', value });
const FN = '--0:#B392F0;--1:#6F42C1';
const STR = '--0:#9ECBFF;--1:#032F62';
const WS = '--0:#E1E4E8;--1:#24292E';

describe('commandHtml', () => {
  it('escapes the command and puts each placeholder in a <var>; the text is the command', () => {
    const cmd = "crictl ps --name '^<container>$' && echo \"a<b\" > /tmp/x <ns.name>";
    const html = commandHtml(cmd);
    expect(html).toBe("crictl ps --name '^<var>&lt;container&gt;</var>$' &amp;&amp; echo \"a&lt;b\" &gt; /tmp/x <var>&lt;ns.name&gt;</var>");
    const pre = new JSDOM(`<pre>${html}</pre>`).window.document.querySelector('pre');
    expect(pre?.textContent).toBe(cmd);
    expect(pre?.querySelectorAll('var')).toHaveLength(2);
  });

  it('keeps newlines of a multi-line command', () => {
    expect(commandHtml('kubectl get pod \\\n  -n <ns>')).toBe('kubectl get pod \\\n  -n <var>&lt;ns&gt;</var>');
  });
});

describe('leanTokens', () => {
  it('merges a whitespace span into neighbours of the same style and drops the code’s own colour', () => {
    const out = leanTokens([span(FN, 'kubectl'), span(WS, ' '), span(STR, 'get'), span(WS, ' '), span(STR, 'pod'), span(WS, ' '), span(WS, '|')], OWN);
    expect(out).toEqual([span(FN, 'kubectl'), text(' '), span(STR, 'get pod'), text(' |')]);
  });

  it('keeps the text of the line unchanged', () => {
    const input = [span(STR, 'a'), span(WS, '  '), span(FN, 'b'), text(' c '), span(FN, 'd'), span(WS, ' ')];
    const flat = (nodes: ElementContent[]): string => nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? flat(n.children) : '')).join('');
    expect(flat(leanTokens(input, OWN))).toBe(flat(input));
  });

  it('leaves spans with a class or other attributes, and nested markup, as they are, and does not merge across them', () => {
    const indent: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['indent'] }, children: [text('  ')] };
    const mark: ElementContent = { type: 'element', tagName: 'mark', properties: {}, children: [span(STR, 'x')] };
    const out = leanTokens([indent, span(STR, 'a'), mark, span(STR, 'b')], OWN);
    expect(out).toEqual([indent, span(STR, 'a'), mark, span(STR, 'b')]);
  });

  it('a placeholder style (with italics) stays distinct from the plain colour', () => {
    const ph = '--0:var(--kb-placeholder-color);--1:var(--kb-placeholder-color);--0fs:italic;--1fs:italic';
    const out = leanTokens([span(STR, '-n'), span(WS, ' '), span(ph, '<ns>')], OWN);
    expect(out).toEqual([span(STR, '-n'), text(' '), span(ph, '<ns>')]);
  });
});

// Minimal hast builder and serialiser for these tests: `h('div.a.b', props?, children)`, attributes in insertion order.
type Props = Record<string, string | boolean | string[]>;
function h(sel: string, props?: Props | Array<ElementContent | string> | string, children?: Array<ElementContent | string> | string): Element {
  if (Array.isArray(props) || typeof props === 'string') return h(sel, {}, props);
  const [tagName, ...classes] = sel.split('.');
  const kids = typeof children === 'string' ? [children] : (children ?? []);
  return {
    type: 'element',
    tagName: tagName ?? 'div',
    properties: { ...(classes.length ? { className: classes } : {}), ...props },
    children: kids.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  };
}
function toHtml(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map((c) => toHtml(c as ElementContent)).join('');
  if (node.type !== 'element') return '';
  const attrs = Object.entries(node.properties).map(([k, v]) => {
    const name = k === 'className' ? 'class' : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return ` ${name}="${Array.isArray(v) ? v.join(' ') : v === true ? '' : String(v)}"`;
  });
  return `<${node.tagName}${attrs.join('')}>${node.children.map(toHtml).join('')}</${node.tagName}>`;
}

// A block as Expressive Code's frames plugin hands it over (the shape of the built pages' markup).
const line = (...children: Array<ElementContent | string>) => h('div.ec-line', [h('div.code', children)]);
const frame = (terminal: boolean, lines: Element[]) =>
  h(`figure.frame${terminal ? '.is-terminal' : ''}.not-content`, [
    h('figcaption.header', terminal ? [h('span.title', ''), h('span.sr-only', '终端窗口')] : []),
    h('pre.wrap', { dataLanguage: 'bash' }, [h('code', lines)]),
    h('div.copy', [h('div', { ariaLive: 'polite' }), h('button', { title: '复制到剪贴板', dataCode: 'ls' }, [h('div')])]),
  ]);
const lean = (block: Element): string => {
  leanBlock(block);
  return toHtml(block);
};

describe('leanBlock', () => {
  it('one element per line: the line holds its tokens, its style (hanging indent) stays, the <pre> is marked', () => {
    const indented = h('div.ec-line', { style: '--ecIndent:2ch' }, [h('div.code', [h('span.indent', '  '), 'ls'])]);
    const html = lean(frame(false, [line(h('span', { style: '--0:#B392F0' }, 'kubectl'), ' get'), indented]));
    expect(html).toContain(
      '<pre class="wrap kb-lines" data-language="bash"><code><div class="ec-line"><span style="--0:#B392F0">kubectl</span> get</div>' +
        '<div class="ec-line" style="--ecIndent:2ch"><span class="indent">  </span>ls</div></code></pre>',
    );
  });

  it('leaves every line of a block as it is when one line has a marker or a gutter', () => {
    const marked = h('div.ec-line.mark', [h('div.code', 'b')]);
    const gutter = h('div.ec-line', [h('div.gutter', '2'), h('div.code', 'c')]);
    for (const odd of [marked, gutter]) {
      const html = lean(frame(false, [line('a'), odd]));
      expect(html).not.toContain('kb-lines');
      expect(html).toContain('<div class="ec-line"><div class="code">a</div></div>');
    }
  });

  it('drops the empty caption of an editor frame; a terminal keeps its bar, named by aria-label instead of hidden text', () => {
    expect(lean(frame(false, [line('a')]))).not.toContain('figcaption');
    const terminal = lean(frame(true, [line('a')]));
    expect(terminal).toMatch(/^<figure class="frame is-terminal not-content" aria-label="终端窗口"><figcaption class="header">\u00a0<\/figcaption><pre/);
  });

  it('keeps a title: an editor tab or a terminal title', () => {
    const titled = frame(true, [line('a')]);
    titled.properties.className = ['frame', 'has-title', 'is-terminal'];
    const caption = titled.children[0] as Element;
    caption.children = [h('span.title', 'install.sh'), h('span.sr-only', '终端窗口')];
    expect(lean(titled)).toContain('<figcaption class="header"><span class="title">install.sh</span><span class="sr-only">终端窗口</span></figcaption>');
  });

  it('the copy button takes the place (and class) of its holder, with no live region or icon element', () => {
    expect(lean(frame(false, [line('a')]))).toMatch(/<\/pre><button title="复制到剪贴板" data-code="ls" type="button" class="copy"><\/button><\/figure>$/);
  });
});

describe('rehypeAnchorIcons', () => {
  it('empties the icon and names the link by aria-label instead of its hidden text (Starlight’s raw `class` properties)', () => {
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { class: 'sl-anchor-link', href: '#x' },
      children: [h('span.sl-anchor-icon', { ariaHidden: 'true' }, [h('svg', [h('path')])]), h('span', { class: 'sr-only', dataPagefindIgnore: true }, '本节链接：标题')],
    };
    const tree: Root = { type: 'root', children: [h('div.sl-heading-wrapper', [h('h2', { id: 'x' }, '标题'), link])] };
    (rehypeAnchorIcons as () => (t: Root) => void)()(tree);
    expect(toHtml(tree)).toBe('<div class="sl-heading-wrapper"><h2 id="x">标题</h2><a class="sl-anchor-link" href="#x" aria-label="本节链接：标题"><span class="sl-anchor-icon" aria-hidden="true"></span></a></div>');
  });
});

describe('copy script', () => {
  it('is a self-contained script that parses as JavaScript', () => {
    expect(() => new Function(copyScript)).not.toThrow();
    expect(copyScript).toMatch(/^\(function installCopyButtons\(/);
    expect(copyScript).not.toMatch(/\bimport\b/);
  });
});
