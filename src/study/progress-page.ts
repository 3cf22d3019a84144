// Entry for pages that only show progress (overviews, home, study path): fills the marks once, and again when
// another tab changes the record.
import { load, STORAGE_KEY } from './store.ts';
import { renderProgress } from './progress.ts';

renderProgress(load());
window.addEventListener('storage', (e) => {
  if (e.key === STORAGE_KEY) renderProgress(load());
});
