// Study mode's record and the drill's order (src/study/store.ts, src/study/schedule.ts).
import { describe, expect, it } from 'vitest';
import { emptyState, markSeen, parseState, progressOf, progressText, rate } from '../../src/study/store.ts';
import { newSession, pickNext, served, SPACING } from '../../src/study/schedule.ts';
import type { StudyState } from '../../src/study/types.ts';

describe('the study record', () => {
  it('counts seen and rated questions of a set', () => {
    const s = emptyState();
    markSeen(s, 'a');
    rate(s, 'b', 'know');
    rate(s, 'c', 'dont');
    rate(s, 'x', 'fuzzy'); // not in the set
    const p = progressOf(s, ['a', 'b', 'c', 'd']);
    expect(p).toEqual({ total: 4, seen: 3, know: 1, fuzzy: 0, dont: 1 });
    expect(progressText(p)).toBe('已看 3/4 · 会 1 · 模糊 0 · 不会 1');
  });
  it('rating advances the clock and replaces the earlier rating', () => {
    const s = emptyState();
    rate(s, 'a', 'dont');
    rate(s, 'a', 'know');
    expect(s.tick).toBe(2);
    expect(s.q.a).toEqual({ r: 'know', at: 2 });
  });
  it('round-trips through JSON (export, import)', () => {
    const s = emptyState();
    s.mode = true;
    rate(s, 'etcd-raft', 'fuzzy');
    markSeen(s, 'kubelet-role');
    expect(parseState(JSON.stringify(s))).toEqual(s);
  });
  it('rejects what is not a study record, naming the problem', () => {
    expect(() => parseState('[]')).toThrow(/v: 1/);
    expect(() => parseState('{"v":2,"q":{}}')).toThrow(/v: 1/);
    expect(() => parseState('{"v":1,"q":{"Bad Id":{}}}')).toThrow(/Bad Id/);
    expect(() => parseState('{"v":1,"q":{"a":{"r":"maybe"}}}')).toThrow(/评分无效/);
    expect(() => parseState('not json')).toThrow();
  });
});

describe('the drill order', () => {
  const state = (q: StudyState['q'], tick = 10): StudyState => ({ v: 1, mode: false, tick, q });
  /** The first n questions the drill serves when the reader rates nothing. */
  const serve = (ids: string[], s: StudyState, n: number): string[] => {
    const session = newSession();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = pickNext(ids, s, session);
      if (!id) break;
      served(session, id);
      out.push(id);
    }
    return out;
  };

  it('serves 不会, then 模糊, then unrated, then 会; the longest-ago rating first', () => {
    const s = state({ k: { r: 'know', at: 1 }, f: { r: 'fuzzy', at: 2 }, d2: { r: 'dont', at: 5 }, d1: { r: 'dont', at: 3 }, seen: {} });
    expect(serve(['new', 'k', 'f', 'seen', 'd2', 'd1'], s, 4)).toEqual(['d1', 'd2', 'f', 'new']);
    expect(serve(['k', 'seen', 'new'], state({ k: { r: 'know', at: 1 }, seen: {} }), 3)).toEqual(['seen', 'new', 'k']);
  });
  it('brings a question rated 不会 back sooner than one rated 会', () => {
    const ids = ['a', 'b', ...Array.from({ length: 30 }, (_, i) => `n${i}`)];
    const s = state({});
    const session = newSession();
    const order: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = pickNext(ids, s, session)!;
      served(session, id);
      order.push(id);
      if (id === 'a') rate(s, 'a', 'dont');
      else rate(s, id, 'know');
    }
    const again = (id: string) => order.indexOf(id, order.indexOf(id) + 1) - order.indexOf(id);
    // SPACING[rating] other questions in between.
    expect(again('a')).toBe(SPACING.dont + 1);
    expect(again('b')).toBeGreaterThanOrEqual(SPACING.know + 1);
    expect(again('a')).toBeLessThan(again('b'));
  });
  it('never serves the same question twice in a row while there is another', () => {
    const s = state({ a: { r: 'dont', at: 1 } });
    expect(serve(['a', 'b'], s, 4)).toEqual(['a', 'b', 'a', 'b']);
    expect(serve(['a'], s, 2)).toEqual(['a', 'a']);
    expect(serve([], s, 1)).toEqual([]);
  });
});
