// Contracts of the search feature: what each index record carries, and what the dialog shows per result.

/** question: a `## … <Q>` section; playbook: a question with a `### 症状` section; overview/page: text outside questions. */
export type RecordKind = 'question' | 'playbook' | 'overview' | 'page';

/** Metadata stored with each Pagefind record (all strings: Pagefind metadata is text). */
export interface SearchMeta {
  title: string;
  /** Topic label (基础概念 …). */
  topic: string;
  /** Title of the page that holds the record. */
  page: string;
  kind: RecordKind;
  /** First paragraph of the answer, shortened. */
  summary: string;
  /** The question's aliases (`<Q aka>`), joined by “ | ”: not shown, used to rank title and alias matches first. */
  aka: string;
  /** JSON object: sub-heading id → its text as the page shows it (the dialog lists matching steps by name). */
  steps: string;
}

/** What the index builder writes to `<base>/pagefind/kb-search.json` for the query layer. */
export interface SearchIndexInfo {
  /** Number of records (for IDF). */
  records: number;
  /** The Latin vocabulary: tells present, prefix and misspelt words apart. */
  words: string[];
  /** Per Pagefind record id: where its title and aliases end, in Pagefind word locations (a Chinese query word
   *  found before it is in the question's own title or aliases), then the positions in `words` of the Latin
   *  words of its title and aliases (Pagefind's locations cannot tell `pod` from `podsecuritypolicy`). */
  heads: Record<string, number[]>;
  /** Positions in `words` of the words that name things: Latin words of question titles and short aliases
   *  (an English question's other words count less). */
  names: number[];
  /** Words of question titles and aliases that the query side's segmenter cuts apart (宿|主机): joined again. */
  glue: string[];
  /** Chinese words of question and playbook titles and aliases, as the query side segments them: what the site's
   *  questions are about. A Chinese query's other words (合理, 组成) count less. */
  hanNames: string[];
}

/** One result as the dialog shows it. */
export interface SearchHit {
  /** Link with the site base, opening on the question (or a step inside it). */
  url: string;
  meta: SearchMeta;
  /** Steps inside the question that matched best (playbook causes, sub-sections). */
  steps: Array<{ title: string; url: string }>;
}

export type QueryKind = 'error' | 'natural' | 'command' | 'english';

/** An entry of tests/search/queries.json. */
export interface QualityQuery {
  q: string;
  kind: QueryKind;
  /** Question ids that answer it, best first. */
  answers: string[];
  source: string;
  /** Why the answers changed after the query was written (e.g. a question added later answers it). */
  note?: string;
  /** 2: collected after the first tuning round, 3: from the issue #11 gap analysis, 4 and 5: new real queries of later sessions; each measured as held out before any tuning on it. */
  batch?: number;
}
