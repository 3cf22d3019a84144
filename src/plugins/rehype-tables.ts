// Starlight makes content tables scroll sideways on narrow screens; keyboard users must be able to focus
// the scrolling table to scroll it (WCAG 2.1.1, axe "scrollable-region-focusable").
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Makes every `<table>` focusable (`tabindex="0"`). Takes no options. */
const rehypeTables: Plugin<[], Root> = function () {
  return (tree) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'table') node.properties.tabIndex = 0;
    });
  };
};
export default rehypeTables;
