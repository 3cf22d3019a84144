// The question model shared by the remark plugin (build), the coverage script and the tests.
//
// A question is a heading that carries a <Q> marker:
//   ## kube-proxy 有哪几种模式？ <Q id="kube-proxy-modes" seeds="kube-proxy-principle-modes kube-proxy-modes-principle" />
//   ## 节点心跳是如何实现的？ <Q id="node-lease-heartbeat" added />
// `id` becomes the heading's anchor; `seeds` lists the ids of data/source-questions.json it answers;
// `added` marks a question the sources do not ask.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { visit, SKIP } from 'unist-util-visit';
import { slug } from 'github-slugger';
import { ContentError } from './content-error.ts';
import { plainText } from './mdast-text.ts';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
// Type-only: adds `data.hProperties` (where heading ids are written) to mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { Question, SourceQuestion, SubHeading } from './types.ts';

const sourceFile = fileURLToPath(new URL('../../data/source-questions.json', import.meta.url));
export const sourceQuestions: SourceQuestion[] = JSON.parse(readFileSync(sourceFile, 'utf8'));
export const sourceIds: Set<string> = new Set(sourceQuestions.map((q) => q.id));

export const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The marker's attributes: a string value, or null for a bare attribute (`added`). */
function readAttributes(node: MdxJsxTextElement, file: string | undefined): Partial<Record<string, string | null>> {
  const attrs: Partial<Record<string, string | null>> = {};
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute') {
      throw new ContentError('<Q> takes plain attributes only (id="…" seeds="…" or added).', file, node.position?.start.line);
    }
    if (attr.value !== null && typeof attr.value !== 'string') {
      throw new ContentError(`<Q ${attr.name}> must be a string in quotes, not an expression.`, file, node.position?.start.line);
    }
    attrs[attr.name] = attr.value;
  }
  return attrs;
}

/** Longest alias accepted: aliases are search words and phrases, not sentences. */
export const AKA_MAX = 80;

/**
 * `aka="别名一|alias two|error string"`: the words people use for the question (colloquial Chinese, English
 * names and abbreviations, old names, core error strings). Indexed for search with high weight, never shown
 * on the page.
 */
export function parseAka(
  value: string | null | undefined,
  id: string,
  file: string | undefined,
  line: number | undefined,
): string[] {
  if (value === undefined) return [];
  if (value === null) throw new ContentError(`question "${id}": aka needs a value, e.g. aka="别名|alias".`, file, line);
  const list = value.split('|').map((a) => a.replace(/\s+/g, ' ').trim());
  if (list.some((a) => !a)) throw new ContentError(`question "${id}": aka has an empty alias (separate aliases with a single |).`, file, line);
  const long = list.find((a) => [...a].length > AKA_MAX);
  if (long) throw new ContentError(`question "${id}": alias "${long.slice(0, 30)}…" is longer than ${AKA_MAX} characters (use the core words of it).`, file, line);
  const dup = list.find((a, i) => list.findIndex((b) => b.toLowerCase() === a.toLowerCase()) !== i);
  if (dup) throw new ContentError(`question "${id}": alias "${dup}" is listed twice.`, file, line);
  return list;
}

/**
 * Longest short answer (the paragraph that opens a question's answer, published as `summary` in questions.json, shown
 * by the drill and put on the flashcards), in characters. The content's opening paragraphs measured 170–706 characters
 * (median 369, 95th percentile 545) when the limit was set: 600 characters is about a minute of reading, four full
 * sentences, what a reader takes in at one look on a card. Longer is an essay: move the detail below the paragraph.
 */
export const SUMMARY_MAX = 600;

/** What opens a question's answer when it is not a paragraph, as the lint message names it. */
function describeOpening(node: RootContent | undefined): string {
  if (!node) return 'nothing';
  if (node.type === 'heading') return `a ${'#'.repeat(node.depth)} heading`;
  if (node.type === 'code') return node.lang === 'mermaid' ? 'a diagram' : 'a code block';
  if (node.type === 'mdxJsxFlowElement') return node.name ? `<${node.name}>` : 'a JSX fragment';
  return `a ${node.type}`;
}

/**
 * Finds the questions in an MDX tree. With `mutate`, removes the markers and sets heading ids.
 * Throws ContentError for malformed markers, unknown seeds and duplicate ids within the file.
 */
