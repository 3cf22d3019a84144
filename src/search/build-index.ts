// Builds the Pagefind index from the built site: one record per question (so a result is a question and opens
// on its anchor), plus one record per page for what stands outside questions (overviews, the symptom index,
// the command cheat sheet). Runs after Astro has written dist/ (see ./integration.ts).
//
// Each record is a small HTML document handed to Pagefind's Node API:
//   title (weight 10) · aliases from <Q aka="…"> (weight 8) · playbook symptoms (weight 5) · the section text,
// with Chinese cut into bigrams by ./tokenize.ts, and the question's real sub-heading ids so that Pagefind's
// sub-results point at a playbook step. What the dialog shows (title, topic, page, summary) travels as metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { rechunkIndex, slimFragments } from './rechunk.ts';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root } from 'hast';
import { glueWords, indexText, intlSegmenter, latinWords, queryUnits } from './tokenize.ts';
import type { RecordKind, SearchIndexInfo, SearchMeta } from './types.ts';
import type { RegistryEntry } from '../lib/registry.ts';
import { topics } from '../topics.ts';
import { SYMPTOMS_HEADING } from '../lib/playbooks.ts';
import { hashOf } from '../build-cache/store.ts';

/** What the index needs of a registry entry (`<base>/questions.json`), with `url` relative to the base. */
export type RegistryQuestion = Pick<RegistryEntry, 'id' | 'title' | 'topic' | 'url' | 'page' | 'aka'>;

export interface IndexRecord {
  /** Site path without the base: Pagefind's client prefixes the base it is served from. */
  url: string;
  meta: SearchMeta;
  aka: string[];
  symptoms: string;
  blocks: Array<{ heading?: { id: string; text: string; depth: number }; text: string }>;
}

const TOPIC_LABEL = new Map<string, string>(topics.map((t: { id: string; label: string }) => [t.id, t.label]));
const SUMMARY_MAX = 140;
/** An alias of at most this many Latin words is a name (kube-proxy, pod disruption budget), not an error string. */
const NAME_ALIAS_WORDS = 3;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function hasClass(node: Element, name: string): boolean {
  const c = node.properties?.className;
  return Array.isArray(c) && c.includes(name);
}

/** Text a reader sees in a block: no anchor icons, copy buttons, frame labels, scripts or diagram SVGs. */
function blockText(node: Element): string {
  // A diagram counts by its title (the SVG's accessible name), not by its node labels.
  if (hasClass(node, 'kb-diagram')) return String(select('svg[aria-label]', node)?.properties?.ariaLabel ?? '');
  const strip = (el: Element): Element => {
    el.children = el.children.filter((c: ElementContent) => {
      if (c.type !== 'element') return c.type === 'text';
      if (['script', 'style', 'link', 'svg', 'button'].includes(c.tagName)) return false;
      if (c.properties?.dataPagefindIgnore !== undefined && !hasClass(c, 'kb-diagram')) return false;
      if (hasClass(c, 'sl-anchor-link') || hasClass(c, 'copy')) return false;
      strip(c);
      return true;
    });
    return el;
  };
  return toText(strip(structuredClone(node))).replace(/\s+/g, ' ').trim();
}

function headingOf(node: Element): { id: string; text: string; depth: number } | undefined {
  const h = /^h[1-6]$/.test(node.tagName) ? node : hasClass(node, 'sl-heading-wrapper') ? select('h1,h2,h3,h4,h5,h6', node) : undefined;
  if (!h) return undefined;
  return { id: String(h.properties?.id ?? ''), text: blockText(h), depth: Number(h.tagName.slice(1)) };
}

function summaryOf(text: string): string {
  const chars = [...text];
  return chars.length <= SUMMARY_MAX ? text : `${chars.slice(0, SUMMARY_MAX).join('')}…`;
}

