// Short answers (issue #15 item 4): every question opens its answer with a paragraph of at most SUMMARY_MAX
// characters; it is the question's `summary` in questions.json, the drill and the flashcards.
import { describe, expect, it } from 'vitest';
import { loadContent, parseMdx } from '../../src/lib/content-scan.ts';
import { extractQuestions, SUMMARY_MAX } from '../../src/lib/questions.ts';
import { formatProblem, lintFiles } from '../../src/lint/lint.ts';
import { topicIds } from '../../src/topics.ts';

const FM = '---\ntitle: 测试页面\ndescription: 一个用于测试短答案检查的页面。\n---\n\n';
const lint = (body: string): string[] =>
  lintFiles([{ rel: 'architecture/x.mdx', display: 'content/docs/architecture/x.mdx', source: FM + body }], {
    topicIds,
    publicFile: () => false,
  }).map(formatProblem);

describe('short answers in the content', () => {
  const questions = loadContent().flatMap((p) => p.questions);
  it('reads the whole question bank', () => {
    expect(questions.length).toBeGreaterThan(200);
  });
  it('every question opens its answer with a paragraph', () => {
    expect(questions.filter((q) => q.summary === null).map((q) => `${q.file}:${q.line} ${q.id} opens with ${q.opening}`)).toEqual([]);
  });
  it(`every short answer has at most ${SUMMARY_MAX} characters`, () => {
    const long = questions.filter((q) => [...(q.summary ?? '')].length > SUMMARY_MAX);
    expect(long.map((q) => `${q.file}:${q.line} ${q.id}: ${[...(q.summary ?? '')].length}`)).toEqual([]);
  });
});

describe('summary extraction', () => {
  it('is the plain text of the first paragraph: no Markdown syntax, link text kept, whitespace collapsed', () => {
    const [q] = extractQuestions(parseMdx('## 问题？ <Q id="q" added />\n\n**kubelet** 通过 `CRI`\n调用 [运行时](/runtime-linux/)。\n\n第二段不算。\n'), 'x.mdx');
    expect(q?.summary).toBe('kubelet 通过 CRI 调用 运行时。');
    expect(q?.opening).toBe('paragraph');
  });
  it('is null, with what stands there instead, when the answer opens with something else', () => {
    const qs = extractQuestions(parseMdx('## A？ <Q id="a" added />\n\n- 列表\n\n## B？ <Q id="b" added />\n\n### 小节\n\n## C？ <Q id="c" added />\n\n```bash\nls\n```\n\n## D？ <Q id="d" added />\n'), 'x.mdx');
    expect(qs.map((q) => [q.id, q.summary, q.opening])).toEqual([
      ['a', null, 'a list'],
      ['b', null, 'a ### heading'],
      ['c', null, 'a code block'],
      ['d', null, 'nothing'],
    ]);
  });
});

describe('the content lint stops the build on a missing or long short answer', () => {
  it('accepts a paragraph within the limit', () => {
    expect(lint(`## 问题？ <Q id="q" added />\n\n${'短'.repeat(SUMMARY_MAX)}\n\n- 细节\n`)).toEqual([]);
  });
  it('names file and line when the answer opens with a list', () => {
    expect(lint('## 问题？ <Q id="q" added />\n\n- 列表\n')).toEqual([
      expect.stringMatching(/^content\/docs\/architecture\/x\.mdx:6: question "q" opens its answer with a list, not a paragraph — start the answer with a 2–4 sentence paragraph/),
    ]);
  });
  it('names file, line and length when the paragraph is too long', () => {
    expect(lint(`## 问题？ <Q id="q" added />\n\n${'长'.repeat(SUMMARY_MAX + 1)}\n`)).toEqual([
      `content/docs/architecture/x.mdx:6: question "q": the paragraph that opens the answer has ${SUMMARY_MAX + 1} characters (short answers: at most ${SUMMARY_MAX}) — say the answer in 2–4 sentences and move the detail below it`,
    ]);
  });
});
