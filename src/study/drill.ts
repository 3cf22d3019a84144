// The drill (/drill/, issue #15 item 3): questions one at a time from the registry (<base>/questions.json),
// filtered by topic and rating, in the order of schedule.ts. Keyboard: space reveals, 1/2/3 rate, → next.
import { load, markSeen, progressOf, progressText, rate, RATING_LABEL, RATINGS, save } from './store.ts';
import { newSession, pickNext, served } from './schedule.ts';
import { wireRecords } from './records.ts';
import type { DrillQuestion, Rating, StudyState } from './types.ts';

async function init(root: HTMLElement): Promise<void> {
  const $ = <T extends HTMLElement>(sel: string): T => {
    const e = root.querySelector<T>(sel);
    if (!e) throw new Error(`drill: ${sel} missing`);
    return e;
  };
  const form = $<HTMLFormElement>('form');
  const topicSelect = $<HTMLSelectElement>('select');
  const card = $('[data-card]');
  const title = $('[data-title]');
  const meta = $('[data-meta]');
  const answer = $('[data-answer]');
  const summary = $('[data-summary]');
  const link = $<HTMLAnchorElement>('[data-link]');
  const reveal = $<HTMLButtonElement>('[data-reveal]');
  const rateButtons = [...root.querySelectorAll<HTMLButtonElement>('[data-rate]')];
  const empty = $('[data-empty]');
  const count = $('[data-count]');

  let state: StudyState = load();
  const session = newSession();
  let all: DrillQuestion[] = [];
  try {
    const res = await fetch(root.dataset.kbDrill ?? '');
    all = (await res.json()) as DrillQuestion[];
  } catch {
    $('[data-kb-nojs]').textContent = '题库加载失败，请刷新页面重试。';
    root.dataset.kbFailed = '';
    delete root.dataset.kbLoading;
    return;
  }
  const byId = new Map(all.map((q) => [q.id, q]));
  const labels = new Map([...topicSelect.options].map((o) => [o.value, o.text]));
  const wanted = new URLSearchParams(location.search).get('topic');
  if (wanted && labels.has(wanted)) topicSelect.value = wanted;
  let current: DrillQuestion | undefined;

  const pool = (): string[] => {
    const topic = topicSelect.value;
    const ratings = new Set(new FormData(form).getAll('r').map(String));
    return all.filter((q) => (!topic || q.topic === topic) && ratings.has(state.q[q.id]?.r ?? 'new')).map((q) => q.id);
  };

  function showCount(): void {
    const topic = topicSelect.value;
    const ids = all.filter((q) => !topic || q.topic === topic).map((q) => q.id);
    count.textContent = `${labels.get(topic) ?? '全部主题'}：${progressText(progressOf(state, ids))}`;
  }

  function open(on: boolean): void {
    answer.hidden = !on;
    reveal.setAttribute('aria-expanded', String(on));
    // The label says what the button does next (its <kbd> hint stays).
    if (reveal.firstChild) reveal.firstChild.textContent = on ? '隐藏答案 ' : '显示答案 ';
    if (on && current) {
      markSeen(state, current.id);
      save(state);
      showCount();
    }
  }

  function next(focus: boolean): void {
    const id = pickNext(pool(), state, session);
    current = id ? byId.get(id) : undefined;
    card.hidden = !current;
    empty.hidden = !!current;
    if (!current) return;
    served(session, current.id);
    title.textContent = current.title;
    const r = state.q[current.id]?.r;
    meta.textContent = `${labels.get(current.topic) ?? current.topic} · ${current.page}${r ? ` · 上次自评：${RATING_LABEL[r]}` : ''}`;
    summary.textContent = current.summary;
    link.href = current.url;
    open(false);
    pressed(undefined);
    if (focus) title.focus();
  }

  function pressed(r: Rating | undefined): void {
    for (const b of rateButtons) b.setAttribute('aria-pressed', String(b.dataset.rate === r));
  }

  function give(r: Rating): void {
    if (!current) return;
    if (answer.hidden) open(true);
    rate(state, current.id, r);
    save(state);
    pressed(r);
    showCount();
  }

  reveal.addEventListener('click', () => open(answer.hidden !== false));
  for (const b of rateButtons) b.addEventListener('click', () => give(b.dataset.rate as Rating));
  $('[data-next]').addEventListener('click', () => next(true));
  form.addEventListener('change', () => {
    showCount();
    next(false);
  });
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || card.hidden) return;
    const t = e.target as HTMLElement;
    if (t.closest('input, select, textarea, [contenteditable], dialog') || document.querySelector('dialog[open]')) return;
    const i = ['1', '2', '3'].indexOf(e.key);
    if (e.key === ' ') open(answer.hidden !== false);
    else if (i >= 0) give(RATINGS[i]!);
    else if (e.key === 'ArrowRight') next(true);
    else return;
    e.preventDefault();
  });
  wireRecords(root, () => state, (s) => {
    state = s;
    showCount();
    next(false);
  });
  $('[data-kb-nojs]').hidden = true;
  form.hidden = false;
  $('[data-records]').hidden = false;
  showCount();
  next(false);
  delete root.dataset.kbLoading;
}

// Last: the helpers above are initialised by now.
const root = document.querySelector<HTMLElement>('[data-kb-drill]');
if (root) void init(root);
