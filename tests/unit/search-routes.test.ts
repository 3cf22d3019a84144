// searchableRoutes (src/search/build-index.ts): the pages Pagefind indexes, in an order that does not depend on the
// file system (Pagefind's output files depend on the order pages are added).
import { describe, expect, it } from 'vitest';
import { searchableRoutes } from '../../src/search/build-index.ts';

describe('searchableRoutes', () => {
  it('keeps content pages only, sorted whatever order the directory listing gave', () => {
    const files = ['troubleshooting/index.html', 'pagefind/pagefind.js', 'architecture/components/index.html', '404.html', 'index.html', '_astro/x/index.html', 'architecture/index.html'];
    const expected = ['architecture/', 'architecture/components/', 'troubleshooting/'];
    expect(searchableRoutes(files)).toEqual(expected);
    expect(searchableRoutes([...files].reverse())).toEqual(expected);
  });
});
