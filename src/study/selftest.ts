// Self-test mode on a topic page (issue #15 item 1). Without JavaScript nothing changes: every answer is visible.
// With it, the bar `[data-kb-study]` (ids of the page's questions, from the registry) appears; its switch hides each
// answer (everything between a question heading and the next ## heading) behind a “显示答案” button, and a
// revealed answer can be rated 会 / 模糊 / 不会. The switch and the ratings persist in localStorage by question id.
import { load, markSeen, rate, RATING_LABEL, RATINGS, save } from './store.ts';
import { renderProgress } from './progress.ts';
import { wireRecords } from './records.ts';
import type { StudyState } from './types.ts';

interface Item {
  id: string;
  answer: HTMLElement;
  reveal: HTMLButtonElement;
  rates: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: Node[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** The heading's block: Starlight wraps headings with an anchor link in `.sl-heading-wrapper`. */
const blockOf = (h: HTMLElement): HTMLElement => (h.parentElement?.classList.contains('sl-heading-wrapper') ? h.parentElement : h);
const isH2Block = (n: Element): boolean => n.tagName === 'H2' || n.classList.contains('level-h2');

function init(bar: HTMLElement): void {
  let state = load();
  const ids = new Set((bar.dataset.kbStudy ?? '').split(' '));
  const items: Item[] = [];
  const modeButton = bar.querySelector<HTMLButtonElement>('[data-kb-mode]');

  let built = false;

  /** Wraps each answer and adds its controls: only once self-test mode is first switched on. */
  function build(): void {
    if (built) return;
    built = true;
  for (const h of document.querySelectorAll<HTMLElement>('.sl-markdown-content h2[data-question]')) {
    if (!ids.has(h.id)) continue;
    const block = blockOf(h);
    const answer = el('div', { className: 'kb-answer', id: `kb-answer-${h.id}` });
    let next = block.nextElementSibling;
    while (next && !isH2Block(next)) {
      const after: Element | null = next.nextElementSibling;
      answer.append(next);
      next = after;
    }
    const reveal = el('button', { type: 'button', className: 'kb-reveal', textContent: '显示答案' });
    reveal.setAttribute('aria-expanded', 'false');
    reveal.setAttribute('aria-controls', answer.id);
    const rates = el('span', { className: 'kb-rates', hidden: true }, document.createTextNode('自评：'));
    for (const r of RATINGS) {
      const b = el('button', { type: 'button', textContent: RATING_LABEL[r] });
      b.dataset.kbRate = r;
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => {
        rate(state, h.id, r);
        save(state);
        update();
      });
      rates.append(b);
    }
    const controls = el('div', { className: 'kb-qc not-content' }, reveal, rates);
    controls.setAttribute('role', 'group');
    controls.setAttribute('aria-label', `自测：${h.textContent?.trim() ?? h.id}`);
    block.after(controls, answer);
    const item: Item = { id: h.id, answer, reveal, rates };
    reveal.addEventListener('click', () => show(item, answer.hidden !== false));
    items.push(item);
  }
  }

  function show(item: Item, open: boolean): void {
    item.answer.hidden = !open;
    item.reveal.setAttribute('aria-expanded', String(open));
    item.reveal.textContent = open ? '隐藏答案' : '显示答案';
    if (open) {
      markSeen(state, item.id);
      save(state);
      item.rates.hidden = false;
      update();
    }
  }

  function setMode(on: boolean): void {
    state.mode = on;
    save(state);
    if (on) build();
    document.documentElement.classList.toggle('kb-selftest', on);
    modeButton?.setAttribute('aria-pressed', String(on));
    for (const item of items) {
      item.answer.hidden = on;
      item.reveal.setAttribute('aria-expanded', String(!on));
      item.reveal.textContent = on ? '显示答案' : '隐藏答案';
      item.rates.hidden = on;
    }
    if (on) openTarget();
  }

  function update(): void {
    for (const item of items) {
      const r = state.q[item.id]?.r;
      for (const b of item.rates.querySelectorAll<HTMLElement>('[data-kb-rate]')) b.setAttribute('aria-pressed', String(b.dataset.kbRate === r));
    }
    renderProgress(state);
  }

  /** A link to a question (from search, another page) or to a step inside its hidden answer opens that answer. */
  function openTarget(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const item = target ? items.find((i) => i.id === id || i.answer.contains(target)) : undefined;
    if (item && item.answer.hidden) {
      show(item, true);
      target?.scrollIntoView();
    }
  }

  modeButton?.addEventListener('click', () => setMode(!state.mode));
  window.addEventListener('hashchange', openTarget);
  wireRecords(bar, () => state, (s: StudyState) => {
    state = s;
    setMode(state.mode);
    update();
  });
  setMode(state.mode);
  update();
  bar.hidden = false;
}

// Last: the helpers above are initialised by now.
const bar = document.querySelector<HTMLElement>('[data-kb-study]');
if (bar) init(bar);
