// Study state in localStorage (one key, JSON), keyed by question id: survives heading edits and rebuilds.
// Shared by the self-test, progress and drill scripts; pure helpers are unit-tested (tests/unit/study-store.test.ts).
import type { Progress, QuestionState, Rating, StudyState } from './types.ts';

export const STORAGE_KEY = 'k8s-kb:study';
export const RATINGS: readonly Rating[] = ['know', 'fuzzy', 'dont'];
export const RATING_LABEL: Record<Rating, string> = { know: '会', fuzzy: '模糊', dont: '不会' };

export const emptyState = (): StudyState => ({ v: 1, mode: false, tick: 0, q: {} });

const isRating = (x: unknown): x is Rating => typeof x === 'string' && (RATINGS as readonly string[]).includes(x);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a state from untrusted JSON (storage or an imported file); throws on anything that is not one. */
export function parseState(text: string): StudyState {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null) throw new Error('不是学习记录');
  const o = data as Record<string, unknown>;
  if (o.v !== 1 || typeof o.q !== 'object' || o.q === null) throw new Error('不是本站导出的学习记录（缺少 v: 1 或 q）');
  const q: Record<string, QuestionState> = {};
  for (const [id, raw] of Object.entries(o.q as Record<string, unknown>)) {
    if (!ID.test(id) || typeof raw !== 'object' || raw === null) throw new Error(`题目记录 “${id}” 无效`);
    const s = raw as Record<string, unknown>;
    const entry: QuestionState = {};
    if (s.r !== undefined) {
      if (!isRating(s.r)) throw new Error(`题目 “${id}” 的评分无效`);
      entry.r = s.r;
    }
    if (typeof s.at === 'number' && Number.isFinite(s.at)) entry.at = s.at;
    q[id] = entry;
  }
  const tick = typeof o.tick === 'number' && Number.isFinite(o.tick) ? o.tick : 0;
  return { v: 1, mode: o.mode === true, tick, q };
}

export function load(): StudyState {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? parseState(text) : emptyState();
  } catch {
    return emptyState();
  }
}

export function save(state: StudyState): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: study mode still works for this page view.
  }
}

/** Marks a question seen (answer revealed or served by the drill). */
export function markSeen(state: StudyState, id: string): void {
  state.q[id] ??= {};
}

/** Records a rating and advances the drill clock. */
export function rate(state: StudyState, id: string, r: Rating): void {
  state.tick += 1;
  state.q[id] = { r, at: state.tick };
}

/** Counts for the given question ids. */
export function progressOf(state: StudyState, ids: readonly string[]): Progress {
  const p: Progress = { total: ids.length, seen: 0, know: 0, fuzzy: 0, dont: 0 };
  for (const id of ids) {
    const s = state.q[id];
    if (!s) continue;
    p.seen += 1;
    if (s.r) p[s.r] += 1;
  }
  return p;
}

/** One line of progress: “已看 3/8 · 会 1 · 模糊 1 · 不会 1”. */
/** The progress line of a reader who has seen nothing yet: rendered at build time so the line keeps its size
 *  when the script fills in the real figures (no layout shift). */
export const zeroProgress = (ids: readonly string[]): string => progressText(progressOf(emptyState(), ids));

export const progressText = (p: Progress): string =>
  `已看 ${p.seen}/${p.total} · 会 ${p.know} · 模糊 ${p.fuzzy} · 不会 ${p.dont}`;
