// Starlight makes content tables scroll sideways on narrow screens; keyboard users must be able to focus
// the scrolling table to scroll it (WCAG 2.1.1, axe "scrollable-region-focusable").
import { visit } from 'unist-util-visit';

export default function rehypeTables() {
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'table') node.properties.tabIndex = 0;
    });
  };
}
