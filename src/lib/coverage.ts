// Which source questions (data/source-questions.json) are answered by a question of the site.
import { readFileSync } from 'node:fs';
import { sourceQuestions } from './questions.ts';
import { topics } from '../topics.ts';
import type { PageQuestion, TopicCoverage } from './types.ts';

/** Ids of the topics whose every source question must be answered (data/complete-topics.json). */
export function completeTopics(): string[] {
  return JSON.parse(readFileSync(new URL('../../data/complete-topics.json', import.meta.url), 'utf8'));
}

/** Coverage of each topic, in topic order, by `questions`: all questions of the site. */
export function coverage(questions: ReadonlyArray<Pick<PageQuestion, 'seeds' | 'topic' | 'added'>>): TopicCoverage[] {
  const answeredBy = new Map<string, Pick<PageQuestion, 'seeds' | 'topic' | 'added'>>();
  for (const q of questions) for (const s of q.seeds) answeredBy.set(s, q);
  return topics.map((t) => {
    const sources = sourceQuestions.filter((s) => s.topic === t.id);
    const missing = sources.filter((s) => !answeredBy.has(s.id));
    const canonical = questions.filter((q) => q.topic === t.id);
    return {
      topic: t.id,
      label: t.label,
      total: sources.length,
      covered: sources.length - missing.length,
      missing,
      questions: canonical.length,
      added: canonical.filter((q) => q.added).length,
    };
  });
}
