// The Anki export (src/study/flashcards.ts) on small input: headers, one note per question, fields without tabs or
// line breaks, escaped HTML, absolute links, topic tags and stable GUIDs. The built file is checked in tests/site/study.test.ts.
import { describe, expect, it } from 'vitest';
import { flashcardsTsv, type FlashcardQuestion } from '../../src/study/flashcards.ts';
import { parseAnkiTsv } from '../helpers/anki.ts';

const q = (id: string, over: Partial<FlashcardQuestion> = {}): FlashcardQuestion => ({
  id,
  title: `${id} 是什么？`,
  topic: 'etcd',
  url: `/k8s-kb/etcd/raft/#${id}`,
  summary: '一段短答案。',
  page: 'Raft',
  ...over,
});

describe('flashcards', () => {
  it('writes Anki headers and one note per question', () => {
    const file = parseAnkiTsv(flashcardsTsv([q('a'), q('b', { topic: 'storage' })], 'https://x.github.io/'));
    expect(file.headers).toMatchObject({ separator: 'tab', html: 'true', 'tags column': '3', 'guid column': '4' });
    expect(file.notes).toEqual([
      ['a 是什么？', '一段短答案。<br><br><a href="https://x.github.io/k8s-kb/etcd/raft/#a">Raft · 完整答案</a>', 'k8s-kb::etcd', 'k8s-kb-a'],
      ['b 是什么？', expect.stringContaining('#b">'), 'k8s-kb::storage', 'k8s-kb-b'],
    ]);
  });
  it('keeps every note on one line with four fields, and escapes HTML in the text', () => {
    const text = flashcardsTsv([q('a', { title: 'a\t<b>', summary: '第一行\n第二行 & <x>' })], 'https://x.github.io/');
    const { notes } = parseAnkiTsv(text);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.[0]).toBe('a &lt;b&gt;');
    expect(notes[0]?.[1]).toMatch(/^第一行 第二行 &amp; &lt;x&gt;<br>/);
  });
});
