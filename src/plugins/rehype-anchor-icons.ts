// Starlight's heading anchor links carry a 16 px link icon as an inline <svg><path/></svg> — the same ~650 bytes
// and two elements on every heading (98 of them on the longest playbook). The icon is drawn by CSS instead
// (src/styles/custom.css, `.sl-anchor-icon::before`, a mask of the same path): the link and its place stay as
// Starlight makes them (issue #14: lighter long pages). The link's hidden text (“本节链接：<heading>”, a visually
// hidden <span>) becomes its `aria-label`: the same accessible name, one element fewer per heading; like the span
// (data-pagefind-ignore), an attribute is not indexed by Pagefind.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';

// Starlight builds its link with a raw `class` property (not hast's `className` list): both are read.
const hasClass = (node: Element, name: string): boolean => {
  const c = node.properties?.className ?? node.properties?.class;
  return Array.isArray(c) ? c.includes(name) : typeof c === 'string' && c.split(/\s+/).includes(name);
};

const rehypeAnchorIcons: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'span' && hasClass(node, 'sl-anchor-icon') && node.children.some((c) => c.type === 'element' && c.tagName === 'svg')) {
      node.children = [];
    }
    if (node.tagName === 'a' && hasClass(node, 'sl-anchor-link')) {
      const hidden = node.children.filter((c): c is Element => c.type === 'element' && hasClass(c, 'sr-only'));
      const label = hidden.map((c) => toText(c)).join('').trim();
      if (hidden.length === 1 && label && node.properties.ariaLabel === undefined) {
        node.properties.ariaLabel = label;
        node.children = node.children.filter((c) => c !== hidden[0]);
      }
    }
  });
};

export default rehypeAnchorIcons;
