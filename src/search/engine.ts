// The query layer over Pagefind's JS API (browser; the eval runs the same code in Chromium).
//
// Pagefind alone ANDs every word and falls back to any indexed prefix, so a pasted message with an IP or a pod
// name returns nothing and 区块链 returns pages about 区块 and 链. Here a query is cut into units
// (./tokenize.ts); each unit is searched on its own, units that are on no page are dropped, a query most of
// whose words are on no page answers nothing, and the remaining lists are fused: each unit counts by how rare
// it is (IDF), and records that match every unit at once (the strict AND search) get a bonus.
import { chineseFor, correct, displayText, englishBase, hanBigrams, hanToken, intlSegmenter, isFiller, kubectlVerb, otherNumber, queryUnits, unitWords, type QueryUnit, type Segment } from './tokenize.ts';
import type { SearchHit, SearchIndexInfo, SearchMeta } from './types.ts';

// The part of Pagefind's JS API we use (pagefind 1.6; see README → Search for why the version is pinned).
export interface PagefindSubResult {
  title: string;
  url: string;
  weighted_locations: Array<{ weight: number; balanced_score: number; location: number }>;
}
export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  /** Word locations of the match in the record. */
  words: number[];
  data(): Promise<PagefindData>;
}
export interface PagefindApi {
  init(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOutcome {
  hits: SearchHit[];
  /** Units of the query, and which of them the index holds. */
  units: Array<QueryUnit & { df: number }>;
  /** True when the query's words are mostly on no page: nothing is shown rather than noise. */
  absent: boolean;
  /** Share of the query's weight that the best record holds. */
  coverage: number;
  /** For scripts/search-eval.ts --explain: the best records' scores and the units they hold. */
  debug?: Array<{ url: string; score: number; matched: number; units: string[] }>;
}

/** When less than this share of the query's weight is on the site's pages, the site does not cover it: the
 *  dialog answers nothing rather than noise. A short query (up to SHORT_QUERY words) needs more: one word
 *  on no page among three (秒杀系统设计, RocketMQ 消息丢失) is what the query is about. */
const MIN_COVERAGE = 0.5;
const SHORT_QUERY = 4;
/** In an all-English query, a word on no page counts this much of a missing topic word: it is as often plain
 *  English (visible, beyond, intermittent) as a topic the site lacks. */
const ENGLISH_ABSENT_SHARE = 0.35;
/** Weight of a plain English word (one that names no question) in a question asked in English. */
const PLAIN_ENGLISH = 0.4;
/** Weight of a Chinese word no question's title or alias uses, in a question asked in Chinese. */
const PLAIN_HAN = 0.5;
/** A question asked in English (not a pasted message): ends with a question mark, or opens like one. */
const ENGLISH_QUESTION = /\?$|^(?:what|how|why|which|when|where|who|explain|describe|true or false)\b/i;
const SHORT_MIN_COVERAGE = 0.7;
/** Records holding every content word of the query at once get this share of the query's weight on top. */
const STRICT_SHARE = 0.3;
/** A command phrase (docker cp) counts this much of a word: its words also count on their own. */
const PHRASE_SHARE = 0.5;
/** Results listed; the dialog shows them all. */
const LIMIT = 8;
const RERANK_EXTRA = 2;
/** A word's weight is its IDF, capped: in a corpus this small, the rarest words are mostly plain language
 *  (“lost”, “深入”, “重要”), not the topic (measured: the cap took held-out hit@3 from 78.9 % to 82.9 %). */
const IDF_CAP = 3;
/** Words searched per query at most (see search()). */
const MAX_UNITS = 8;
/** Results whose steps are re-searched for the words they hold (see search()). */
const STEPS_FOR = 3;
/** An alias this long (letters and digits) found verbatim in a pasted message counts ALIAS_SHARE of the query. */
const ALIAS_MIN = 10;
const HAN_PHRASE_MIN = 5;
const ALIAS_SHARE = 0.5;
/** Overviews and page-level records (symptom index, cheat sheet) come after questions of similar strength. */
const PAGE_FACTOR = 0.35;
/** A query word found in a question's title or aliases counts this much more than one found in its text. */
const TITLE_BONUS = 1;
const STOP_TITLE_BONUS = 0.3;
/** A question about how or why something works (“什么是 Ingress，和 Service 有何不同”) wants the concept, not the
 *  playbook that mentions the same words: playbooks count this much for it, unless the query quotes an error. */
const PLAYBOOK_FACTOR_FOR_CONCEPTS = 0.7;
const CONCEPT_WORDS = new Set(
  '什么 为什么 是什么 区别 原理 作用 概念 含义 意义 用途 机制 流程 过程 优缺点 优势 架构 关系 实现 设计 what why difference explain vs versus'.split(' '),
);
// (A state named as one word counts too: ImagePullBackOff, CreateContainerConfigError, ErrImagePull.)
const ERROR_WORDS = /\b(\w*error|err\w*|failed|failure|fail|refused|timeout|timed|denied|forbidden|unauthorized|\w*backoff|oomkilled|evicted|notready|pending|terminating|exceeded|unable|cannot|can't|invalid|not found|no such)\b/i;

interface UnitList {
  unit: QueryUnit;
  /** Records holding the unit (0: on no page). */
  df: number;
  weight: number;
  results: PagefindResult[];
  /** On no page, and made of function characters (它与, 有何): says nothing about the topic. */
  filler: boolean;
  /** The index word found for a Latin unit when it is not the word typed (nodes → node, kubenetes → kubernetes). */
  word?: string;
}

async function results(pf: PagefindApi, q: string): Promise<PagefindResult[]> {
  return (await pf.search(q))?.results ?? [];
}

/**
 * Records that hold the words exactly (`"…"`: a Chinese word's bigrams in order, a Latin word itself, not words
 * starting with it), ranked by Pagefind's weighted BM25 of the plain search — the exact search scores every
 * record alike.
 */
async function exactRanked(pf: PagefindApi, words: string[]): Promise<PagefindResult[]> {
  const [exact, loose] = await Promise.all([results(pf, `"${words.join(' ')}"`), results(pf, words.join(' '))]);
  const ids = new Set(exact.map((r) => r.id));
  // (Locations come from the loose search: the exact one reports a single location per record.)
  const ranked = loose.filter((r) => ids.has(r.id));
  const seen = new Set(ranked.map((r) => r.id));
  const low = Math.min(...ranked.map((r) => r.score), 1) / 2;
  for (const r of exact) if (!seen.has(r.id)) ranked.push(rescored(r, low));
  return ranked;
}

/** The Latin words of the index (kb-search.json), to tell present, prefix and misspelt words apart. */
export interface Vocabulary {
  has(word: string): boolean;
  sorted: readonly string[];
}

export function vocabularyOf(words: readonly string[]): Vocabulary {
  const set = new Set(words);
  return { has: (w) => set.has(w), sorted: [...set].sort() };
}

/**
 * A result with another score. Its data() still goes through the original result object: in Pagefind's worker mode
 * a result's data is released when that object is garbage-collected (a FinalizationRegistry), so a copy that only
 * kept the `data` function would later load null.
 */
function rescored(r: PagefindResult, score: number, words: number[] = r.words): PagefindResult {
  return { id: r.id, score, words, data: () => r.data() };
}

/** Each result with its score relative to the list's best (1 for the best): lists of different words compare. */
function normalised(list: PagefindResult[]): Array<[PagefindResult, number]> {
  const max = Math.max(...list.map((r) => r.score), 1e-9);
  return list.map((r) => [r, r.score / max]);
}

/** Sums several result lists by normalised score (a record in more lists ranks higher). */
function merge(lists: PagefindResult[][]): PagefindResult[] {
  const byId = new Map<string, { r: PagefindResult; s: number; words: number[] }>();
  for (const [r, n] of lists.flatMap(normalised)) {
    const e = byId.get(r.id) ?? { r, s: 0, words: [] };
    e.s += n;
    e.words.push(...r.words);
    byId.set(r.id, e);
  }
  return [...byId.values()].sort((a, b) => b.s - a.s).map(({ r, s, words }) => rescored(r, s, words));
}

async function searchUnit(pf: PagefindApi, unit: QueryUnit, total: number, vocabulary: Vocabulary): Promise<UnitList> {
  const idf = (df: number) => Math.min(IDF_CAP, Math.log(1 + total / Math.max(df, 1)));
  const none = (filler = false): UnitList => ({ unit, df: 0, weight: 0, results: [], filler });
  if (unit.han) {
    const res = await exactRanked(pf, unitWords(unit));
    if (res.length) return { unit, df: res.length, weight: idf(res.length), results: res, filler: false };
    // The word as a whole is on no page: fall back to its bigrams that are (有何不同 → 不同), worth less.
    const parts =
      unit.terms.length < 2 ? [] : (await Promise.all(unit.terms.map((t) => exactRanked(pf, [hanToken(t)])))).filter((l) => l.length);
    if (parts.length) {
      const merged = merge(parts);
      const share = parts.length / unit.terms.length;
      return { unit, df: merged.length, weight: 0.6 * share * idf(merged.length), results: merged, filler: false };
    }
    // None of them either: the segmenter may have cut a word apart (虚拟|机快); the bigram across the cut (拟机).
    if (unit.bridge) {
      const bridged = await exactRanked(pf, [hanToken(unit.bridge)]);
      if (bridged.length) return { unit, df: bridged.length, weight: 0.5 * idf(bridged.length), results: bridged, filler: false };
    }
    return none(isFiller(unit.text));
  }
  // A tool and its subcommand (docker cp): records naming the command as written.
  if (unit.phrase) {
    const res = await exactRanked(pf, unit.terms);
    return res.length ? { unit, df: res.length, weight: PHRASE_SHARE * idf(res.length), results: res, filler: false } : none(true);
  }
  const english = await searchLatin(pf, unit, total, vocabulary);
  if (!unit.zh) return english;
  // An English word of a question asked in English, and the Chinese word the site writes for it: either counts.
  const chinese = await exactRanked(pf, hanBigrams(unit.zh).map(hanToken));
  if (!chinese.length) return english;
  const both = anyOf([english.results, chinese]);
  return { ...english, df: both.length, weight: idf(both.length), results: both };
}

/** Records in any of the lists, each by its best normalised score there. */
function anyOf(lists: PagefindResult[][]): PagefindResult[] {
  const byId = new Map<string, PagefindResult>();
  for (const [r, n] of lists.flatMap(normalised)) {
    const e = byId.get(r.id);
    if (!e) byId.set(r.id, rescored(r, n));
    else byId.set(r.id, rescored(e, Math.max(e.score, n), [...e.words, ...r.words]));
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}

async function searchLatin(pf: PagefindApi, unit: QueryUnit, total: number, vocabulary: Vocabulary): Promise<UnitList> {
  const idf = (df: number) => Math.min(IDF_CAP, Math.log(1 + total / Math.max(df, 1)));
  const none = (filler = false): UnitList => ({ unit, df: 0, weight: 0, results: [], filler });
  const word = unit.terms[0] ?? '';
  const found = (res: PagefindResult[], factor: number, as = word): UnitList =>
    res.length ? { unit, df: res.length, weight: factor * idf(res.length), results: res, filler: false, ...(as !== word ? { word: as } : {}) } : none();
  // Numbers count only where a page has them (137, 502, 6443); an absent one is a port or a count.
  if (vocabulary.has(word)) {
    // Either number of a noun, as people type one for the other (不同 node 上的 pods, Request 与 Limit → requests).
    const other = otherNumber(word, (w) => vocabulary.has(w));
    if (!other) return found(await exactRanked(pf, [word]), 1);
    const both = anyOf(await Promise.all([exactRanked(pf, [word]), exactRanked(pf, [other])]));
    return { unit, df: both.length, weight: idf(both.length), results: both, filler: false };
  }
  if (/^\d+$/.test(word)) return none(true);
  // An inflected English word whose base form is indexed: classes → class, evicted → evict.
  const base = englishBase(word, (w) => vocabulary.has(w));
  if (base) return found(await exactRanked(pf, [base]), 0.9, base);
  // A longer word starting with it: `crashloop` → CrashLoopBackOff (Pagefind's prefix search).
  if (word.length >= 4 && vocabulary.sorted.some((w) => w.startsWith(word))) return found(await results(pf, word), 0.9);
  // A kubectl subcommand mistyped: kubectl drill node → drain.
  const verb = unit.afterKubectl ? kubectlVerb(word) : undefined;
  if (verb && vocabulary.has(verb)) return found(await exactRanked(pf, [verb]), 0.7, verb);
  // A misspelling of an indexed word: kubenetes, ngnix, NoScheduale, Muti-Attach.
  const fixed = correct(word, vocabulary.sorted);
  if (fixed) return found(await exactRanked(pf, [fixed]), 0.7, fixed);
  return none();
}

interface Fused {
  result: PagefindResult;
  score: number;
  /** Weight of the query's units this record holds. */
  matched: number;
  units: string[];
}

function fuse(lists: UnitList[], strict: PagefindResult[], ownWord: (l: UnitList, r: PagefindResult) => boolean): Fused[] {
  const byId = new Map<string, Fused>();
  // `unit`: the list of one query word; none for the strict search.
  const add = (list: PagefindResult[], weight: number, unit?: UnitList) => {
    const label = unit?.unit.text;
    for (const [r, n] of normalised(list)) {
      const e = byId.get(r.id) ?? { result: r, score: 0, matched: 0, units: [] };
      // The strict search's result holds every word, so its sub-results (the steps shown) fit the whole query.
      if (label === undefined) e.result = r;
      e.score += weight * n;
      if (label !== undefined) {
        e.matched += weight;
        // A word of the question's own title or aliases says what the question is about: it counts more.
        const own = unit !== undefined && ownWord(unit, r);
        if (own) e.score += TITLE_BONUS * weight;
        e.units.push(`${label}${own ? '*' : ''}:${(weight * n).toFixed(2)}`);
      }
      byId.set(r.id, e);
    }
  };
  for (const l of lists) add(l.results, l.weight, l);
  const strong = STRICT_SHARE * lists.reduce((s, l) => s + l.weight, 0);
  if (strict.length) add(strict, strong);
  return [...byId.values()];
}

export interface Engine {
  /** `explain` adds the best records' scores per word (scripts/search-eval.ts --explain). */
  search(raw: string, options?: { explain?: boolean }): Promise<SearchOutcome>;
}

/**
 * @param pf Pagefind's module, already imported (`<base>/pagefind/pagefind.js`).
 * @param index What the index builder writes to kb-search.json: the number of records (for IDF) and the Latin
 *   vocabulary.
 */
export function createEngine(pf: PagefindApi, index: SearchIndexInfo, segment: Segment = intlSegmenter()): Engine {
  const total = index.records;
  const position = new Map(index.words.map((w, i) => [w, i]));
  /** Is the unit in the record's own title or aliases? A Chinese word by where Pagefind found it; a Latin word
   *  by the record's list of title and alias words (Pagefind's locations include words merely starting with it). */
  const ownWord = (l: UnitList, r: PagefindResult): boolean => {
    const head = index.heads[r.id];
    if (!head) return false;
    const found = r.words.some((at) => at < (head[0] ?? 0));
    // A Chinese word, a command phrase, or an English word also found as its Chinese rendering (isolate → 隔离):
    // where Pagefind found it.
    if (l.unit.han || l.unit.phrase || (l.unit.zh && found)) return found;
    const i = position.get(l.word ?? l.unit.terms[0] ?? '');
    // A prefix of indexed words (crashloop) has no entry: any word it found in the title or aliases.
    return i === undefined ? found : head.indexOf(i, 1) > 0;
  };
  const names = new Set(index.names);
  const nameWord = (l: UnitList): boolean => {
    const i = position.get(l.word ?? l.unit.terms[0] ?? '');
    return i !== undefined && names.has(i);
  };
  const vocabulary = vocabularyOf(index.words);
  const glue = new Set(index.glue);
  const hanNames = new Set(index.hanNames);
  const rare = Math.log(1 + total);
  return {
    async search(raw, { explain = false } = {}) {
      // Per search: a result's data carries the sub-results (steps) of this search, not of an earlier one.
      // Pagefind caches the fragments themselves.
      const dataCache = new Map<string, Promise<PagefindData>>();
      const data = (r: PagefindResult) => {
        let d = dataCache.get(r.id);
        if (!d) dataCache.set(r.id, (d = r.data()));
        return d;
      };
      // A compound the index does not hold as one word (registry-1.docker.io) counts as its parts.
      const spaced = raw.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
      const units = queryUnits(raw, segment, glue).flatMap((u) =>
        u.parts && u.parts.length > 1 && !vocabulary.has(u.text)
          ? u.parts.map((p): QueryUnit => ({ text: p, terms: [p], han: false, stop: false }))
          : [u],
      );
      // Two English words the index holds as one, one of which it does not hold alone (heart beat → heartbeat,
      // stateful set → statefulset), also count as that word. (Not two indexed words: linux namespaces is not
      // the rare linuxnamespaces of one anchor, container runtime endpoint not the flag's name.)
      for (let i = units.length - 1; i > 0; i--) {
        const a = units[i - 1]!;
        const b = units[i]!;
        const joined = a.text + b.text;
        if (a.han || b.han || a.stop || b.stop || a.phrase || b.phrase || a.parts || b.parts || !/^[a-z]+$/.test(joined) || joined.length < 6) continue;
        if (!vocabulary.has(joined) || (vocabulary.has(a.text) && vocabulary.has(b.text))) continue;
        if (units.some((u) => u.text === joined) || !spaced.includes(`${a.text} ${b.text}`)) continue;
        const zh = chineseFor(joined);
        units.splice(i + 1, 0, { text: joined, terms: [joined], han: false, stop: false, ...(zh ? { zh } : {}) });
      }
      if (!units.length) return { hits: [], units: [], absent: false, coverage: 0 };
      // Each searched word can cost an index chunk (~35 KB) on a first query: function words are searched only
      // when nothing else is left, and a long pasted message by its MAX_UNITS most telling words (indexed Latin
      // words, longest first — API names and reasons — then Chinese words).
      // A command phrase (docker inspect) costs nothing more: its words' chunks are fetched anyway. It is searched
      // when its words are.
      const known = (u: QueryUnit) => (u.han ? 1 : vocabulary.has(u.text) ? 2 : 0);
      const wanted = units.filter((u) => !u.stop && !u.phrase);
      const chosen = new Set(
        (wanted.length ? wanted : units.filter((u) => !u.phrase))
          .map((u, i) => ({ u, i }))
          .sort((a, b) => known(b.u) - known(a.u) || b.u.text.length - a.u.text.length || a.i - b.i)
          .slice(0, MAX_UNITS)
          .map(({ u }) => u),
      );
      const chosenText = new Set([...chosen].map((u) => u.text));
      for (const u of units) if (u.phrase && u.terms.every((t) => chosenText.has(t))) chosen.add(u);
      const lists = await Promise.all(
        units.map((u) => (chosen.has(u) ? searchUnit(pf, u, total, vocabulary) : Promise.resolve<UnitList>({ unit: u, df: -1, weight: 0, results: [], filler: false }))),
      );
      const outUnits = lists.map((l) => ({ ...l.unit, df: l.df }));
      // Words not searched (df -1) count neither as found nor as missing.
      const content = lists.filter((l) => !l.unit.stop && !l.filler && l.df >= 0);
      const present = lists.filter((l) => l.df > 0);
      if (!present.length) return { hits: [], units: outUnits, absent: true, coverage: 0 };
      // Is the query about something the site has? Words on no page count as rare ones (区块链, spring, vue3) —
      // fully in a short query, less in a long pasted message, where most of them are names (pods, images, hosts).
      const absentWeight = Math.min(rare, IDF_CAP) * Math.min(1, 4 / Math.max(content.length, 1));
      const english = !units.some((u) => u.han);
      const missing = content.filter((l) => l.df === 0).reduce((s, l) => s + (english && !l.unit.han ? ENGLISH_ABSENT_SHARE : 1) * absentWeight, 0);
      const found = content.reduce((s, l) => s + (l.df > 0 ? l.weight : 0), 0);
      const coverage = found + missing > 0 ? found / (found + missing) : 1;
      // Short Chinese queries need most of their weight found; an all-English one only half (its words on no page
      // are as often plain English as a missing topic, and absent English topics have no word on the site at all).
      const short = content.length <= SHORT_QUERY && !english;
      if (coverage < (short ? SHORT_MIN_COVERAGE : MIN_COVERAGE)) return { hits: [], units: outUnits, absent: true, coverage };
      // (Function words are searched only when the query has nothing else, so `present` never mixes the two.)
      // (A Latin unit found under another word — its base form or a correction — is searched as that word.)
      const strict = present.length > 1 ? await results(pf, present.map((l) => l.word ?? unitWords(l.unit).join(' ')).join(' ')) : [];
      // A question asked in English: its plain words (unable, running, reach) are on the site mostly in English log
      // lines of playbooks; the names it uses (pod, ingress, etcd) are what it is about. Words that name no question
      // count less (PLAIN_ENGLISH), unless the site also writes them in Chinese (isolate → 隔离).
      const askedInEnglish = english && ENGLISH_QUESTION.test(raw.trim());
      // A question asked in Chinese likewise: its Chinese words that no question's title or alias uses (合理, 组成)
      // count less than the ones that name what a question is about (PLAIN_HAN).
      const weighed = askedInEnglish
        ? present.map((l) => (!l.unit.han && !l.unit.zh && !nameWord(l) ? { ...l, weight: PLAIN_ENGLISH * l.weight } : l))
        : english
          ? present
          : present.map((l) => (l.unit.han && !hanNames.has(l.unit.text) ? { ...l, weight: PLAIN_HAN * l.weight } : l));
      const fused = fuse(weighed, strict, ownWord).sort((a, b) => b.score - a.score);
      // The steps shown under a result come from the search that produced it. A record the strict search missed
      // (the query also holds words it lacks) is searched again for the words it does hold, so its steps fit them
      // (a pasted FailedScheduling message → the Insufficient cpu cause, not a step matching one word).
      const strictIds = new Set(strict.map((r) => r.id));
      await Promise.all(
        fused.slice(0, STEPS_FOR).map(async (f) => {
          if (strictIds.has(f.result.id) || f.units.length < 2) return;
          const held = new Set(f.units.map((label) => label.slice(0, label.lastIndexOf(':')).replace(/\*$/, '')));
          const words = present.filter((l) => held.has(l.unit.text)).map((l) => l.word ?? unitWords(l.unit).join(' '));
          const again = (await results(pf, words.join(' '))).find((r) => r.id === f.result.id);
          if (again) f.result = again;
        }),
      );
      const debug = explain
        ? await Promise.all(
            fused.slice(0, 6).map(async (f) => ({ url: (await data(f.result)).url, score: +f.score.toFixed(2), matched: +f.matched.toFixed(2), units: f.units })),
          )
        : undefined;
      const conceptual = units.some((u) => CONCEPT_WORDS.has(u.text)) && !ERROR_WORDS.test(raw);
      return { hits: await toHits(fused, lists, data, conceptual, raw), units: outUnits, absent: false, coverage, debug };
    },
  };
}

/** Does the record's title or alias list contain the unit? (Case and spaces do not matter.) */
function titleHas(unit: QueryUnit, meta: Record<string, string>): boolean {
  return `${meta.title ?? ''}|${meta.aka ?? ''}`.toLowerCase().replace(/\s+/g, '').includes(unit.text);
}

/** A record's aliases and the clauses of its title, bare (see `bare`). */
function phrasings(meta: Record<string, string>): string[] {
  return [...(meta.aka ?? '').split(' | '), ...(meta.title ?? '').split(/[？?，,。；;！!、]/)].map(bare).filter(Boolean);
}

const bare = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

async function toHits(
  fused: Fused[],
  lists: UnitList[],
  data: (r: PagefindResult) => Promise<PagefindData>,
  conceptual: boolean,
  raw: string,
): Promise<SearchHit[]> {
  const asked = bare(raw);
  // “What is a ConfigMap?” is asked on this site as “ConfigMap 是什么” / “什么是 ConfigMap”.
  const defined = raw.match(/\bwhat\s+(?:is|are)\s+(?:an?\s+|the\s+)?([a-z0-9][\w.-]*(?:\s+[a-z0-9][\w.-]*)?)\s*(?:[?,.;]|\band\b|$)/i)?.[1];
  // The same in Chinese: “什么是 Namespace” is the question “Namespace 是什么” (and the other way round).
  const named = [...raw.matchAll(/什么是\s*([a-z0-9][\w.-]*)|([a-z0-9][\w.-]*)\s*是什么/gi)].map((m) => m[1] ?? m[2] ?? '');
  const forms = [asked, ...[defined, ...named].filter((x): x is string => !!x).flatMap((x) => [bare(`${x}是什么`), bare(`什么是${x}`)])];
  const total = lists.reduce((s, l) => s + l.weight, 0);
  // Re-rank the best candidates (their metadata is loaded for display anyway): words of the query that the
  // question's own title or aliases use count double; page-level records come after questions. Each candidate
  // costs a fragment download (~4 KB), so only a few more than are shown.
  const top = fused.slice(0, LIMIT + RERANK_EXTRA);
  const loaded = await Promise.all(top.map(async (f) => ({ ...f, d: await data(f.result) })));
  for (const l of loaded) {
    // Function words are not searched, but the question's own wording (kubelet 的作用是什么) still counts.
    for (const u of lists) if (u.unit.stop && titleHas(u.unit, l.d.meta)) l.score += STOP_TITLE_BONUS;
    // The question's title typed or pasted (or most of it): that question.
    const title = bare(l.d.meta.title ?? '');
    const own = phrasings(l.d.meta);
    if (title && asked.length >= 6 && (title.includes(asked) || asked.includes(title))) l.score += total;
    // The query is exactly one of its aliases (动态 pv, cni): that question, however short the alias.
    else if (own.includes(asked)) l.score += total;
    // An alias that is an error string, pasted inside a longer message (couldn't find key … in ConfigMap): the
    // question that names that exact string.
    // One of the question's own phrasings — an alias, or a clause of its title (什么是 Ingress) — found verbatim
    // in the query: that question. Latin-only phrasings need ALIAS_MIN characters (error strings in a pasted
    // message), Chinese ones fewer (a Chinese word carries more per character).
    else if (own.some((b) => b.length >= (/\p{Script=Han}/u.test(b) ? HAN_PHRASE_MIN : ALIAS_MIN) && forms.some((f) => f.includes(b)))) l.score += ALIAS_SHARE * total;
    const kind = l.d.meta.kind;
    if (kind === 'page' || kind === 'overview') l.score *= PAGE_FACTOR;
    if (kind === 'playbook' && conceptual) l.score *= PLAYBOOK_FACTOR_FOR_CONCEPTS;
  }
  loaded.sort((a, b) => b.score - a.score);
  // How rare each word is, uncapped: the step naming the rarest word of the message is the one it is about.
  const headWords = lists
    .filter((l) => !l.unit.stop && !l.filler && l.df > 0 && l.unit.text.length >= 2)
    .map((l) => ({ word: bare(l.unit.text), weight: l.weight, rarity: 1 / l.df }));
  return loaded.slice(0, LIMIT).map(({ d }) => {
    const meta = d.meta as unknown as SearchMeta;
    const own = d.url.split('#')[1];
    const names = JSON.parse(meta.steps || '{}') as Record<string, string>;
    // Steps whose heading names the query's rarest words (资源不足（Insufficient cpu…）for a pasted “2 Insufficient
    // cpu”) come first; then the ones holding most of the query.
    const steps = d.sub_results
      .filter((s) => s.url.split('#')[1] && s.url.split('#')[1] !== own && s.weighted_locations.length)
      .map((s) => {
        const title = names[decodeURIComponent(s.url.split('#')[1] ?? '')] ?? displayText(s.title);
        const heading = bare(title);
        // The rarest word first, then by weight, not count: inotify_init in a heading outweighs too, many, open.
        const hits = headWords.filter((h) => heading.includes(h.word));
        const rarest = Math.max(0, ...hits.map((h) => h.rarity));
        const named = hits.reduce((t, h) => t + h.weight, 0);
        return { title, url: s.url, rarest, named, w: s.weighted_locations.reduce((t, x) => t + x.balanced_score, 0) };
      })
      .sort((a, b) => b.rarest - a.rarest || b.named - a.named || b.w - a.w)
      .slice(0, 2)
      .map(({ title, url }) => ({ title, url }));
    return { url: d.url, meta, steps };
  });
}
