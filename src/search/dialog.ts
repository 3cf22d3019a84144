// The search dialog's behaviour, loaded on first open (see ./Search.astro): runs the engine as the person
// types, renders question-level results, keeps `?q=` in the address bar while the dialog is open so the search
// can be shared, and makes the list usable with the keyboard alone.
import { createEngine, type Engine, type PagefindApi } from './engine.ts';
import type { SearchHit, SearchIndexInfo } from './types.ts';

const KIND_BADGE: Record<string, string> = { playbook: '排障手册', overview: '主题概览', page: '页面' };
const DEBOUNCE_MS = 120;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const li = el('li', 'kb-hit');
  li.dataset.kind = hit.meta.kind;
  const a = el('a');
  a.href = hit.url;
  a.append(el('span', 'kb-hit-title', hit.meta.title));
  const where = el('span', 'kb-hit-where');
  const badge = KIND_BADGE[hit.meta.kind];
  if (badge) where.append(el('span', 'kb-hit-badge', badge));
  where.append(hit.meta.kind === 'question' || hit.meta.kind === 'playbook' ? `${hit.meta.topic} · ${hit.meta.page}` : hit.meta.topic || '');
  a.append(where);
  if (hit.meta.summary) a.append(el('span', 'kb-hit-snippet', hit.meta.summary));
  li.append(a);
  if (hit.steps.length) {
    const ul = el('ul', 'kb-hit-steps');
    ul.setAttribute('aria-label', '相关步骤');
    for (const s of hit.steps) {
      const sli = el('li');
      const sa = el('a', undefined, `↳ ${s.title}`);
      sa.href = s.url;
      sli.append(sa);
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

export async function attachSearch(root: HTMLElement, base: string): Promise<void> {
  const dialog = root.querySelector('dialog')!;
  const input = root.querySelector('input')!;
  const status = root.querySelector<HTMLElement>('.kb-search-status')!;
  const list = root.querySelector<HTMLOListElement>('.kb-search-results')!;
  const copyBtn = root.querySelector<HTMLButtonElement>('[data-copy-search-link]')!;
  const bundle = `${base.replace(/\/$/, '')}/pagefind/`;

  status.textContent = '正在加载搜索索引…';
  let engine: Engine;
  try {
    const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
    await pf.options({ baseUrl: base });
    await pf.init();
    const index = (await fetch(`${bundle}kb-search.json`).then((r) => r.json())) as SearchIndexInfo;
    engine = createEngine(pf, index);
  } catch {
    // `npm run dev` has no index (it is built with the site), and a flaky connection can fail the download.
    status.textContent = import.meta.env.DEV
      ? '开发模式（npm run dev）下没有搜索索引：用 npm start 构建并预览后再搜索。'
      : '搜索索引没有加载成功，请检查网络后刷新页面。';
    root.dataset.state = 'error';
    return;
  }
  // For scripts/search-eval.ts --explain: the engine behind the dialog.
  (root as HTMLElement & { kbEngine?: Engine }).kbEngine = engine;
  root.dataset.ready = '';

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = '可以粘贴完整的报错或事件（IP、Pod 名等会自动忽略），也可以用自然的问句或命令搜索。';

  const setUrl = (q: string) => {
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    copyBtn.hidden = !q;
  };

  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    setUrl(q);
    if (!q) {
      list.replaceChildren();
      status.textContent = idle;
      root.dataset.state = 'idle';
      return;
    }
    root.dataset.state = 'searching';
    const started = performance.now();
    let outcome: Awaited<ReturnType<Engine['search']>>;
    try {
      outcome = await engine.search(q);
    } catch (e) {
      // A failed index download (flaky connection) or a bug: say so instead of “searching” for ever.
      console.error('kb-search:', e);
      if (mine !== seq) return;
      list.replaceChildren();
      status.textContent = '搜索出错了：请检查网络后重试，或刷新页面。';
      root.dataset.q = q;
      root.dataset.state = 'failed';
      return;
    }
    if (mine !== seq) return; // a newer query is running
    list.replaceChildren(...outcome.hits.map(renderHit));
    const shown = q.length > 40 ? `${q.slice(0, 40)}…` : q;
    status.textContent = outcome.hits.length
      ? `找到 ${outcome.hits.length} 个相关问题`
      : outcome.absent
        ? `本站没有关于“${shown}”的内容。`
        : `没有找到与“${shown}”相关的问题。试试更短的关键词，或只粘贴报错的核心部分。`;
    root.dataset.q = q;
    root.dataset.coverage = outcome.coverage.toFixed(2);
    root.dataset.state = 'done';
    root.dataset.ms = String(Math.round(performance.now() - started));
  };

  input.addEventListener('input', (e) => {
    clearTimeout(timer);
    // Keystrokes wait for the next one (DEBOUNCE_MS). A whole query arriving at once — a paste, a drop, a word an
    // input method commits, the query of a shared link — is searched now: the on-call engineer pastes and reads.
    const typed = e instanceof InputEvent && (e.isComposing || ((e.data?.length ?? 0) <= 1 && !/^insertFrom(?:Paste|Drop)/.test(e.inputType)));
    timer = setTimeout(run, typed ? DEBOUNCE_MS : 0);
  });
  // Keyboard: ↓ from the box goes to the first result, ↑/↓ move between results (and steps), typing returns to the box.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  root.addEventListener('keydown', (e) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!all.length) return;
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(at + 1, all.length - 1)) : at <= 0 ? -1 : at - 1;
      (next < 0 ? input : all[next]!).focus();
    } else if (at >= 0 && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      input.focus();
    }
  });
  list.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) dialog.close();
  });
  copyBtn.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    copyBtn.textContent = '已复制';
    setTimeout(() => (copyBtn.textContent = '复制搜索链接'), 1500);
  });
  dialog.addEventListener('close', () => setUrl(''));
  status.textContent = idle;
}
