// The content lint: reads every file of the content folder before anything is built, collects every mistake
// (file names, frontmatter, MDX syntax, headings, code fences, diagrams, external content, images, links) and
// reports them together as `<file>:<line>: <what is wrong> — <what to do>`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkSiteQuestions, displayPath } from '../lib/content-error.ts';
import { parseMdx } from '../lib/content-scan.ts';
import remarkBaseline from '../plugins/remark-baseline.ts';
import type { LintFile, LintProblem } from '../lib/types.ts';
import { checkFrontmatter, closest } from './frontmatter.ts';
import { mdxErrorProblem } from './mdx-error.ts';
import { checkPath, pageSlug, slugCollisions } from './names.ts';
import { checkPage, isExternal } from './page.ts';
import type { PageContext, PageFacts } from './page.ts';
import type { FileProblem } from './frontmatter.ts';

/** What the lint needs to know besides the files. */
export interface LintContext extends PageContext {
  /** Topic ids (src/topics.ts): the folders pages may live in. */
  topicIds: readonly string[];
  /** The site's base path (`/k8s-kb`); links that include it are reported. */
  base?: string | undefined;
  /** Site paths that are not content pages (`questions.json` from src/pages), without leading slash. */
  routes?: readonly string[] | undefined;
  /** Per-file results of earlier runs (./cache.ts); without it every file is parsed and checked. */
  pageCache?: FileCheckCache | undefined;
}

/** Every file under `dir` (any extension) except templates and hidden files (names starting with _ or .). */
export function readContentFiles(dir: string): LintFile[] {
  const files: LintFile[] = [];
  // Without an `encoding` option Node returns names as strings (utf8); the overload types allow Buffers too.
  for (const entry of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const rel = entry.split(sep).join('/');
    if (rel.split('/').some((p) => p.startsWith('_') || p.startsWith('.'))) continue;
    const path = join(dir, entry);
    if (!statSync(path).isFile()) continue;
    const binary = !/\.(mdx?|markdown|txt|html?)$/i.test(entry);
    files.push({ rel, display: displayPath(path), source: binary ? '' : readFileSync(path, 'utf8') });
  }
  return files;
}

/** Splits a site link into its page path (no leading or trailing slash) and anchor; undefined for external links. */
function splitLink(url: string): { path: string; hash: string } | undefined {
  try {
    const u = new URL(url, 'http://kb.local/');
    if (u.origin !== 'http://kb.local') return undefined;
    return { path: decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, ''), hash: decodeURIComponent(u.hash.slice(1)) };
  } catch {
    return undefined;
  }
}

/** What the checks of one MDX file found: its MDX syntax error, or its problems and facts (./page.ts). */
export type FileCheck = { syntax: FileProblem } | { problems: FileProblem[]; facts: PageFacts };

/**
 * Results of `checkFile` kept between builds (./cache.ts): `get` answers only for a file whose text, path and
 * surroundings (the code, the public folder) are those it was checked with.
 */
export interface FileCheckCache {
  get(file: LintFile): FileCheck | undefined;
  set(file: LintFile, result: FileCheck): void;
}

/** Parses one MDX file and runs the page checks on it: the expensive part of the lint, and per file. */
export function checkFile(file: LintFile, ctx: PageContext): FileCheck {
  let tree;
  try {
    tree = parseMdx(file.source);
  } catch (e) {
    return { syntax: mdxErrorProblem(e, file.source) };
  }
  // As in the build: `{K8S}` becomes the baseline release before heading ids are made from the text.
  remarkBaseline()(tree);
  return checkPage(tree, file.display, ctx);
}

