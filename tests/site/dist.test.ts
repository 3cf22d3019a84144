// The production build (BASE_PATH=/k8s-kb), checked as files.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { checkLinks, scanHtml } from '../../src/lib/link-check.ts';
import { loadContent } from '../../src/lib/content-scan.ts';
import { sourceIds } from '../../src/lib/questions.ts';
import { topics } from '../../src/topics.ts';
import { htmlPages, read } from '../helpers/site.ts';
import type { ContentPage, RegistryEntry } from '../../src/lib/types.ts';

const distDir = inject('distDir');
const base = inject('base');
const pages = htmlPages(distDir);
const content = loadContent();
// Pages inside a topic folder (the home page and the 404 page live at the root).
const topicPages = content.filter((p) => topics.some((t) => t.id === p.topic));
const builtFile = (page: ContentPage): string => (page.slug === '404' ? '404.html' : page.slug ? `${page.slug}/index.html` : 'index.html');

describe('built site under the GitHub Pages base path', () => {
  it('builds every content page and the 404 page, all in zh-CN', () => {
    for (const page of content) expect(pages, `missing ${builtFile(page)} for ${page.file}`).toContain(builtFile(page));
    expect(pages).toContain('404.html');
    for (const rel of pages) expect(read(distDir, rel), rel).toMatch(/<html[^>]* lang="zh-CN"/);
  });

  it('every internal link, anchor and asset resolves under the base', () => {
    const r = checkLinks(distDir, { base });
    expect(r.errors).toEqual([]);
    expect(r.pages).toBe(pages.length);
    expect(r.links).toBeGreaterThan(pages.length * 10);
  });

  it('the sidebar lists every page, grouped by topic in study order', () => {
    const html = read(distDir, 'architecture/index.html');
    const start = html.indexOf('sidebar-content');
    const sidebar = html.slice(start, html.indexOf('</sl-sidebar-state-persist>', start));
    const hrefs = [...sidebar.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    const expected = topicPages.map((p) => `${base}/${p.slug}/`);
    expect([...hrefs].sort()).toEqual([...expected].sort());
    const labels = [...sidebar.matchAll(/<span class="large[^"]*">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(labels).toEqual(topics.map((t) => t.label));
  });

  it('every topic overview links every question of its topic', () => {
    const registry: RegistryEntry[] = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8'));
    for (const topic of topics) {
      const { refs } = scanHtml(read(distDir, `${topic.id}/index.html`));
      const links = new Set(refs.filter((r) => r.kind === 'link').map((r) => r.url));
      const missing = registry.filter((q) => q.topic === topic.id && !links.has(q.url)).map((q) => q.url);
      expect(missing, `${topic.id}/index.mdx`).toEqual([]);
    }
  });

  it('the 404 page loads its styles and scripts from the base path', () => {
    const { refs } = scanHtml(read(distDir, '404.html'));
    const assets = refs.filter((r) => r.kind === 'asset' && !/^https?:/.test(r.url));
    expect(assets.length).toBeGreaterThan(2);
    for (const a of assets) expect(a.url.startsWith(`${base}/`), a.url).toBe(true);
  });
});

describe('question registry <base>/questions.json', () => {
  let registry: RegistryEntry[];
  beforeAll(() => {
    registry = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8'));
  });

  it('lists exactly the questions written in content/docs', () => {
    const written = content.flatMap((p) => p.questions);
    expect(written.length).toBeGreaterThan(0);
    expect(registry.map((q) => q.id).sort()).toEqual(written.map((q) => q.id).sort());
    for (const q of written) {
      const entry = registry.find((r) => r.id === q.id);
      expect(entry).toMatchObject({ title: q.title, topic: q.topic, seeds: q.seeds, aka: q.aka });
      if (!entry) throw new Error(`question ${q.id} is not in the registry`); // (unreachable: the expect above fails first)
      expect(entry.url).toBe(`${base}/${q.slug}/#${q.id}`);
    }
  });

  it('has the public shape and only known seeds', () => {
    for (const q of registry) {
      expect(Object.keys(q).sort()).toEqual(['added', 'aka', 'id', 'page', 'seeds', 'summary', 'title', 'topic', 'url']);
      for (const s of q.seeds) expect(sourceIds.has(s), s).toBe(true);
    }
  });

  it('every url points at an existing heading with that id', () => {
    for (const q of registry) {
      const [path, hash] = q.url.slice(base.length + 1).split('#');
      const html = read(distDir, `${path}index.html`);
      expect(html, q.url).toMatch(new RegExp(`<h[23][^>]* id="${hash}"`));
    }
  });
});

describe('diagrams are rendered at build time', () => {
  const withDiagrams = content.filter((p) => p.source.includes('```mermaid'));

  it('there are diagrams to check', () => {
    expect(withDiagrams.length).toBeGreaterThan(0);
  });

  it('each mermaid fence became a figure with one inline SVG for both themes, named for screen readers', () => {
    for (const page of withDiagrams) {
      const fenceLines = page.source.match(/^```mermaid/gm);
      if (!fenceLines) throw new Error(`${page.file}: no line opens a mermaid fence`);
      const fences = fenceLines.length;
      const html = read(distDir, `${page.slug}/index.html`);
      const figures = html.match(/<figure class="kb-diagram"[\s\S]*?<\/figure>/g) ?? [];
      expect(figures.length, page.file).toBe(fences);
      for (const figure of figures) {
        // Exactly one SVG (the diagram), directly in the figure, named by its title.
        expect(figure.match(/<svg\b/g)?.length, page.file).toBe(1);
        expect(figure).toMatch(/^<figure [^>]*>\s*<svg [^>]*role="img" aria-label="[^"]+"/);
        // Its own scoped stylesheet (an empty or attribute-only <style> draws black shapes) opens with the theme
        // colours: the same custom properties for the light theme and for Starlight's dark theme.
        const m = /<style>#(mmd-[0-9a-f]{16}(?:x\d+)?)\{((?:--kb-dg-\d+:[^;}]+;?)+)\}:root\[data-theme=dark\] #\1\{((?:--kb-dg-\d+:[^;}]+;?)+)\}/.exec(figure);
        expect(m, `${page.file}: no theme colours in a diagram's <style>`).toBeTruthy();
        if (!m) continue;
        const names = (decls: string) => [...decls.matchAll(/(--kb-dg-\d+):/g)].map((d) => d[1]);
        expect(names(m[3])).toEqual(names(m[2]));
        // Every variable the diagram uses is defined.
        for (const used of figure.matchAll(/var\((--kb-dg-\d+)\)/g)) expect(names(m[2])).toContain(used[1]);
      }
      expect(html).not.toMatch(/kb-diagram-(light|dark)/);
      expect(html).not.toMatch(/class="[^"]*\bmermaid\b/);
      expect(html).not.toContain('set:html');
      expect(html).not.toContain('```mermaid');
    }
  });

  it('no page ships Mermaid JavaScript, and pages with diagrams ship no more JS than pages without', () => {
    const assets = readdirSync(join(distDir, '_astro')).filter((f) => f.endsWith('.js'));
    for (const f of assets) {
      const js = readFileSync(join(distDir, '_astro', f), 'utf8');
      expect(/mermaid/i.test(f) || js.includes('mermaidAPI'), f).toBe(false);
    }
    const scripts = (rel: string): string[] =>
      scanHtml(read(distDir, rel))
        .refs.filter((r) => r.kind === 'asset' && r.url.endsWith('.js'))
        .map((r) => r.url)
        .sort();
    // Expressive Code's copy-button script comes with code blocks, not with diagrams.
    const codeScript = /\/ec\.[^/]+\.js$/;
    const notForCode = (rel: string): string[] => {
      const list = scripts(rel);
      const hasCode = /<pre[^>]* data-language=/.test(read(distDir, rel));
      expect(list.some((s) => codeScript.test(s)), `${rel}: code-block script iff code blocks`).toBe(hasCode);
      // Study mode's scripts (src/study/) come with questions and topic overviews, not with diagrams.
      return list.filter((s) => !codeScript.test(s) && !/\/(StudyBar|TopicProgress)\.astro_/.test(s));
    };
    const plainPage = topicPages.find((p) => !p.source.includes('```mermaid'));
    if (!plainPage) throw new Error('no topic page without diagrams to compare with');
    const plain = notForCode(`${plainPage.slug}/index.html`);
    for (const page of withDiagrams) expect(notForCode(`${page.slug}/index.html`), page.file).toEqual(plain);
  });

  it('heading anchor links carry no inline SVG icon (drawn once by CSS, src/plugins/rehype-anchor-icons.ts)', () => {
    let anchors = 0;
    for (const rel of pages) {
      const html = read(distDir, rel);
      anchors += (html.match(/class="sl-anchor-icon"/g) ?? []).length;
      expect(html, rel).not.toMatch(/class="sl-anchor-icon"><svg/);
    }
    expect(anchors).toBeGreaterThan(500);
  });

  it('no page ships the script of a component it does not show: a one-language site has no language picker', () => {
    for (const rel of pages) {
      const html = read(distDir, rel);
      expect(html.includes('customElements.define(`starlight-lang-select`') || html.includes("customElements.define('starlight-lang-select'"), rel).toBe(html.includes('<starlight-lang-select'));
    }
  });
});

describe('search index', () => {
  const pagefindDir = join(distDir, 'pagefind');

  it('is built with one record per question plus the pages’ own text (src/search/build-index.ts)', () => {
    expect(existsSync(join(pagefindDir, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    // Chinese is indexed as bigram words (src/search/tokenize.ts), so Pagefind runs without its own segmenter.
    expect(Object.keys(entry.languages)).toEqual(['en']);
    const registry = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8'));
    const { records } = JSON.parse(readFileSync(join(pagefindDir, 'kb-search.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(records);
    expect(records).toBeGreaterThan(registry.length);
  });

  it('lists as names the Latin words of question titles and short aliases, not the words of error-string aliases', () => {
    const info = JSON.parse(readFileSync(join(pagefindDir, 'kb-search.json'), 'utf8')) as { words: string[]; names: number[] };
    const names = new Set(info.names.map((i) => info.words[i]));
    const registry = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8')) as Array<{ title: string; aka: string[] }>;
    // Every Latin word of a title is a name (the pod of “Pod 一直处于 Pending”).
    const titleWords = registry.flatMap((q) => q.title.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []).filter((w) => info.words.includes(w));
    expect(titleWords.length).toBeGreaterThan(100);
    expect(titleWords.filter((w) => !names.has(w))).toEqual([]);
    // A word found only in long aliases (pasted error strings) is not.
    const long = registry.flatMap((q) => q.aka.filter((a) => a.split(/\s+/).length > 6));
    const shortText = registry.flatMap((q) => [q.title, ...q.aka.filter((a) => a.split(/\s+/).length <= 3)]).join(' ').toLowerCase();
    const onlyInLong = [...new Set(long.join(' ').toLowerCase().match(/[a-z]{5,}/g) ?? [])].filter((w) => info.words.includes(w) && !shortText.includes(w));
    expect(onlyInLong.length).toBeGreaterThan(5);
    expect(onlyInLong.filter((w) => names.has(w))).toEqual([]);
  });

  it('lists as Chinese names the words of question titles and aliases, segmented as a query is, not question words', async () => {
    const { queryUnits, intlSegmenter } = await import('../../src/search/tokenize.ts');
    const info = JSON.parse(readFileSync(join(pagefindDir, 'kb-search.json'), 'utf8')) as { hanNames: string[]; glue: string[] };
    const names = new Set(info.hanNames);
    const registry = JSON.parse(readFileSync(join(distDir, 'questions.json'), 'utf8')) as Array<{ title: string }>;
    const seg = intlSegmenter();
    const titleWords = registry.flatMap((q) => queryUnits(q.title, seg, new Set(info.glue)).filter((u) => u.han && !u.stop).map((u) => u.text));
    expect(titleWords.length).toBeGreaterThan(300);
    expect(titleWords.filter((w) => !names.has(w))).toEqual([]);
    // Words that only make a sentence a question (什么, 如何, 区别) are no names.
    expect(['什么', '如何', '为什么', '区别'].filter((w) => names.has(w))).toEqual([]);
  });

  it('keeps code-block chrome (frame labels, copy buttons) and diagram SVG text out of the index', () => {
    const chrome = '终端窗口';
    expect(pages.some((rel) => read(distDir, rel).includes(chrome)), 'a page with a terminal frame exists').toBe(true);
    const fragments = readdirSync(join(pagefindDir, 'fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    const text = fragments.map((f) => gunzipSync(readFileSync(join(pagefindDir, 'fragment', f))).toString('utf8')).join('\n');
    expect(text).not.toContain(chrome);
    expect(text).not.toContain('复制到剪贴板');
    expect(text).not.toMatch(/mmd-[0-9a-f]{16}/);
    // …while the commands themselves stay searchable.
    expect(text).toContain('kubectl');
  });
});

describe('team wiki basics', () => {
  it('doc pages have an edit link to the source file and a last-updated date', () => {
    const docs = topicPages;
    for (const page of docs) {
      const html = read(distDir, `${page.slug}/index.html`);
      const rel = page.file.replace(/\\/g, '/');
      expect(html, page.file).toMatch(new RegExp(`href="[^"]*/edit/[^"]+/${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    }
    expect(docs.some((p) => /<time datetime="/.test(read(distDir, `${p.slug}/index.html`)))).toBe(true);
  });
});
