// Helpers for tests on the built site.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function htmlPages(distDir) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(p);
      } else if (name.endsWith('.html')) out.push(relative(distDir, p).split(sep).join('/'));
    }
  };
  walk(distDir);
  return out.sort();
}

/** URL path of a built page, relative to the site root (e.g. "architecture/components/"). */
export function routeOf(htmlRel) {
  return htmlRel === '404.html' ? '404.html' : htmlRel.replace(/index\.html$/, '');
}

export const read = (distDir, rel) => readFileSync(join(distDir, rel), 'utf8');
