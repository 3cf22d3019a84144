// Marks the top-level text blocks of a page that hold nothing a reader can click or that axe hit-tests on its own:
// paragraphs, lists, tables, asides and symptom lists without a link, a button or a code block (which gets a copy
// button). src/styles/custom.css lets only these blocks (from a page's 16th block on) skip their layout until they
// come near the viewport (content-visibility: auto). Skipped content has no real box yet, so axe, and Lighthouse's
// accessibility audit with it, hit-tests a link or button in it against whatever is painted there and reports false
// contrast or target-size failures (dequelabs/axe-core#2768). Decided here at build time: `:has(a, button)` in the
// stylesheet cost as much style time as the skipping saved (pod-status, Lighthouse trace at 4x CPU).
//
// It also marks the fold: the first paragraph, list, table or aside from the page's 16th top-level block on gets
// FOLD_ID. On screens 50rem and wider, every page's <head> asks Chromium to render nothing before that element is
// parsed (`<link rel="expect" blocking="render">`, src/components/Head.astro): a first paint of a half-parsed page
// moved it a moment later (a table whose columns widen as more rows arrive, the right sidebar drawn where the content
// column goes; CLS up to 0.41 at 1280 px with a slow CPU). The first 15 blocks cover more than the first screen (see
// src/styles/custom.css).
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';

/** The class this plugin adds. */
export const PLAIN_BLOCK_CLASS = 'kb-plain';
/** The id of the element first paint waits for (the command cheat sheet marks its own, CommandCheatSheet.astro). */
export const FOLD_ID = 'kb-fold';
/** How many top-level blocks are parsed before the page is first painted. */
export const FOLD_BLOCKS = 15;

const BLOCKS = new Set(['p', 'ul', 'ol', 'table', 'aside']);
const ACTIVE = new Set(['a', 'button', 'pre', 'input', 'select', 'textarea', 'details', 'iframe', 'video', 'audio']);

const classes = (node: Element): string[] => {
  const c: unknown = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

/** Does the node hold only text and plain elements? An MDX component inside (rendered later) counts as active. */
function plain(node: ElementContent | RootContent): boolean {
  if (node.type === 'text' || node.type === 'comment') return true;
  if (node.type !== 'element') return false;
  if (ACTIVE.has(node.tagName)) return false;
  return node.children.every(plain);
}

/** Adds `kb-plain` to each top-level block that qualifies, and FOLD_ID to the fold. Takes no options. */
const rehypePlainBlocks: Plugin<[], Root> = function () {
  return (tree) => {
    const elements = tree.children.filter((node): node is Element => node.type === 'element');
    for (const node of elements) {
      const block = BLOCKS.has(node.tagName) || (node.tagName === 'div' && classes(node).includes('kb-symptoms'));
      if (block && node.children.every(plain)) node.properties.className = [...classes(node), PLAIN_BLOCK_CLASS];
    }
    // A text block: a code block is replaced by Expressive Code's frame after this plugin, its id with it.
    const fold = elements.slice(FOLD_BLOCKS).find((node) => BLOCKS.has(node.tagName) && node.properties.id === undefined);
    if (fold) fold.properties.id = FOLD_ID;
  };
};
export default rehypePlainBlocks;
