import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content-scan.ts';
import { coverage, completeTopics } from '../../src/lib/coverage.ts';
import { sourceQuestions } from '../../src/lib/questions.ts';
import { topicIds } from '../../src/topics.ts';

describe('source question coverage', () => {
  const rows = coverage(loadContent().flatMap((p) => p.questions));

  it('the copied source list is intact: 210 unique ids, each in a known topic', () => {
    expect(sourceQuestions).toHaveLength(210);
    expect(new Set(sourceQuestions.map((q) => q.id)).size).toBe(210);
    expect(sourceQuestions.filter((q) => !topicIds.includes(q.topic)).map((q) => q.id)).toEqual([]);
  });

  it('complete topics are real topics', () => {
    expect(completeTopics().filter((t) => !topicIds.includes(t))).toEqual([]);
  });

  it('questions that ask the same thing (the `duplicates` of data/source-questions.json) are answered by one canonical question', () => {
    const owner = new Map<string, string>();
    for (const page of loadContent()) for (const q of page.questions) for (const s of q.seeds) owner.set(s, `/${page.slug}/#${q.id}`);
    const split: string[] = [];
    for (const sq of sourceQuestions) {
      for (const d of sq.duplicates) {
        if (owner.has(sq.id) && owner.has(d) && owner.get(sq.id) !== owner.get(d)) split.push(`${sq.id} → ${owner.get(sq.id)}, but its duplicate ${d} → ${owner.get(d)}`);
      }
    }
    expect(split).toEqual([]);
  });

  it.each(completeTopics())('complete topic %s answers every one of its source questions', (topic) => {
    const row = rows.find((r) => r.topic === topic);
    if (!row) throw new Error(`no coverage row for topic ${topic}`);
    expect(row.missing.map((m) => m.id)).toEqual([]);
    expect(row.covered).toBe(row.total);
  });
});
