// Contracts of study mode (issue #15): what the browser keeps in localStorage, keyed by question id, and what the
// drill reads from the registry (<base>/questions.json). Type-only module.

/** A self-assessment: 会 (know), 模糊 (fuzzy), 不会 (don't know). */
export type Rating = 'know' | 'fuzzy' | 'dont';

/** What the reader did with one question. */
export interface QuestionState {
  /** Last rating, absent while only seen. */
  r?: Rating;
  /** Drill clock (`StudyState.tick`) when it was last rated: the drill spaces questions from it. */
  at?: number;
}

/** Everything study mode stores (one localStorage key); exported and imported as JSON as it is. */
export interface StudyState {
  /** Format version. */
  v: 1;
  /** Self-test mode switched on (answers hidden on topic pages). */
  mode: boolean;
  /** Number of ratings given so far: the drill's clock. */
  tick: number;
  /** Per question id: seen (an entry exists) and rated. */
  q: Record<string, QuestionState>;
}

/** Counts for a set of questions. */
export interface Progress {
  total: number;
  seen: number;
  know: number;
  fuzzy: number;
  dont: number;
}

/** The fields of a questions.json entry the drill uses. */
export interface DrillQuestion {
  id: string;
  title: string;
  topic: string;
  url: string;
  page: string;
  summary: string;
}
