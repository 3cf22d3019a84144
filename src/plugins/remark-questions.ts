// Turns `## 标题 <Q id="…" seeds="…" />` into `<h2 id="…">标题</h2>` (sub-headings get ids qualified by their
// question) and records, in the frontmatter seen by `render(entry).remarkPluginFrontmatter`:
// - `questions`: the page's questions (the registry reads them);
// - `bash`: the page's bash blocks with the step heading they stand under (the command cheat sheet reads them).
// In troubleshooting playbooks, the `### 症状` section (the exact error strings) weighs more in search, so that
// pasting an error message lands on the playbook rather than on a concept page that mentions it in passing.
import { extractQuestions } from '../lib/questions.ts';
import { bashBlocks } from '../lib/commands.ts';
import { plainText } from '../lib/mdast-text.ts';
import { SYMPTOMS_HEADING } from '../lib/playbooks.ts';

const SYMPTOM_WEIGHT = '5';

function weighSymptoms(tree) {
  const kids = tree.children;
  for (let i = 0; i < kids.length; i++) {
    const h = kids[i];
    if (h.type !== 'heading' || h.depth !== 3 || plainText(h).trim() !== SYMPTOMS_HEADING) continue;
    let end = i + 1;
    while (end < kids.length && !(kids[end].type === 'heading' && kids[end].depth <= 3)) end++;
    const body = kids.slice(i + 1, end);
    if (!body.length) continue;
    const wrapper = {
      type: 'mdxJsxFlowElement',
      name: 'div',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'class', value: 'kb-symptoms' },
        { type: 'mdxJsxAttribute', name: 'data-pagefind-weight', value: SYMPTOM_WEIGHT },
      ],
      children: body,
    };
    kids.splice(i + 1, body.length, wrapper);
  }
}

export default function remarkQuestions() {
  return (tree, file) => {
    const questions = extractQuestions(tree, file.path, { mutate: true });
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.questions = questions.map(({ id, title, seeds, added, aka, line }) => ({ id, title, seeds, added, aka, line }));
    file.data.astro.frontmatter.bash = bashBlocks(tree);
    weighSymptoms(tree);
  };
}
