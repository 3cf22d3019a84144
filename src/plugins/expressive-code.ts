// Expressive Code plugins: keep UI chrome out of the search index, and make placeholders like <pod> stand out.
import { definePlugin, InlineStyleAnnotation } from '@expressive-code/core';
import type { ExpressiveCodePlugin } from '@expressive-code/core';
import { EXIT, visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Parents, Text } from 'hast';
import { PLACEHOLDER } from '../code/command-html.ts';

// Languages whose blocks are commands, manifests or output, where <name> is a placeholder to fill in.
const PLACEHOLDER_LANGS = new Set(['bash', 'sh', 'shell', 'shellscript', 'zsh', 'console', 'yaml', 'yml', 'ini', 'text', 'txt', 'json', 'go']);

/** Marks code block chrome (caption, copy button, screen-reader text) `data-pagefind-ignore`. Takes no options. */
export function pluginPagefindIgnoreChrome(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'kb-pagefind-ignore-chrome',
    hooks: {
      postprocessRenderedBlockGroup: ({ renderData }) => {
        visit(renderData.groupAst, 'element', (node) => {
          const cls = ([] as Array<string | number | boolean>).concat(node.properties?.className ?? []);
          if (node.tagName === 'figcaption' || cls.includes('sr-only') || cls.includes('copy')) {
            node.properties['data-pagefind-ignore'] = 'all';
          }
        });
      },
    },
  });
}

/** Styles `<name>` placeholders in command, manifest and output blocks (class `kb-placeholder`). Takes no options. */
export function pluginPlaceholders(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'kb-placeholders',
    baseStyles: `.kb-placeholder { font-style: italic; }`,
    hooks: {
      preprocessCode: ({ codeBlock }) => {
        if (!PLACEHOLDER_LANGS.has(codeBlock.language)) return;
        for (const line of codeBlock.getLines()) {
          for (const m of line.text.matchAll(PLACEHOLDER)) {
            line.addAnnotation(
              new InlineStyleAnnotation({
                inlineRange: { columnStart: m.index, columnEnd: m.index + m[0].length },
                color: 'var(--kb-placeholder-color)',
                italic: true,
              }),
            );
          }
        }
      },
    },
  });
}

/** A token of a rendered line: its inline style (null: the code's own colour) and text, or a node kept as it is. */
type Token = { style: string | null | 'ws'; text: string } | { node: ElementContent };

/**
 * Lighter markup for every block (issue #14): Shiki gives each token, spaces included, its own `<span style>`.
 * Per line, a whitespace-only span takes the style of its neighbours (or none), a span in the code's own colour
 * becomes plain text, and neighbours with the same style become one span. Same colours, about 45 % fewer spans
 * on a long playbook. Then per block (see `leanBlock`): one element per line instead of two, no frame chrome that
 * carries nothing, the copy button without its holder; `LEAN_STYLES` gives them the look EC gives the originals.
 */
export function pluginLeanMarkup(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'kb-lean-markup',
    baseStyles: LEAN_STYLES,
    hooks: {
      postprocessRenderedLine: ({ renderData, styleVariants }) => {
        const own = `--0:${styleVariants[0]?.theme.fg};--1:${styleVariants[1]?.theme.fg}`.toLowerCase();
        visit(renderData.lineAst, 'element', (node) => {
          if (!classList(node).includes('code')) return;
          node.children = leanTokens(node.children, own);
          return 'skip';
        });
      },
      postprocessRenderedBlock: ({ renderData }) => {
        leanBlock(renderData.blockAst);
      },
    },
  });
}

/**
 * The look of the lean block markup, written after EC's own rules for what it replaces (EC scopes these to
 * `.expressive-code`):
 * - `pre.kb-lines > code > .ec-line`: a line holding its tokens itself, styled as EC styles `.ec-line .code`
 *   (padding, the transparent marker border, hanging indent, wrapping, room for the copy button on the first line);
 * - `button.copy`: the copy button positioned by EC's `.copy` rule, with EC's `.copy button` look; its "copied"
 *   tooltip (src/code/copy-client.ts; EC's `.copy .feedback` look) sits where EC's holder put it, left of the button
 *   (the button stays fully opaque while it shows).
 */
