// What a built page weighs, counted from the files (deterministic; timings belong in `npm run bench`): its HTML,
// the CSS and JavaScript it links or inlines (raw and gzipped), and the number of elements in it. Used by the
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
  htmlRaw: number;
  cssRaw: number;
  jsRaw: number;
}

const gz = (b: Buffer | string): number => gzipSync(b).length;

/** Weighs pages of one built site; each linked asset is read and compressed once. */
export function pageWeigher(distDir: string, base: string): (rel: string) => PageWeight {
  const prefix = base.replace(/\/?$/, '/');
  const assets = new Map<string, { raw: number; gzip: number }>();
  const asset = (url: string) => {
    let size = assets.get(url);
    if (!size) {
      const file = join(distDir, url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//, ''));
      const buf = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
      assets.set(url, (size = { raw: buf.length, gzip: gz(buf) }));
    }
    return size;
  };
  return (rel) => {
    const html = readFileSync(join(distDir, rel), 'utf8');
    let elements = 0;
    let inScript = false;
    let inline = '';
    const css: string[] = [];
    const js: string[] = [];
    const parser = new Parser({
      onopentag(name, a) {
        elements++;
        if (name === 'link' && a.rel === 'stylesheet' && a.href) css.push(a.href);
        if (name === 'script') {
          if (a.src) js.push(a.src);
          else inScript = true;
        }
      },
      ontext(t) {
        if (inScript) inline += t;
      },
      onclosetag(name) {
        if (name === 'script') inScript = false;
      },
    });
    parser.write(html);
    parser.end();
    const sum = (urls: string[], k: 'raw' | 'gzip') => urls.reduce((s, u) => s + asset(u)[k], 0);
    return {
      htmlRaw: Buffer.byteLength(html),
      htmlGzip: gz(html),
      elements,
      cssRaw: sum(css, 'raw'),
      cssGzip: sum(css, 'gzip'),
      jsRaw: sum(js, 'raw') + Buffer.byteLength(inline),
      jsGzip: sum(js, 'gzip') + (inline ? gz(inline) : 0),
    };
  };
}
