// File-name checks: only .mdx pages, in a topic folder, with an English kebab-case name that no other file
// shares once Astro slugifies it.
import { slug as githubSlug } from 'github-slugger';
import type { LintFile } from '../lib/types.ts';

/** A content file name (without `.mdx`): English kebab-case, as the page's URL. */
export const KEBAB_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Pages that may stand at the top of the content folder, outside any topic. */
export const ROOT_PAGES = ['index.mdx', '404.mdx'];

/** The page slug Astro's glob loader gives a content file: each folder and the name slugified, `/index` dropped. */
export function pageSlug(rel: string): string {
  return rel
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/(^|\/)index$/, '');
}

/** A kebab-case name for `name` when it is made of ASCII letters and digits; undefined when it is not (Chinese). */
export function suggestKebab(name: string): string | undefined {
  if (/[^\x20-\x7e]/.test(name)) return undefined;
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab || undefined;
}

/** A problem with one file's path (no line: it is about the file as a whole). */
export interface PathProblem {
  file: LintFile;
  message: string;
}

/** Checks one file's extension, folder and name. */
export function checkPath(file: LintFile, topicIds: readonly string[]): PathProblem[] {
  const problems: PathProblem[] = [];
  const parts = file.rel.split('/');
  const name = parts.at(-1) ?? file.rel;
  const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
  const stem = ext ? name.slice(0, -ext.length) : name;
  const kebab = KEBAB_NAME.test(stem) ? stem : (suggestKebab(stem) ?? '<english-kebab-name>');
  if (ext === '.md') {
    problems.push({ file, message: `a page saved as .md is read as plain Markdown (<Q> becomes an HTML <q> and its question is lost) — rename it to ${kebab}.mdx` });
  } else if (ext !== '.mdx') {
    problems.push({ file, message: `only .mdx pages belong in the content folder — move this file to public/ (images: public/images/, written as /images/…) or rename it to ${kebab}.mdx if it is a page` });
    return problems;
  }
  if (parts.length === 1 && !ROOT_PAGES.includes(name)) {
    problems.push({ file, message: `a page outside any topic folder is in no sidebar group — move it into a topic folder (${topicIds.slice(0, 3).join(', ')}, … see src/topics.ts)` });
  } else if (parts.length > 1 && !topicIds.includes(parts[0])) {
    const guess = topicIds.find((t) => githubSlug(parts[0]) === t);
    problems.push({
      file,
      message: `folder "${parts[0]}" is not a topic, so the page is in no sidebar group — add the topic to src/topics.ts or move the file into one of its topic folders${guess ? ` (did you mean ${guess}/?)` : ''}`,
    });
  }
  if (!KEBAB_NAME.test(stem)) {
    const suggestion = suggestKebab(stem);
    problems.push({
      file,
      message: suggestion
        ? `file name "${name}" is not kebab-case (the name is the page's URL) — rename to ${suggestion}.mdx`
        : `file name "${name}" is not English kebab-case (the name is the page's URL; non-ASCII names become unreadable %-escapes) — rename to an English kebab-case name, e.g. pod-status.mdx`,
    });
  }
  return problems;
}

/** Files whose names Astro turns into the same page slug: all but one would be dropped from the site. */
export function slugCollisions(files: readonly LintFile[]): PathProblem[] {
  const bySlug = new Map<string, LintFile[]>();
  for (const f of files) {
    if (!/\.mdx?$/.test(f.rel)) continue;
    const s = pageSlug(f.rel);
    bySlug.set(s, [...(bySlug.get(s) ?? []), f]);
  }
  const problems: PathProblem[] = [];
  for (const [s, group] of bySlug) {
    if (group.length < 2) continue;
    for (const f of group) {
      const others = group.filter((g) => g !== f).map((g) => g.display).join(' and ');
      problems.push({ file: f, message: `page URL /${s}/ is also produced by ${others}; only one of them would be built — rename or merge one of them` });
    }
  }
  return problems;
}
