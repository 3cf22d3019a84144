// Turns `## 标题 <Q id="…" seeds="…" />` into `<h2 id="…">标题</h2>` and records the page's questions
// in the frontmatter seen by `render(entry).remarkPluginFrontmatter.questions` (the registry reads it).
import { extractQuestions } from '../lib/questions.mjs';

export default function remarkQuestions() {
  return (tree, file) => {
    const questions = extractQuestions(tree, file.path, { mutate: true });
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.questions = questions.map(({ id, title, seeds, added, line }) => ({ id, title, seeds, added, line }));
  };
}
