// What a built page weighs, counted from the files (deterministic; timings belong in `npm run bench`): its HTML,
// the CSS and JavaScript it links or inlines (raw and gzipped; a module with the modules it imports statically), the font files its text can use, and the number of
// elements in it (all of them, and those in <body> as Lighthouse counts them). Used by the
// budget test (tests/site/budgets.test.ts) and the bench (scripts/bench.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/** The figures a page kind is budgeted on. */
export interface PageBudget {
  htmlGzip: number;
  elements: number;
  cssGzip: number;
  jsGzip: number;
}

export interface PageWeight extends PageBudget {
  /** Elements inside <body> (not counting it, nor a <template>'s content): the figure Lighthouse's `dom-size` reports. */
  bodyElements: number;
  /** Bytes of the font files named by @font-face rules (inline or linked CSS) whose unicode-range the page's text uses. */
  fontBytes: number;
  htmlRaw: number;
  cssRaw: number;
  jsRaw: number;
}

const gz = (b: Buffer | string): number => gzipSync(b).length;

/** One @font-face rule: its family, the URL of its first source, and the code points it covers (undefined: all). */
export interface FontFaceRule {
  family: string;
  url: string;
  codePoints: Set<number> | undefined;
}

/** `U+20,U+28-29` → the code points it lists. */
export function rangeCodePoints(range: string): number[] {
  return range.split(',').flatMap((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
    return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
  });
}

/** The @font-face rules of a stylesheet. */
export function fontFaceRules(css: string): FontFaceRule[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap((m) => {
    const url = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(m[1])?.[1];
    const family = /font-family:\s*["']?([^"';]+)["']?/.exec(m[1])?.[1] ?? '';
    const range = /unicode-range:\s*([^;}]+)/.exec(m[1])?.[1];
    return url ? [{ family, url, codePoints: range ? new Set(rangeCodePoints(range)) : undefined }] : [];
  });
}

/** Weighs pages of one built site; each linked asset is read and compressed once. */
export function pageWeigher(distDir: string, base: string): (rel: string) => PageWeight {
  const prefix = base.replace(/\/?$/, '/');
  const assets = new Map<string, { raw: number; gzip: number }>();
  const fileOf = (url: string) => join(distDir, url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//, ''));
  const asset = (url: string) => {
    let size = assets.get(url);
    if (!size) {
      const file = fileOf(url);
      const buf = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
      // Fonts (WOFF2) are compressed already and served as they are.
      assets.set(url, (size = { raw: buf.length, gzip: /\.woff2?$/.test(url) ? buf.length : gz(buf) }));
    }
    return size;
  };
  const cssText = new Map<string, string>();
  const stylesheet = (url: string) => {
    let text = cssText.get(url);
    if (text === undefined) {
      const file = fileOf(url);
      cssText.set(url, (text = existsSync(file) ? readFileSync(file, 'utf8') : ''));
    }
    return text;
  };
  return (rel) => {
    const html = readFileSync(join(distDir, rel), 'utf8');
    let elements = 0;
    let bodyElements = 0;
    let inBody = false;
    let inTemplate = 0;
    let inScript = false;
    let inStyle = false;
    let inline = '';
    let styles = '';
    const text = new Set<number>();
    const css: string[] = [];
    const js: string[] = [];
    const parser = new Parser({
      onopentag(name, a) {
        elements++;
        if (name === 'body') inBody = true;
        else if (inBody && !inTemplate) bodyElements++;
        if (name === 'template') inTemplate++;
        if (name === 'link' && a.rel === 'stylesheet' && a.href) css.push(a.href);
        if (name === 'script') {
          if (a.src) js.push(a.src);
          else inScript = true;
        }
        if (name === 'style') inStyle = true;
      },
      ontext(t) {
        if (inScript) inline += t;
        else if (inStyle) styles += t;
        else for (const c of t) text.add(c.codePointAt(0) ?? 0);
      },
      onclosetag(name) {
        if (name === 'template') inTemplate--;
        if (name === 'body') inBody = false;
        if (name === 'script') inScript = false;
        if (name === 'style') inStyle = false;
      },
    });
    parser.write(html);
    parser.end();
    const sum = (urls: string[], k: 'raw' | 'gzip') => urls.reduce((s, u) => s + asset(u)[k], 0);
    // A module script costs what it imports statically too (shared chunks); dynamic import() loads on demand.
    const scripts = new Set<string>();
    const follow = (url: string) => {
      if (scripts.has(url)) return;
      scripts.add(url);
      const file = fileOf(url);
      const code = existsSync(file) ? readFileSync(file, 'utf8') : '';
      for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${}\s,*]+from\s*)?["']([^"']+)["']/g)) {
        follow(new URL(m[1]!, `http://site${url}`).pathname);
      }
    };
    for (const u of js) follow(u);
    // A font counts when the page has text in its unicode-range (the browser fetches it only then).
    // (URLs in a linked stylesheet are relative to it; inline ones to the page, whose own URL the file path lacks.)
    const rules = [
      ...fontFaceRules(styles),
      ...css.flatMap((u) => fontFaceRules(stylesheet(u)).map((r) => ({ ...r, url: new URL(r.url, `http://site${u}`).pathname }))),
    ];
    const fonts = new Set(rules.filter((r) => !r.codePoints || [...text].some((p) => r.codePoints?.has(p))).map((r) => r.url));
    return {
      htmlRaw: Buffer.byteLength(html),
      htmlGzip: gz(html),
      elements,
      bodyElements,
      cssRaw: sum(css, 'raw'),
      cssGzip: sum(css, 'gzip'),
      jsRaw: sum([...scripts], 'raw') + Buffer.byteLength(inline),
      jsGzip: sum([...scripts], 'gzip') + (inline ? gz(inline) : 0),
      fontBytes: sum([...fonts], 'raw'),
    };
  };
}