/** Lints the given files (in memory); problems sorted by file and line. */
export function lintFiles(files: readonly LintFile[], ctx: LintContext): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (file: LintFile, line: number | undefined, message: string) => problems.push({ file: file.display, line, message });
  for (const p of slugCollisions(files)) add(p.file, undefined, p.message);
  const pages = new Map<string, { file: LintFile; facts: PageFacts }>();
  const written: Array<{ file: LintFile; facts: PageFacts }> = [];
  for (const file of files) {
    for (const p of checkPath(file, ctx.topicIds)) add(file, undefined, p.message);
    if (!/\.mdx?$/.test(file.rel)) continue;
    const frontmatter = checkFrontmatter(file.source);
    for (const p of frontmatter.problems) add(file, p.line, p.message);
    // Without its --- lines the frontmatter reads as body text: one clear message rather than follow-on ones.
    if (frontmatter.unframed) continue;
    let checked = ctx.pageCache?.get(file);
    if (!checked) {
      checked = checkFile(file, ctx);
      ctx.pageCache?.set(file, checked);
    }
    if ('syntax' in checked) {
      add(file, checked.syntax.line, checked.syntax.message);
      continue;
    }
    const { problems: pageProblems } = checked;
    // A copy: the twin merge below adds to it, and a cached result must stay as the file gave it.
    const facts: PageFacts = { ...checked.facts, ids: new Set(checked.facts.ids) };
    for (const p of pageProblems) add(file, p.line, p.message);
    const slug = pageSlug(file.rel);
    // Two files with one slug (reported above): links to either one's ids are not reported again.
    const twin = pages.get(slug);
    if (twin) {
      for (const id of facts.ids) twin.facts.ids.add(id);
      twin.facts.opaque ||= facts.opaque;
    } else pages.set(slug, { file, facts: { ...facts, ids: new Set(facts.ids) } });
    written.push({ file, facts });
  }

  // Question ids unique site-wide, each source question answered once (the message names both places).
  const entries = written.flatMap(({ file, facts }) => facts.questions.map((q) => ({ ...q, file: file.display })));
  for (const message of checkSiteQuestions(entries)) {
    // `… : <first file>:<line> and <second file>:<line>`: reported at the second place.
    const second = / and (\S+):(\d+)/.exec(message);
    const owner = entries.find((e) => second && e.file === second[1] && String(e.line) === second[2]);
    const text = message.startsWith('duplicate')
      ? `${message} — give one of them another id`
      : message.replace(/ \((.*)\)$/, ' — $1');
    problems.push({ file: owner?.file ?? entries[0]?.file ?? '', line: owner?.line, message: text });
  }

  // Links, checked from the source: the page and anchor as the author wrote them.
  const base = (ctx.base ?? '/').replace(/\/+$/, '');
  const routes = new Set(ctx.routes ?? []);
  for (const { file, facts } of written) {
    const self = pageSlug(file.rel);
    for (const { url, line } of facts.links) {
      if (!url || isExternal(url) || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
      if (!url.startsWith('/') && !url.startsWith('#')) {
        add(file, line, `relative link "${url}" — write site links from the site root: /topic/page/#anchor`);
        continue;
      }
      if (base && (url === base || url.startsWith(`${base}/`))) {
        add(file, line, `link "${url}" includes the base path ${base} — write it from the site root (${url.slice(base.length) || '/'}); the base is added at build time`);
        continue;
      }
      if (/\.mdx?(#|$)/.test(url)) {
        add(file, line, `link "${url}" points at a source file — link to the page: /${pageSlug(url.replace(/^\/+|#.*$/g, '').replace(/^content\/docs\//, ''))}/`);
        continue;
      }
      const target = splitLink(url);
      if (!target) continue;
      const path = url.startsWith('#') ? self : target.path;
      const page = pages.get(path);
      if (!page) {
        if (routes.has(path) || ctx.publicFile(path)) continue;
        const guess = closest(path, [...pages.keys()], 2);
        add(file, line, `dead link "${url}": no page /${path}/ — fix the path${guess !== undefined ? ` (did you mean /${guess}${guess ? '/' : ''}?)` : ''}; pages are /<topic>/<file name>/`);
        continue;
      }
      if (!target.hash || page.facts.ids.has(target.hash) || page.facts.opaque) continue;
      const guess = closest(target.hash, [...page.facts.ids]);
      add(
        file,
        line,
        `dead anchor "${url}": ${page.file.display} has no question or heading with id "${target.hash}" — ${guess ? `did you mean #${guess}? ` : ''}link to a question id (<Q id="…">) or a heading on that page`,
      );
    }
  }
  return problems.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/** Where the lint finds the project's files. */
export interface LintContentOptions {
  /** The content folder (`content/docs`, or a fixture site's folder). */
  contentDir: string;
  /** The folder served from the site root (`public`). */
  publicDir: string;
  /** Astro's own pages (`src/pages`): their routes are valid link targets. */
  pagesDir?: string | undefined;
  topicIds: readonly string[];
  base?: string | undefined;
  /** Per-file results of earlier runs (./cache.ts). */
  cache?: FileCheckCache | undefined;
}

/** Reads and lints a content folder. */
export function lintContent({ contentDir, publicDir, pagesDir, topicIds, base, cache }: LintContentOptions): LintProblem[] {
  const routes = pagesDir && existsSync(pagesDir)
    ? (readdirSync(pagesDir, { recursive: true }) as string[]).map((f) => f.split(sep).join('/').replace(/\.(ts|js|astro|md|mdx)$/, '').replace(/(^|\/)index$/, ''))
    : [];
  const publicFile = (path: string): boolean => {
    const full = join(publicDir, path);
    return !relative(publicDir, full).startsWith('..') && existsSync(full) && statSync(full).isFile();
  };
  return lintFiles(readContentFiles(contentDir), { topicIds, base, routes, publicFile, pageCache: cache });
}

/** One line per problem: `<file>:<line>: <message>`. */
export function formatProblem(p: LintProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

/** The whole report: a heading with the count, then one line per problem. */
export function formatReport(problems: readonly LintProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} content mistake(s) in ${files} file(s) — the site is not built until they are fixed:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
}
