// Element ids are unique on every built page: fragment links, aria references and the diagrams' url(#…) markers
// all resolve to the first element with an id, so a repeated id silently points at the wrong thing.
import { describe, expect, inject, it } from 'vitest';
import { Parser } from 'htmlparser2';
import { htmlPages, read } from '../helpers/site.ts';

const distDir = inject('distDir');

/** Every `id` attribute of a page, in document order. */
function ids(html: string): string[] {
  const out: string[] = [];
  const parser = new Parser({ onattribute: (name, value) => name === 'id' && out.push(value) }, { decodeEntities: true });
  parser.end(html);
  return out;
}

describe('element ids', () => {
  it.each(htmlPages(distDir))('%s has no duplicate id', (rel) => {
    const all = ids(read(distDir, rel));
    expect(all.length).toBeGreaterThan(0);
    const repeated = [...new Set(all.filter((id, i) => all.indexOf(id) !== i))];
    expect(repeated).toEqual([]);
  });
});
