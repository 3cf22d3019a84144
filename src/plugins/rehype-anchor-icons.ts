// Starlight's heading anchor links carry a 16 px link icon as an inline <svg><path/></svg> — the same ~650 bytes
// and two elements on every heading (98 of them on the longest playbook). The icon is drawn by CSS instead
// (src/styles/custom.css, `.sl-anchor-icon::before`, a mask of the same path): the link, its accessible name and
// its place stay as Starlight makes them (issue #14: lighter long pages).
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

const isIcon = (node: Element): boolean => {
  const c = node.properties?.className;
  return node.tagName === 'span' && Array.isArray(c) && c.includes('sl-anchor-icon');
};

const rehypeAnchorIcons: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    if (isIcon(node) && node.children.some((c) => c.type === 'element' && c.tagName === 'svg')) node.children = [];
  });
};

export default rehypeAnchorIcons;