export function extractQuestions(tree: Root, file: string | undefined, { mutate = false }: { mutate?: boolean } = {}): Question[] {
  const questions: Question[] = [];
  const seen = new Map<string, number | undefined>();
  visit(tree, (node, index, parent) => {
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      if (node.name === 'Q' && parent?.type !== 'heading') {
        throw new ContentError('<Q> must stand inside a heading (## 问题 <Q id="…" seeds="…" />).', file, node.position?.start.line);
      }
    }
    if (node.type !== 'heading') return;
    const markers = node.children.filter((c): c is MdxJsxTextElement => c.type === 'mdxJsxTextElement' && c.name === 'Q');
    if (markers.length === 0) return SKIP;
    const line = node.position?.start.line;
    if (markers.length > 1) throw new ContentError('a heading carries more than one <Q> marker.', file, line);
    const attrs = readAttributes(markers[0], file);
    const unknownAttrs = Object.keys(attrs).filter((k) => !['id', 'seeds', 'added', 'aka'].includes(k));
    if (unknownAttrs.length) throw new ContentError(`<Q> has unknown attribute(s): ${unknownAttrs.join(', ')}.`, file, line);
    const id = attrs.id;
    if (!id) throw new ContentError('<Q> needs an id="kebab-case-id".', file, line);
    if (!QUESTION_ID.test(id)) {
      throw new ContentError(`question id "${id}" is not kebab-case English (a-z, 0-9, single hyphens).`, file, line);
    }
    if (seen.has(id)) {
      throw new ContentError(`duplicate question id "${id}" (first used on line ${seen.get(id)}).`, file, line);
    }
    seen.set(id, line);
    const added = 'added' in attrs;
    const seeds = (attrs.seeds ?? '').split(/[\s,]+/).filter(Boolean);
    if (added && seeds.length) throw new ContentError(`question "${id}" is marked added but also lists seeds.`, file, line);
    if (!added && !seeds.length) {
      throw new ContentError(`question "${id}" needs seeds="<source ids>" or, for a question the sources do not ask, added.`, file, line);
    }
    for (const seed of seeds) {
      if (!sourceIds.has(seed)) {
        throw new ContentError(`question "${id}" lists unknown seed id "${seed}" (not in data/source-questions.json) — use an id from that file, or mark the question added.`, file, line);
      }
    }
    const dupSeed = seeds.find((s, i) => seeds.indexOf(s) !== i);
    if (dupSeed) throw new ContentError(`question "${id}" lists seed "${dupSeed}" twice.`, file, line);
    const title = plainText(node).replace(/\s+/g, ' ').trim();
    if (!title) throw new ContentError(`question "${id}" has an empty heading.`, file, line);
    const aka = parseAka(attrs.aka, id, file, line);
    // The short answer: the paragraph right after the heading (plain text, as a reader sees it).
    const next = parent && index !== undefined ? (parent.children[index + 1] as RootContent | undefined) : undefined;
    const summary = next?.type === 'paragraph' ? plainText(next).replace(/\s+/g, ' ').trim() || null : null;
    const opening = summary !== null ? 'paragraph' : describeOpening(next);
    questions.push({ id, title, seeds, added, aka, line, depth: node.depth, summary, opening });
    if (mutate) {
      node.children = node.children.filter((c) => c !== markers[0]);
      const last = node.children.at(-1);
      if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
      node.data ??= {};
      node.data.hProperties = { ...node.data.hProperties, id, 'data-question': '', 'data-pagefind-weight': '10' };
    }
    return SKIP;
  });
  if (mutate) {
    for (const { node, id } of subHeadings(tree)) {
      node.data ??= {};
      node.data.hProperties = { ...node.data.hProperties, id };
    }
  }
  return questions;
}

/**
 * Headings inside a question's section (deeper than the question heading, up to the next heading of the
 * same or a higher level) get ids qualified by the question: `ts-pod-pending-症状`. Unlike document-wide
 * slugs (`症状-3`), they do not change when another question is added above, so links to a step stay valid.
 */
export function subHeadings(tree: Root): SubHeading[] {
  const out: SubHeading[] = [];
  let current: { id: string; depth: number } | null = null;
  let used = new Set<string>();
  visit(tree, 'heading', (node) => {
    const marker = node.children.find((c): c is MdxJsxTextElement => c.type === 'mdxJsxTextElement' && c.name === 'Q');
    // An id is a string: extractQuestions rejects expression values, and writes string ids into hProperties
    // (whose hast type allows any property value).
    const qid = (marker?.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value ??
      (node.data?.hProperties?.['data-question'] !== undefined ? node.data.hProperties.id : undefined)) as string | null | undefined;
    if (qid) {
      current = { id: qid, depth: node.depth };
      used = new Set();
      return SKIP;
    }
    if (current && node.depth <= current.depth) current = null;
    if (!current) return SKIP;
    const text = plainText(node).replace(/\s+/g, ' ').trim();
    let id = `${current.id}-${slug(text)}`;
    for (let n = 2; used.has(id); n++) id = `${current.id}-${slug(text)}-${n}`;
    used.add(id);
    out.push({ node, id, text, depth: node.depth, questionId: current.id, line: node.position?.start.line });
    return SKIP;
  });
  return out;
}

