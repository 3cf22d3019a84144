// What a built page weighs, counted from the files (deterministic; timings belong in `npm run bench`): its HTML
// gzipped, the number of elements in it, and the CSS and JavaScript it links, gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

export interface PageWeight {
  htmlGzip: number;
  elements: number;
  cssGzip: number;
  jsGzip: number;
}

const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).length;

/** `rel` is the page's file under `distDir`; asset URLs carry `base`. */
export function pageWeight(distDir: string, rel: string, base: string): PageWeight {
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
  const prefix = base.replace(/\/?$/, '/');
  const file = (url: string) => join(distDir, url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//, ''));
  return {
    htmlGzip: gz(html),
    elements,
    cssGzip: css.reduce((s, u) => s + gz(readFileSync(file(u))), 0),
    jsGzip: js.reduce((s, u) => s + gz(readFileSync(file(u))), 0) + (inline ? gz(inline) : 0),
  };
}
