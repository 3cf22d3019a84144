// The drill's order (issue #15 item 3): 不会 first, then 模糊, then questions not yet rated, then 会; within a
// rating the one rated longest ago first. A question served in this session comes back only after SPACING[rating]
// other questions, so one rated 不会 returns sooner than one rated 会. Pure: unit-tested in tests/unit/study-store.test.ts.
import type { Rating, StudyState } from './types.ts';

/** Questions served in between before a question comes back, by its rating (unrated: like 模糊). */
export const SPACING: Record<Rating, number> = { dont: 3, fuzzy: 6, know: 25 };
const GROUP: Record<Rating | 'new', number> = { dont: 0, fuzzy: 1, new: 2, know: 3 };

/** What the drill remembers within one visit: how many questions it served, and when each was last served. */
export interface Session {
  served: number;
  last: Map<string, number>;
}

export const newSession = (): Session => ({ served: 0, last: new Map() });

/** Sort key of a question: how long it still has to wait, its rating group, when it was rated, its place in the list. */
function key(id: string, index: number, state: StudyState, session: Session): number[] {
  const s = state.q[id];
  const last = session.last.get(id);
  const spacing = SPACING[s?.r ?? 'fuzzy'];
  // The question just served waits behind every other; the others wait until SPACING questions came in between.
  const wait = last === undefined ? 0 : last === session.served ? Number.MAX_SAFE_INTEGER : Math.max(0, spacing - (session.served - last));
  return [wait, GROUP[s?.r ?? 'new'], s?.at ?? 0, index];
}

/** Lexicographic comparison of two sort keys. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** The next question to serve among `ids` (already filtered), or undefined when there is none. */
export function pickNext(ids: readonly string[], state: StudyState, session: Session): string | undefined {
  let best: string | undefined;
  let bestKey: number[] = [];
  ids.forEach((id, i) => {
    const k = key(id, i, state, session);
    if (best === undefined || before(k, bestKey)) {
      best = id;
      bestKey = k;
    }
  });
  return best;
}

/** Records that `id` was served. */
export function served(session: Session, id: string): void {
  session.served += 1;
  session.last.set(id, session.served);
}
