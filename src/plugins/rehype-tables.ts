// Accessible tables and asides in content pages:
// - Starlight makes content tables scroll sideways on narrow screens; keyboard users must be able to focus the
//   scrolling table to scroll it (WCAG 2.1.1, axe "scrollable-region-focusable");
// - an empty corner cell of a header row (`|   | A | B |`) is no header: it becomes a `<td>` (axe
//   "empty-table-header");
// - asides are landmarks (`<aside aria-label="常见误区">`); several with the same name on one page cannot be told
//   apart in a landmark list (axe "landmark-unique"), so a repeated name gets the question it stands under.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';

const isEmpty = (cell: Element): boolean => toText(cell).trim() === '' && !cell.children.some((c) => c.type === 'element' && c.tagName === 'img');

/** Names repeated asides after the heading (h2) they stand under, numbering any still alike. */
function nameAsides(tree: Root): void {
  const asides: Array<{ node: Element; label: string; under: string }> = [];
  let under = '';
  visit(tree, 'element', (node) => {
    if (node.tagName === 'h2') under = toText(node).trim();
    const label = node.tagName === 'aside' ? node.properties.ariaLabel : undefined;
    if (typeof label === 'string' && label) asides.push({ node, label, under });
  });
  const count = (names: string[], n: string) => names.filter((x) => x === n).length;
  const labels = asides.map((a) => a.label);
  const named = asides.map((a) => (count(labels, a.label) > 1 && a.under ? `${a.label}：${a.under}` : a.label));
  const seen = new Map<string, number>();
  asides.forEach((a, i) => {
    const name = named[i] ?? a.label;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    a.node.properties.ariaLabel = count(named, name) > 1 ? `${name}（${n}）` : name;
  });
}

/** Focusable tables, no empty header cells, distinct aside names. Takes no options. */
const rehypeTables: Plugin<[], Root> = function () {
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'table') node.properties.tabIndex = 0;
      if (node.tagName === 'th' && isEmpty(node)) node.tagName = 'td';
    });
    nameAsides(tree);
  };
};
export default rehypeTables;