/** Splits one built page into question records and one page record. */
export function pageRecords(html: string, route: string, questions: Map<string, RegistryQuestion>): IndexRecord[] {
  const tree = fromHtml(html) as Root;
  const content = select('.sl-markdown-content', tree);
  const pageTitle = blockText(select('h1#_top', tree) ?? ({ type: 'element', tagName: 'span', properties: {}, children: [] } as Element));
  const topic = route.split('/')[0] ?? '';
  const topicLabel = TOPIC_LABEL.get(topic) ?? '';
  const page: IndexRecord = {
    url: `/${route}`,
    meta: { title: pageTitle, topic: topicLabel, page: pageTitle, kind: route.endsWith('/') && route.split('/').length === 2 ? 'overview' : 'page', summary: '', aka: '', steps: '{}' },
    aka: [],
    symptoms: '',
    blocks: [],
  };
  if (!content) return [];
  const description = select('meta[name="description"]', tree)?.properties?.content;
  page.meta.summary = summaryOf(String(description ?? ''));
  const out: IndexRecord[] = [];
  let current: IndexRecord = page;
  let inSymptoms = false;
  for (const child of content.children) {
    if (child.type !== 'element') continue;
    const h = headingOf(child);
    if (h && h.depth === 2) {
      const q = questions.get(h.id);
      inSymptoms = false;
      if (q) {
        const kind: RecordKind = 'question';
        current = {
          url: `/${route}#${q.id}`,
          meta: { title: q.title, topic: TOPIC_LABEL.get(q.topic) ?? q.topic, page: pageTitle, kind, summary: '', aka: q.aka.join(' | '), steps: '{}' },
          aka: q.aka,
          symptoms: '',
          blocks: [],
        };
        out.push(current);
        continue;
      }
      current = page;
    }
    if (h) {
      if (current !== page && h.depth === 3) inSymptoms = h.text === SYMPTOMS_HEADING;
      if (current !== page && h.text === SYMPTOMS_HEADING) current.meta.kind = 'playbook';
      current.blocks.push({ heading: h, text: '' });
      continue;
    }
    const text = blockText(child);
    if (!text) continue;
    if (current !== page && !current.meta.summary && child.tagName === 'p') current.meta.summary = summaryOf(text);
    if (inSymptoms || hasClass(child, 'kb-symptoms')) current.symptoms += ` ${text}`;
    else current.blocks.push({ text });
  }
  if (page.blocks.length) out.push(page);
  for (const r of out) {
    r.meta.steps = JSON.stringify(Object.fromEntries(r.blocks.flatMap((b) => (b.heading?.id ? [[b.heading.id, b.heading.text]] : []))));
  }
  return out;
}

/** An empty anchor after the title and aliases: its word location tells the query layer whether a match is in
 *  the record's title or aliases (kb-search.json `heads`). */
const NAMES_END = 'kb-names-end';

/** The HTML document Pagefind indexes for a record. */
export function recordHtml(r: IndexRecord): string {
  const metas = (Object.entries(r.meta) as Array<[string, string]>)
    .map(([k, v]) => `<span data-pagefind-meta="${k}[data-v]" data-v="${esc(v)}"></span>`)
    .join('');
  const body = r.blocks
    .map((b) => (b.heading ? `<h${b.heading.depth} id="${esc(b.heading.id)}">${esc(indexText(b.heading.text))}</h${b.heading.depth}>` : `<p>${esc(indexText(b.text))}</p>`))
    .join('\n');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><main data-pagefind-body>',
    metas,
    `<h1 data-pagefind-weight="10">${esc(indexText(r.meta.title))}</h1>`,
    r.aka.length ? `<p data-pagefind-weight="8">${esc(indexText(r.aka.join(' ; ')))}</p>` : '',
    `<span id="${NAMES_END}"></span>`,
    r.symptoms ? `<div data-pagefind-weight="5">${esc(indexText(r.symptoms))}</div>` : '',
    body,
    '</main></body></html>',
  ].join('\n');
}

/**
 * Routes of the built pages that are searchable (not the 404 page, not Pagefind's or Astro's files), sorted: Pagefind's
 * files depend on the order pages are added, and a directory listing's order depends on the file system.
 */
