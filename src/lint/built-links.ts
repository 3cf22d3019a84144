// The built-site link check (src/lib/link-check.ts) sees what the source lint cannot (ids and links that
// components add, frontmatter links such as hero actions). Its findings name a built `index.html` and a URL with
// the base path; this maps them back to the content file, the line where the author wrote the link, and the link
// as written.
import type { LinkProblem, LintFile } from '../lib/types.ts';
import { pageSlug } from './names.ts';

/** The slug of a built page (`architecture/components/index.html` → `architecture/components`). */
const builtSlug = (page: string): string => page.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '').replace(/\/+$/, '');

/** `/k8s-kb/etcd/#raft` → `/etcd/#raft`: the URL as the author wrote it (the base is added by the build). */
export function withoutBase(url: string, base: string): string {
  const b = base.replace(/\/+$/, '');
  return b && (url === b || url.startsWith(`${b}/`)) ? url.slice(b.length) || '/' : url;
}

/** One line per problem: `<content file>:<line>: <message with the URL as written>`, or the built page when no source is known. */
export function sourceMessages(problems: readonly LinkProblem[], files: readonly LintFile[], base: string): string[] {
  const bySlug = new Map<string, LintFile>();
  for (const f of files) if (/\.mdx$/.test(f.rel) && !bySlug.has(pageSlug(f.rel))) bySlug.set(pageSlug(f.rel), f);
  return problems.map((p) => {
    const written = withoutBase(p.url, base);
    const file = bySlug.get(builtSlug(p.page));
    let message = p.message.replaceAll(`"${p.url}"`, `"${written}"`);
    if (p.target) {
      const target = bySlug.get(builtSlug(p.target));
      message = message.replace(`(${p.target} has`, `(${target ? target.display : `the built page /${builtSlug(p.target)}/`} has`);
      message += ' — link to a question id or a heading that exists (ids added by components count)';
    }
    if (!file) return `${p.page}: ${message}`;
    // The line where the author wrote it, as a markdown link, an href or a frontmatter link (hero actions).
    const lines = file.source.split(/\r?\n/);
    const esc = (u: string) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const writtenAt = new RegExp(`(?:\\]\\(|href=["']|link:\\s*["']?)(?:${esc(written)}|${esc(p.url)})(?=[\\s)"'#]|$)`);
    const at = lines.findIndex((l) => writtenAt.test(l)) + 1;
    return `${file.display}${at ? `:${at}` : ''}: ${message}${at ? '' : ` (on the built page ${p.page}: not written in the source, check the components it uses)`}`;
  });
}
