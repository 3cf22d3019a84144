// Checks on one page's syntax tree: headings are questions or marked sections, code fences name a known
// language, diagrams stay within a size budget, nothing loads from a third party, images exist. Also collects
// what the site-wide link check needs: the page's anchor ids and the links it writes.
import Slugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { Heading, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { ContentError, displayPath } from '../lib/content-error.ts';
import { extractQuestions, subHeadings, SUMMARY_MAX } from '../lib/questions.ts';
import { plainText } from '../lib/mdast-text.ts';
import { parseMeta } from '../plugins/remark-mermaid.ts';
import type { Question } from '../lib/types.ts';
import type { FileProblem } from './frontmatter.ts';

/**
 * Languages a code fence may name: the ones the content uses and a few more that Shiki (Expressive Code) highlights.
 * One name per language, so every shell command is a `bash` block (the command cheat sheet collects those);
 * `mermaid` fences become diagrams, `text` is output and plain text.
 */
export const FENCE_LANGUAGES = ['bash', 'yaml', 'json', 'text', 'go', 'dockerfile', 'ini', 'toml', 'diff', 'python', 'nginx', 'hcl', 'sql', 'mermaid'] as const;

/** Other names for accepted languages, and what to write instead. */
const FENCE_ALIASES: Partial<Record<string, string>> = {
  sh: 'bash', shell: 'bash', shellscript: 'bash', zsh: 'bash', console: 'bash', kubectl: 'bash', docker: 'bash', cmd: 'bash',
  yml: 'yaml', txt: 'text', plaintext: 'text', plain: 'text', log: 'text', output: 'text', golang: 'go', jsonc: 'json', conf: 'ini', py: 'python',
};

/** A Mermaid diagram larger than this is split: the largest in the content has 32 statements and 970 characters. */
export const DIAGRAM_BUDGET = { statements: 60, characters: 2000 } as const;

/** Elements that load or run something from elsewhere: never allowed in content. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);
/** Elements whose `src`/`href`/`srcset`/`poster`/`data` is fetched by the browser. */
const MEDIA_ELEMENTS = new Set(['img', 'image', 'picture', 'source', 'video', 'audio', 'track', 'link', 'input', 'use']);
const FETCHED_ATTRIBUTES = new Set(['src', 'href', 'srcset', 'poster', 'data', 'xlink:href']);

/** A URL the browser would fetch from another origin: `https://…`, `http://…` or protocol-relative `//…`. */
export const isExternal = (url: string): boolean => /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);

/** What the site-wide check needs to know about a page. */
export interface PageFacts {
  /** Every anchor id the page will have (questions, sub-headings, other headings, elements with id). */
  ids: Set<string>;
  /** The page uses components, which may add ids the source does not show: unknown anchors are left to the built-site check. */
  opaque: boolean;
  /** The page's questions (for the site-wide check of ids and seeds). */
  questions: Question[];
  /** Links the page writes (markdown links, definitions, JSX href), as written. */
  links: Array<{ url: string; line: number | undefined }>;
}

