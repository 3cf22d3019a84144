// Checks every internal link, anchor and asset reference of a built site under its base path.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import type { HtmlRef, LinkCheckResult, LinkProblem } from './types.ts';

/** Where a site path leads: outside the base path, to a file of the build (relative to it), or nowhere. */
type Resolved =
  | { outsideBase: true; rel?: undefined; missing?: undefined }
  | { rel: string; outsideBase?: undefined; missing?: undefined }
  | { missing: true; outsideBase?: undefined; rel?: undefined };

/** Reads ids and references out of one HTML file. */
export function scanHtml(html: string): { ids: Set<string>; refs: HtmlRef[] } {
  const ids = new Set<string>();
  const refs: HtmlRef[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) ids.add(attrs.id);
        if (name === 'a' && attrs.name) ids.add(attrs.name);
        if (name === 'a' && attrs.href != null) refs.push({ kind: 'link', url: attrs.href });
        if (name === 'link' && attrs.href && /stylesheet|icon|preload|sitemap/.test(attrs.rel ?? '')) {
          refs.push({ kind: 'asset', url: attrs.href });
        }
        if ((name === 'script' || name === 'img' || name === 'source' || name === 'iframe') && attrs.src) {
          refs.push({ kind: 'asset', url: attrs.src });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { ids, refs };
}

/**
 * Checks the built site in `distDir`, served under `base`; absolute links to `site` count as internal.
 */
export function checkLinks(distDir: string, { base = '/', site }: { base?: string; site?: string | undefined } = {}): LinkCheckResult {
  const b = base.replace(/\/+$/, '');
  const pages = new Map<string, ReturnType<typeof scanHtml>>();
  // Without an `encoding` option Node returns names as strings (utf8); the overload types allow Buffers too.
  for (const entry of readdirSync(distDir, { recursive: true }) as string[]) {
    if (!entry.endsWith('.html')) continue;
    pages.set(entry.split(sep).join('/'), scanHtml(readFileSync(join(distDir, entry), 'utf8')));
  }
  const siteOrigin = site ? new URL(site).origin : null;
  const problems: LinkProblem[] = [];
  let links = 0;

  const resolveFile = (pathname: string): Resolved => {
    if (!pathname.startsWith(`${b}/`) && pathname !== b) return { outsideBase: true };
    let p = decodeURIComponent(pathname.slice(b.length)).replace(/^\/+/, '');
    const candidates = p === '' || p.endsWith('/') ? [`${p}index.html`] : [p, `${p}/index.html`, `${p}.html`];
    for (const c of candidates) {
      if (existsSync(join(distDir, c)) && statSync(join(distDir, c)).isFile()) return { rel: c };
    }
    return { missing: true };
  };

  for (const [rel, { refs, ids }] of pages) {
    const pageUrl = new URL(`http://kb.local${b}/${rel.replace(/(^|\/)index\.html$/, '$1')}`);
    for (const { kind, url } of refs) {
      if (!url || /^(mailto:|tel:|javascript:|data:)/i.test(url)) continue;
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        problems.push({ page: rel, url, message: `unparsable ${kind} "${url}"` });
        continue;
      }
      const external = target.origin !== 'http://kb.local' && target.origin !== siteOrigin;
      if (external) continue;
      links += 1;
      const resolved = resolveFile(target.pathname);
      if (resolved.outsideBase) {
        problems.push({ page: rel, url, message: `${kind} "${url}" points outside the base path "${base}" (write site links as /topic/page/ — the base is added at build time)` });
        continue;
      }
      if (resolved.missing) {
        problems.push({ page: rel, url, message: `dead ${kind} "${url}" (no such page or file in the build)` });
        continue;
      }
      const hash = decodeURIComponent(target.hash.slice(1));
      if (hash && kind === 'link' && resolved.rel.endsWith('.html')) {
        const targetIds = resolved.rel === rel ? ids : pages.get(resolved.rel)?.ids;
        if (targetIds && !targetIds.has(hash) && hash !== '_top') {
          problems.push({ page: rel, url, target: resolved.rel, message: `dead anchor "${url}" (${resolved.rel} has no element with id="${hash}")` });
        }
      }
    }
  }
  return { pages: pages.size, links, errors: problems.map((p) => `${p.page}: ${p.message}`), problems };
}
