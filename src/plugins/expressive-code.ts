// Expressive Code plugins: keep UI chrome out of the search index, and make placeholders like <pod> stand out.
import { definePlugin, InlineStyleAnnotation } from '@expressive-code/core';
import type { ExpressiveCodePlugin } from '@expressive-code/core';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Text } from 'hast';
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
 * on a long playbook. The copy button keeps only the `<button>` (no per-block live region or icon `<div>`):
 * src/code/copy-client.ts announces through one live region, and the icon is drawn by EC's `button::after`.
 */
export function pluginLeanMarkup(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'kb-lean-markup',
    baseStyles: `.copy button:is(:hover, :focus-visible) { background: color-mix(in srgb, var(--ec-frm-inlBtnBg) 20%, var(--code-background)); }`,
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
        visit(renderData.blockAst, 'element', (node) => {
          if (node.tagName !== 'div' || !classList(node).includes('copy')) return;
          const button = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'button');
          if (button) {
            button.children = [];
            button.properties.type = 'button';
            node.children = [button];
          }
          return 'skip';
        });
      },
    },
  });
}

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
