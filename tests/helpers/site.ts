// Helpers for tests on the built site.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export function htmlPages(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(sep).join('/'))
    .filter((rel) => rel.endsWith('.html') && !/^(pagefind|_astro)\//.test(rel))
    .sort();
}

/** URL path of a built page, relative to the site root (e.g. "architecture/components/"). */
export function routeOf(htmlRel: string): string {
  return htmlRel === '404.html' ? '404.html' : htmlRel.replace(/index\.html$/, '');
}

export const read = (distDir: string, rel: string): string => readFileSync(join(distDir, rel), 'utf8');
