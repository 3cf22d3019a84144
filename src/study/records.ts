// Export, import and reset of the study record: `[data-kb-export]`, `[data-kb-import]` (with an
// `input[type=file][data-kb-file]` in the same container) and `[data-kb-reset]` buttons, and a `[data-kb-status]` line.
import { emptyState, parseState, save } from './store.ts';
import type { StudyState } from './types.ts';

export function wireRecords(root: HTMLElement, get: () => StudyState, set: (s: StudyState) => void): void {
  const status = root.querySelector<HTMLElement>('[data-kb-status]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  root.querySelector('[data-kb-export]')?.addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(get(), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'k8s-kb-study.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say(`已导出 ${Object.keys(get().q).length} 道题的记录。`);
  });
  const file = root.querySelector<HTMLInputElement>('[data-kb-file]');
  root.querySelector('[data-kb-import]')?.addEventListener('click', () => file?.click());
  file?.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const state = parseState(await f.text());
      save(state);
      set(state);
      say(`已导入 ${Object.keys(state.q).length} 道题的记录。`);
    } catch (e) {
      say(`导入失败：${e instanceof Error ? e.message : String(e)}`);
    }
    file.value = '';
  });
  root.querySelector('[data-kb-reset]')?.addEventListener('click', () => {
    if (!confirm('清除全部自测记录（评分与已看）？')) return;
    const state = { ...emptyState(), mode: get().mode };
    save(state);
    set(state);
    say('记录已清除。');
  });
}
