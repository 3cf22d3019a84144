// Fills the progress marks of a page from the study state: `[data-kb-progress="id id …"]` gets a count line,
// `[data-kb-q="id"]` (a question in a list) gets its rating as `data-kb-rated` and a short visible mark.
import { progressOf, progressText, RATING_LABEL } from './store.ts';
import type { StudyState } from './types.ts';

export function renderProgress(state: StudyState, root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-kb-progress]')) {
    const ids = (el.dataset.kbProgress ?? '').split(' ').filter(Boolean);
    const out = el.querySelector<HTMLElement>('[data-kb-progress-text]') ?? el;
    out.textContent = progressText(progressOf(state, ids));
    el.hidden = false;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-kb-q]')) {
    const s = state.q[el.dataset.kbQ ?? ''];
    const rated = s ? (s.r ?? 'seen') : '';
    el.dataset.kbRated = rated;
    let mark = el.querySelector<HTMLElement>('.kb-mark');
    if (!rated) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'kb-mark';
      el.append(mark);
    }
    mark.textContent = s?.r ? RATING_LABEL[s.r] : '已看';
  }
}
