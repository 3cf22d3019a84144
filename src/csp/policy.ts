// The Content-Security-Policy every built page carries in a <meta http-equiv>: only the site's own origin, and
// inline scripts only by the sha256 hash of their exact text (computed from the built HTML, so it always matches).
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import type { PageCsp } from '../lib/types.ts';

/**
 * Directives apart from the inline-script hashes. No third-party origin anywhere.
 * - script-src 'wasm-unsafe-eval': Pagefind runs its WebAssembly core in a same-origin Worker (pagefind-worker.js,
 *   governed by its own response's policy, not this one), but falls back to the page's main thread where a Worker
 *   is unavailable or fails; compiling WebAssembly there needs this source. It allows WebAssembly only, no JS eval.
 * - style-src 'unsafe-inline': Starlight, Expressive Code and the diagrams use style attributes and inline <style>
 *   (per-element `style=""` cannot be allowed by hash without 'unsafe-hashes'); a style cannot run code, and every
 *   fetch a style could trigger is still limited to 'self' by img-src and font-src.
 * - img-src data:: Starlight's and Expressive Code's CSS draw icons as data: SVG.
 * frame-ancestors, report-uri and sandbox are ignored in a <meta> policy; GitHub Pages sets no headers, so clickjacking
 * protection would need a host that can send `Content-Security-Policy: frame-ancestors 'none'` as a header.
 */
export const BASE_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/** The CSP source expression of a script's text: what a browser computes for an inline <script> (CRLF → LF first). */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

/** The policy string for a page whose inline scripts hash to `hashes` (kept in first-seen order, without repeats). */
export function policyFor(hashes: readonly string[]): string {
  return BASE_DIRECTIVES.map(([name, sources]) =>
    [name, ...sources, ...(name === 'script-src' ? [...new Set(hashes)] : [])].join(' '),
  ).join('; ');
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Adds (or replaces) the CSP <meta> of one HTML page. It goes right after `<meta charset>` when that opens the head
 * (the charset must stay within the first 1,024 bytes), else first in <head>; nothing before it loads anything.
 * Inline event handlers (`onclick="…"`) and `javascript:` URLs cannot be allowed by a hash: they are reported as
 * problems instead of silently breaking under the policy.
 */
export function applyCsp(html: string): PageCsp {
  const hashes: string[] = [];
  const problems: string[] = [];
  let insertAt = -1;
  let headOpen = false;
  let firstInHead = true;
  let scriptBodyStart = -1;
  let existing: [number, number] | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const end = parser.endIndex + 1;
        if (name === 'head' && insertAt < 0) {
          headOpen = true;
          insertAt = end;
          return;
        }
        if (headOpen && firstInHead) {
          firstInHead = false;
          if (name === 'meta' && 'charset' in attribs) insertAt = end;
        }
        if (name === 'meta' && attribs['http-equiv']?.toLowerCase() === 'content-security-policy') {
          existing = [parser.startIndex, end];
        }
        if (name === 'script' && !('src' in attribs)) scriptBodyStart = end;
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) problems.push(`inline event handler <${name} ${attr}="${value.slice(0, 40)}">: attach it from a script instead`);
          else if (/^(href|src|action|formaction|xlink:href)$/i.test(attr) && /^\s*javascript:/i.test(value)) {
            problems.push(`javascript: URL in <${name} ${attr}>: use a button with a script instead`);
          }
        }
      },
      onclosetag(name) {
        if (name === 'head') headOpen = false;
        if (name === 'script' && scriptBodyStart >= 0) {
          hashes.push(scriptHash(html.slice(scriptBodyStart, parser.startIndex)));
          scriptBodyStart = -1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (insertAt < 0) {
    problems.push('no <head> to put the Content-Security-Policy <meta> in');
    return { html, hashes, problems };
  }
  const policy = policyFor(hashes);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy)}">`;
  let out = html;
  if (existing) out = out.slice(0, existing[0]) + out.slice(existing[1]);
  const at = existing && existing[1] <= insertAt ? insertAt - (existing[1] - existing[0]) : insertAt;
  out = out.slice(0, at) + meta + out.slice(at);
  return { html: out, hashes: [...new Set(hashes)], problems, policy };
}
