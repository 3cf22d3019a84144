// Expressive Code plugins: keep UI chrome out of the search index, and make placeholders like <pod> stand out.
import { definePlugin, InlineStyleAnnotation } from '@expressive-code/core';
import type { ExpressiveCodePlugin } from '@expressive-code/core';
import { visit } from 'unist-util-visit';

const PLACEHOLDER = /<[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*>/g;
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