const LEAN_STYLES = `
pre.kb-lines > code > .ec-line {
  display: block;
  position: relative;
  box-sizing: content-box;
  --ecGtrBrdWd: var(--ec-gtrBrdWd);
  padding-inline-start: calc(var(--ecIndent, 0ch) + var(--ec-codePadInl) - var(--ecGtrBrdWd));
  padding-inline-end: var(--ec-codePadInl);
  border-inline-start: var(--ecGtrBrdWd) solid transparent;
  text-indent: calc(var(--ecIndent, 0ch) * -1);
}
pre.kb-lines > code > .ec-line :where(*) { text-indent: 0; }
/* EC's line is a grid whose code cell has a min-width: the block's minimum width did not depend on its longest word.
   A block line's does (overflow-wrap: break-word does not lower it), so <code> gets the small minimum instead. */
pre.wrap.kb-lines > code { min-width: 0; }
pre.wrap.kb-lines > code > .ec-line {
  white-space: pre-wrap;
  overflow-wrap: break-word;
  min-width: min(20ch, var(--ecMaxLine, 20ch));
}
pre.wrap.kb-lines > code > .ec-line span.indent { white-space: pre; }
pre.kb-lines > code > .ec-line:first-child { padding-inline-end: calc(2rem + var(--ec-codePadInl)); }
button.copy {
  margin: 0;
  padding: 0;
  border: none;
  border-radius: 0.2rem;
  z-index: 1;
  cursor: pointer;
  transition-property: opacity, background, border-color;
  transition-duration: 0.2s;
  transition-timing-function: cubic-bezier(0.25, 0.46, 0.45, 0.94);
  width: 2.5rem;
  height: 2.5rem;
  background: var(--code-background);
  opacity: 0.75;
}
button.copy::before {
  content: '';
  position: absolute;
  pointer-events: none;
  inset: 0;
  border-radius: inherit;
  border: var(--ec-brdWd) solid var(--ec-frm-inlBtnBrd);
  opacity: var(--ec-frm-inlBtnBrdOpa);
}
button.copy::after {
  content: '';
  position: absolute;
  pointer-events: none;
  inset: 0;
  background-color: var(--ec-frm-inlBtnFg);
  -webkit-mask-image: var(--ec-frm-copyIcon);
  -webkit-mask-repeat: no-repeat;
  mask-image: var(--ec-frm-copyIcon);
  mask-repeat: no-repeat;
  margin: 0.475rem;
  line-height: 0;
}
button.copy:is(:hover, :focus-visible, :active) { opacity: 1; }
button.copy {
  font: inherit;
  letter-spacing: inherit;
  word-spacing: inherit;
  line-height: inherit;
  text-transform: inherit;
  text-indent: inherit;
  text-shadow: inherit;
}
button.copy > .feedback {
  position: absolute;
  inset-block: 0;
  inset-inline-end: calc(100% + 0.25rem + var(--tooltip-arrow-size));
  width: max-content;
  height: fit-content;
  margin: auto 0;
}
button.copy:is(:hover, :focus-visible) { background: color-mix(in srgb, var(--ec-frm-inlBtnBg) 20%, var(--code-background)); }
@media (hover: hover) {
  button.copy { opacity: 0; width: 2rem; height: 2rem; }
  .frame:hover button.copy:not(:hover),
  .frame:focus-within :focus-visible ~ button.copy:not(:hover) { opacity: 0.75; }
}
.frame button.copy:has(> .feedback.show) { opacity: 1; }
`;

/**
 * Per block, after EC's frames plugin made the frame:
 * - a line whose only child is its `.code` cell (no gutter, no marker class) holds the cell's tokens itself; when all
 *   lines of the `<pre>` do, it gets the class `kb-lines` (lines with markers or gutters would keep EC's markup);
 * - an editor frame without a title has an empty `figcaption` that is never shown: gone;
 * - a terminal frame's header keeps its bar (drawn by CSS); the empty title span gives way to the no-break space EC's
 *   CSS drew in it (the same height), its hidden label (“终端窗口”, which named the figure through the figcaption)
 *   names the figure as `aria-label` instead;
 * - the copy button without its holder `div.copy` (the class goes to the button), its live region and icon `<div>`:
 *   src/code/copy-client.ts announces through one live region for the page, and the icon is drawn by `::after`.
 */