/** How the page checks see the files around them. */
export interface PageContext {
  /** Does `public/<path>` exist? (`path` without a leading slash) */
  publicFile: (path: string) => boolean;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const markerOf = (heading: Heading, name: string): MdxJsxTextElement | undefined =>
  heading.children.find((c): c is MdxJsxTextElement => c.type === 'mdxJsxTextElement' && c.name === name);

const attrString = (el: JsxElement, name: string): string | undefined => {
  const attr = el.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
};

/** `public/images/x.png` for `/images/x.png` (query and fragment dropped, %-escapes decoded). */
function publicPath(url: string): string {
  const path = url.replace(/[?#].*$/, '').replace(/^\/+/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Checks a parsed page; `display` is its path as messages show it. */
export function checkPage(tree: Root, display: string, ctx: PageContext): { problems: FileProblem[]; facts: PageFacts } {
  const problems: FileProblem[] = [];
  const add = (line: number | undefined, message: string) => problems.push({ line, message });
  const facts: PageFacts = { ids: new Set(['_top']), opaque: false, questions: [], links: [] };

  // Question markers: the build's own checks (ids, seeds, aliases), collected instead of stopping at the first.
  try {
    facts.questions = extractQuestions(tree, display);
    for (const q of facts.questions) facts.ids.add(q.id);
    // The short answer (questions.json `summary`, the drill, the flashcards): the paragraph that opens the answer.
    // (A question on another level is reported as such below.)
    for (const q of facts.questions.filter((q) => q.depth === 2)) {
      if (q.summary === null) {
        add(q.line, `question "${q.id}" opens its answer with ${q.opening}, not a paragraph — start the answer with a 2–4 sentence paragraph that answers the question on its own (it is the question's short answer in questions.json, the drill and the flashcards)`);
      } else if ([...q.summary].length > SUMMARY_MAX) {
        add(q.line, `question "${q.id}": the paragraph that opens the answer has ${[...q.summary].length} characters (short answers: at most ${SUMMARY_MAX}) — say the answer in 2–4 sentences and move the detail below it`);
      }
    }
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    const prefix = `${displayPath(display)}${e.line ? `:${e.line}` : ''}: `;
    add(e.line, e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
  }
  for (const sub of subHeadings(tree)) facts.ids.add(sub.id);

  // Headings: a ## is a question (<Q>) or a section (<Section />); <Q> and <Section /> mark only ## headings.
  const slugger = new Slugger();
  const inQuestion = new Set(subHeadings(tree).map((s) => s.node));
  visit(tree, 'heading', (node) => {
    const line = node.position?.start.line;
    const q = markerOf(node, 'Q');
    const section = markerOf(node, 'Section');
    const text = plainText(node).replace(/\s+/g, ' ').trim();
    if (!q && !inQuestion.has(node)) facts.ids.add(slugger.slug(text));
    const hashes = '#'.repeat(node.depth);
    if (q && node.depth !== 2) add(line, `<Q> on a ${hashes} heading: a question is a ## heading — make it ## or remove the <Q> (steps inside a question are ### without a marker)`);
    if (section && node.depth !== 2) add(line, `<Section /> on a ${hashes} heading: it marks ## headings only — remove it (headings below ## need no marker)`);
    if (q && section) add(line, 'a heading carries both <Q> and <Section /> — keep <Q> for a question, <Section /> for an overview section');
    if (section && section.attributes.length) add(line, '<Section /> takes no attributes — write <Section />');
    if (node.depth === 2 && !q && !section) {
      add(line, `## heading "${text}" is neither a question nor a section — end it with <Q id="…" seeds="…" /> (or added) if it is a question, or with <Section /> if it is a section of an overview page`);
    }
  });

  visit(tree, (node, _index, parent) => {
    const line = node.position?.start.line;
    if (node.type === 'code') {
      const lang = node.lang?.toLowerCase();
      const accepted: readonly string[] = FENCE_LANGUAGES;
      if (!lang) add(line, `code fence without a language — name it: ${FENCE_LANGUAGES.join(', ')} (output and plain text: text)`);
      else if (!accepted.includes(lang)) {
        const alias = FENCE_ALIASES[lang];
        add(line, `code fence language "${node.lang}" is not accepted — ${alias ? `write \`\`\`${alias}` : 'use one of'} (accepted: ${FENCE_LANGUAGES.join(', ')})`);
      }
      if (lang === 'mermaid') {
        const statements = node.value.split('\n').filter((l) => l.trim() && !l.trim().startsWith('%%')).length;
        const characters = node.value.length;
        if (statements > DIAGRAM_BUDGET.statements || characters > DIAGRAM_BUDGET.characters) {
          const title = parseMeta(node.meta).title ?? '';
          add(
            line,
            `Mermaid diagram "${title}" is too large: ${statements} statements, ${characters} characters (budget ${DIAGRAM_BUDGET.statements} statements, ${DIAGRAM_BUDGET.characters} characters) — split it into smaller diagrams or link to the details`,
          );
        }
      }
      return;
    }
    if (node.type === 'link' || node.type === 'definition') {
      facts.links.push({ url: node.url, line });
      return;
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      const url = node.type === 'image' ? node.url : undefined;
      if (url !== undefined) checkImage(url, line);
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const name = node.name ?? '';
    if (name === 'Section' && parent?.type !== 'heading') add(line, '<Section /> must stand at the end of a ## heading (## 自测 <Section />)');
    if (/^[A-Z]/.test(name) && name !== 'Q' && name !== 'Section') facts.opaque = true;
    const id = attrString(node, 'id');
    if (id) facts.ids.add(id);
    const lower = name.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(lower)) {
      add(line, `<${name}> is not allowed in content: the site loads and runs nothing from elsewhere — put the file in public/ and link to it, or ask for a component in src/components/`);
      return;
    }
    for (const attr of node.attributes) {
      if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
      const attrName = attr.name.toLowerCase();
      if (attrName === 'href' && !MEDIA_ELEMENTS.has(lower)) facts.links.push({ url: attr.value, line });
      const cssUrl = attrName === 'style' ? /url\(\s*['"]?((?:[a-z][a-z0-9+.-]*:)?\/\/[^'")\s]*)/i.exec(attr.value) : null;
      if (cssUrl) add(line, `external content is not allowed: style="…url(${cssUrl[1]})" on <${name}> would load from a third party — put the file in public/ and write url(/images/…)`);
      if (!MEDIA_ELEMENTS.has(lower) || !FETCHED_ATTRIBUTES.has(attrName)) continue;
      const urls = attrName === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value];
      for (const url of urls) {
        if (isExternal(url)) {
          add(line, `external content is not allowed: <${name} ${attr.name}="${url}"> would load from a third party — put the file in public/ (images: public/images/) and write ${attr.name}="/images/…"`);
        } else if ((lower === 'img' || lower === 'source' || lower === 'video' || lower === 'audio') && attrName !== 'href') {
          checkImage(url, line, true);
        }
      }
    }
  });

  function checkImage(url: string, line: number | undefined, jsx = false): void {
    if (!url || /^data:/i.test(url)) return;
    if (isExternal(url)) {
      add(line, `external content is not allowed: the image "${url}" would load from a third party — put the file in public/images/ and write ![…](/images/…)`);
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return;
    if (url.startsWith('/')) {
      const path = publicPath(url);
      if (!ctx.publicFile(path)) add(line, `image not found: public/${path} — put the file there, or fix the path (${url} is read from public/)`);
      return;
    }
    // Content folders hold pages only (src/lint/names.ts), so a relative image has nothing to point at.
    add(line, `image "${url}" is relative to the page — put the file in public/images/ and write it from the site root: ${jsx ? 'src="/images/…"' : '![…](/images/…)'}`);
  }

  return { problems, facts };
}