export function searchableRoutes(files: string[]): string[] {
  return files
    .filter((f) => f.endsWith('index.html') && !/^(pagefind|_astro)\//.test(f))
    .map((f) => f.replace(/index\.html$/, ''))
    .filter((r) => r !== '')
    .sort();
}

export interface IndexStats {
  questions: number;
  pages: number;
  playbooks: number;
  /** Word-index chunks after re-cutting. */
  chunks: number;
  /** Bytes of all fragments after their text is dropped. */
  fragmentBytes: number;
}

/** Word locations per index chunk: ~4 KB over the wire each, instead of Pagefind's ~38 KB (20,000 locations). */
export const CHUNK_LOCATIONS = 2000;

/**
 * The build cache key of the index (src/build-cache/): everything `buildSearchIndex` reads — the registry, the
 * searchable routes and their HTML — and the code's fingerprint (this file, Pagefind's version through the lockfile).
 */
export function searchIndexKey(distDir: string, files: string[], registry: RegistryQuestion[], codeFingerprint: string): string {
  const routes = searchableRoutes(files);
  return hashOf('search', codeFingerprint, JSON.stringify(registry), ...routes.flatMap((r) => [r, readFileSync(join(distDir, r, 'index.html'))]));
}

export async function buildSearchIndex(distDir: string, files: string[], registry: RegistryQuestion[]): Promise<IndexStats> {
  const questions = new Map(registry.map((q) => [q.id, q]));
  const records: IndexRecord[] = [];
  for (const route of searchableRoutes(files)) {
    records.push(...pageRecords(readFileSync(join(distDir, route, 'index.html'), 'utf8'), route, questions));
  }
  const indexed = new Set(records.filter((r) => r.meta.kind === 'question' || r.meta.kind === 'playbook').map((r) => r.url.split('#')[1]));
  const missing = registry.filter((q) => !indexed.has(q.id)).map((q) => q.id);
  if (missing.length) throw new Error(`search index: ${missing.length} question(s) of the registry not found in the built pages: ${missing.join(', ')}`);

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (const r of records) {
      const res = await index.addHTMLFile({ url: r.url, content: recordHtml(r) });
      if (res.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // Small chunks: a query fetches one per word (src/search/rechunk.ts).
  const chunks = rechunkIndex(join(distDir, 'pagefind'), CHUNK_LOCATIONS);
  // Fragments without the record's text (the dialog shows meta.summary, not Pagefind's excerpt).
  const slim = slimFragments(join(distDir, 'pagefind'), [NAMES_END]);
  if (Object.keys(slim.markers).length !== records.length) {
    throw new Error(`search index: ${records.length - Object.keys(slim.markers).length} record(s) lost their title/alias markers (Pagefind's anchors changed?)`);
  }
  // The dialog weighs query words by how many records hold them (IDF), so it needs the number of records; and it
  // tells a misspelt or absent Latin word from an indexed one with the vocabulary.
  const words = new Set<string>();
  for (const r of records) {
    for (const text of [r.meta.title, ...r.aka, r.symptoms, ...r.blocks.map((b) => `${b.heading?.text ?? ''} ${b.text}`)]) {
      for (const w of latinWords(text)) words.add(w);
    }
  }
  const sorted = [...words].sort();
  const position = new Map(sorted.map((w, i) => [w, i]));
  const byUrl = new Map(records.map((r) => [r.url, r]));
  const heads: SearchIndexInfo['heads'] = {};
  for (const [hash, { url, at }] of Object.entries(slim.markers)) {
    const r = byUrl.get(url);
    if (!r) throw new Error(`search index: a fragment for ${url}, which is no record`);
    heads[hash] = [...at, ...latinWords([r.meta.title, ...r.aka].join(' ')).map((w) => position.get(w) ?? -1).filter((i) => i >= 0).sort((a, b) => a - b)];
  }
  // Names: Latin words of question titles and of short aliases (an English name, not a pasted error string).
  const nameWords = records.flatMap((r) => [r.meta.title, ...r.aka.filter((a) => latinWords(a).length <= NAME_ALIAS_WORDS)]);
  const names = [...new Set(latinWords(nameWords.join(' ')).map((w) => position.get(w) ?? -1))].filter((i) => i >= 0).sort((a, b) => a - b);
  // Titles and aliases of questions and playbooks, cut as the query side cuts them: words the segmenter splits
  // (glue), and the Chinese words that name what a question is about (hanNames).
  const named = records.filter((r) => r.meta.kind === 'question' || r.meta.kind === 'playbook').flatMap((r) => [r.meta.title, ...r.aka]);
  const segmenter = intlSegmenter();
  const glue = glueWords(named, segmenter);
  const glueSet = new Set(glue);
  const hanNames = [...new Set(named.flatMap((n) => queryUnits(n, segmenter, glueSet).filter((u) => u.han && !u.stop).map((u) => u.text)))].sort();
  const info: SearchIndexInfo = { records: records.length, words: sorted, heads, names, glue, hanNames };
  writeFileSync(join(distDir, 'pagefind', 'kb-search.json'), JSON.stringify(info));
  return {
    questions: indexed.size,
    pages: records.filter((r) => r.meta.kind === 'page' || r.meta.kind === 'overview').length,
    playbooks: records.filter((r) => r.meta.kind === 'playbook').length,
    chunks: chunks.after,
    fragmentBytes: slim.bytesAfter,
  };
}