export function leanBlock(block: Parents): void {
  visit(block, 'element', (node) => {
    if (node.tagName === 'pre') {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const lines = code?.children.filter((c): c is Element => c.type === 'element') ?? [];
      const cellOf = (line: Element): Element | undefined => {
        const only = line.children.length === 1 ? line.children[0] : undefined;
        const plain = classList(line).join(' ') === 'ec-line' && only?.type === 'element' && only.tagName === 'div' && classList(only).join(' ') === 'code';
        return plain && Object.keys(only.properties).length === 1 ? only : undefined;
      };
      if (code && lines.length && code.children.length === lines.length && lines.every((l) => cellOf(l))) {
        for (const line of lines) line.children = cellOf(line)?.children ?? [];
        node.properties.className = [...classList(node).map(String), 'kb-lines'];
      }
      return 'skip';
    }
    if (node.tagName === 'figure' && classList(node).includes('frame')) {
      const header = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
      if (!header) return;
      const title = header.children.find((c): c is Element => c.type === 'element' && classList(c).includes('title'));
      if (title && toText(title) === '') header.children = header.children.filter((c) => c !== title);
      if (classList(node).includes('is-terminal') && !classList(node).includes('has-title')) {
        const label = header.children.find((c): c is Element => c.type === 'element' && classList(c).includes('sr-only'));
        const text = label ? toText(label).trim() : '';
        if (label && text && header.children.length === 1) {
          node.properties.ariaLabel = text;
          // The no-break space EC's CSS put in the empty title (`.title:empty::before`), as text: the same line box.
          header.children = [{ type: 'text', value: '\u00a0' }];
        }
      }
      if (header.children.length === 0 && !classList(node).includes('is-terminal')) node.children = node.children.filter((c) => c !== header);
      return;
    }
    if (node.tagName === 'div' && classList(node).includes('copy')) {
      const button = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'button');
      const parent = button && findParent(block, node);
      if (button && parent) {
        button.children = [];
        button.properties.type = 'button';
        button.properties.className = ['copy'];
        for (const [k, v] of Object.entries(node.properties)) if (k !== 'className') button.properties[k] = v;
        parent.children[parent.children.indexOf(node)] = button;
      }
      return 'skip';
    }
  });
}

const findParent = (root: Parents, target: Element): Parents | undefined => {
  let found: Parents | undefined;
  visit(root, (n, _i, parent) => {
    if (n === target) {
      found = parent;
      return EXIT;
    }
  });
  return found;
};

const classList = (node: Element): Array<string | number | boolean> => ([] as Array<string | number | boolean>).concat(node.properties?.className ?? []);

/** Merges the token spans of one line (see pluginLeanMarkup). `own` is the style of the code's own colour. */
export function leanTokens(children: ElementContent[], own: string): ElementContent[] {
  const tokens: Token[] = children.map((c) => {
    if (c.type === 'text') return { style: null, text: c.value };
    if (c.type !== 'element' || c.tagName !== 'span' || classList(c).length || Object.keys(c.properties).some((k) => k !== 'style')) return { node: c };
    if (!c.children.every((k) => k.type === 'text')) return { node: c };
    const text = c.children.map((k) => (k as Text).value).join('');
    const style = String(c.properties.style ?? '');
    if (!/\S/.test(text)) return { style: 'ws', text };
    return { style: !style || style.toLowerCase() === own ? null : style, text };
  });
  const styleAt = (i: number, step: number): string | null | undefined => {
    for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
      const t = tokens[j];
      if ('node' in t) return undefined;
      if (t.style !== 'ws') return t.style;
    }
    return undefined;
  };
  tokens.forEach((t, i) => {
    if ('node' in t || t.style !== 'ws') return;
    const before = styleAt(i, -1);
    t.style = before !== undefined && before === styleAt(i, 1) ? before : null;
  });
  const out: ElementContent[] = [];
  let run: { style: string | null; text: string } | undefined;
  const flush = () => {
    if (!run) return;
    out.push(run.style === null ? { type: 'text', value: run.text } : { type: 'element', tagName: 'span', properties: { style: run.style }, children: [{ type: 'text', value: run.text }] });
    run = undefined;
  };
  for (const t of tokens) {
    if ('node' in t) {
      flush();
      out.push(t.node);
    } else if (run && run.style === t.style) run.text += t.text;
    else {
      flush();
      run = { style: t.style === 'ws' ? null : t.style, text: t.text };
    }
  }
  flush();
  return out;
}
