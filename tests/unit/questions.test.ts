import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
// Type-only: adds `data.hProperties` (where heading ids are written) to mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { Question } from '../../src/lib/types.ts';
import { extractQuestions } from '../../src/lib/questions.ts';
import { checkSiteQuestions } from '../../src/lib/content-error.ts';

const parse = (src: string): Root => unified().use(remarkParse).use(remarkMdx).parse(src);
const extract = (src: string, opts?: { mutate?: boolean }): Question[] => extractQuestions(parse(src), 'content/docs/t/x.mdx', opts);

describe('question markers', () => {
  it('reads id, title and seeds, and removes the marker when asked', () => {
    const tree = parse('## kubelet 做什么？ <Q id="kubelet-role" seeds="kubelet-role" />\n\n正文');
    const qs = extractQuestions(tree, 'x.mdx', { mutate: true });
    expect(qs).toEqual([{ id: 'kubelet-role', title: 'kubelet 做什么？', seeds: ['kubelet-role'], added: false, aka: [], line: 1, depth: 2, summary: '正文', opening: 'paragraph' }]);
    const heading = tree.children[0];
    if (heading?.type !== 'heading') throw new Error('the marker heading did not parse as the first node');
    expect(heading.children.map((c) => c.type)).toEqual(['text']);
    const first = heading.children[0];
    if (first?.type !== 'text') throw new Error('the heading lost its text'); // (unreachable: the expect above fails first)
    expect(first.value).toBe('kubelet 做什么？');
    expect(heading.data?.hProperties?.id).toBe('kubelet-role');
  });

  it('reads aliases (aka) and rejects empty, over-long or repeated ones', () => {
    const [q] = extract('## A <Q id="a" added aka="pod 一直 pending| crashloop |PDB" />');
    expect(q.aka).toEqual(['pod 一直 pending', 'crashloop', 'PDB']);
    expect(() => extract('## A <Q id="a" added aka="x||y" />')).toThrow(/x.mdx:1: .*empty alias/);
    expect(() => extract(`## A <Q id="a" added aka="${'长'.repeat(81)}" />`)).toThrow(/longer than 80/);
    expect(() => extract('## A <Q id="a" added aka="pdb|PDB" />')).toThrow(/listed twice/);
  });

  it('accepts several seeds and added questions', () => {
    const qs = extract(
      '## A <Q id="a" seeds="pod-creation-flow pod-creation-main-flow" />\n\n## B `code` <Q id="b-added" added />',
    );
    expect(qs.map((q) => [q.id, q.seeds, q.added, q.title])).toEqual([
      ['a', ['pod-creation-flow', 'pod-creation-main-flow'], false, 'A'],
      ['b-added', [], true, 'B code'],
    ]);
  });

  it.each([
    ['## A <Q id="Not_Kebab" seeds="kubelet-role" />', /not kebab-case/],
    ['## A <Q id="a" seeds="no-such-source-question" />', /unknown seed id "no-such-source-question"/],
    ['## A <Q id="a" />', /needs seeds=/],
    ['## A <Q id="a" added seeds="kubelet-role" />', /marked added but also lists seeds/],
    ['## A <Q seeds="kubelet-role" />', /needs an id/],
    ['## A <Q id="a" seeds="kubelet-role" />\n\n## B <Q id="a" seeds="pod-creation-flow" />', /duplicate question id "a" \(first used on line 1\)/],
    ['正文 <Q id="a" seeds="kubelet-role" />', /must stand inside a heading/],
    ['## A <Q id="a" seeds={"kubelet-role"} />', /must be a string/],
  ])('rejects %s', (src, message) => {
    expect(() => extract(src)).toThrow(message);
  });

  it('names the file and line in errors', () => {
    expect(() => extract('# t\n\n## A <Q id="a" seeds="nope" />')).toThrow(/^content\/docs\/t\/x\.mdx:3: /);
  });

  it('finds site-wide duplicate ids and seeds answered twice', () => {
    const errors = checkSiteQuestions([
      { id: 'a', seeds: ['kubelet-role'], file: 'one.mdx', line: 3 },
      { id: 'a', seeds: [], file: 'two.mdx', line: 5 },
      { id: 'b', seeds: ['kubelet-role'], file: 'two.mdx', line: 9 },
    ]);
    expect(errors).toEqual([
      'duplicate question id "a": one.mdx:3 and two.mdx:5',
      'seed "kubelet-role" is answered twice: one.mdx:3 and two.mdx:9 (keep one canonical question and link to it)',
    ]);
  });
});
