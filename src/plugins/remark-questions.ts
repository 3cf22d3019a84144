// Turns `## 标题 <Q id="…" seeds="…" />` into `<h2 id="…">标题</h2>` (sub-headings get ids qualified by their
// question), drops the `<Section />` markers of overview headings, and records, in the frontmatter seen by `render(entry).remarkPluginFrontmatter`:
// - `questions`: the page's questions (the registry reads them);
// - `bash`: the page's bash blocks with the step heading they stand under (the command cheat sheet reads them).
// In troubleshooting playbooks, the `### 症状` section (the exact error strings) weighs more in search, so that
// pasting an error message lands on the playbook rather than on a concept page that mentions it in passing.
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { BashBlock, Question } from '../lib/types.ts';
import { visit } from 'unist-util-visit';
import { extractQuestions } from '../lib/questions.ts';
import { bashBlocks } from '../lib/commands.ts';
import { plainText } from '../lib/mdast-text.ts';
import { SYMPTOMS_HEADING } from '../lib/playbooks.ts';

const SYMPTOM_WEIGHT = '5';

/** What the plugin records in the page's frontmatter (`render(entry).remarkPluginFrontmatter`). */
export interface RemarkQuestionsFrontmatter {
  /** The page's questions in document order (the registry reads them). */
  questions: Array<Pick<Question, 'id' | 'title' | 'seeds' | 'added' | 'aka' | 'line' | 'summary'>>;
  /** The page's bash blocks with the step heading they stand under (the command cheat sheet reads them). */
  bash: BashBlock[];
}

/** A `#`, `##` or `###` heading ends a `### 症状` section. */
const endsSection = (node: RootContent): boolean => node.type === 'heading' && node.depth <= 3;

function weighSymptoms(tree: Root): void {
  const kids = tree.children;
  for (let i = 0; i < kids.length; i++) {
    const h = kids[i];
    if (h.type !== 'heading' || h.depth !== 3 || plainText(h).trim() !== SYMPTOMS_HEADING) continue;
    let end = i + 1;
    while (end < kids.length && !endsSection(kids[end])) end++;
    const body = kids.slice(i + 1, end);
    if (!body.length) continue;
    const wrapper: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'div',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'class', value: 'kb-symptoms' },
        { type: 'mdxJsxAttribute', name: 'data-pagefind-weight', value: SYMPTOM_WEIGHT },
      ],
      // Root children are typed as any mdast node; at the top level of a document they are flow content.
      children: body as MdxJsxFlowElement['children'],
    };
    kids.splice(i + 1, body.length, wrapper);
  }
}

/**
 * Removes the `<Section />` marker of overview headings (`## 自测 <Section />`): it only tells the content lint
 * (src/lint/) that the `##` heading is a section on purpose, not a question whose `<Q>` was forgotten.
 */
export function removeSectionMarkers(tree: Root): void {
  visit(tree, 'heading', (node) => {
    const kept = node.children.filter((c) => !(c.type === 'mdxJsxTextElement' && c.name === 'Section'));
    if (kept.length === node.children.length) return;
    node.children = kept;
    const last = node.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  });
}

/** Sets question and sub-heading ids, records questions and bash blocks, weighs symptoms. Takes no options. */
const remarkQuestions: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    removeSectionMarkers(tree);
    const questions = extractQuestions(tree, file.path, { mutate: true });
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.questions = questions.map(({ id, title, seeds, added, aka, line, summary }) => ({ id, title, seeds, added, aka, line, summary })) satisfies RemarkQuestionsFrontmatter['questions'];
    file.data.astro.frontmatter.bash = bashBlocks(tree) satisfies RemarkQuestionsFrontmatter['bash'];
    weighSymptoms(tree);
  };
};
export default remarkQuestions;
