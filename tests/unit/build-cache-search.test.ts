// The search index's build cache key (src/search/build-index.ts searchIndexKey) and the folder cache it uses
// (src/build-cache/store.ts DirCache): any change to what the index is built from must miss.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchIndexKey, type RegistryQuestion } from '../../src/search/build-index.ts';
import { DirCache } from '../../src/build-cache/store.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-search-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (dir: string, rel: string, text: string) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

describe('search index cache key', () => {
  const dist = join(work, 'dist');
  const files = ['index.html', 'architecture/index.html', 'architecture/pods/index.html', '_astro/x.css', '404.html'];
  for (const f of files) write(dist, f, `<h1>${f}</h1>`);
  const registry: RegistryQuestion[] = [{ id: 'pod-what', title: 'Pod 是什么？', topic: 'architecture', url: '/architecture/pods/#pod-what', page: 'Pod', aka: [] }];
  const key = () => searchIndexKey(dist, files, registry, 'code-1');

  it('is stable for the same inputs', () => {
    expect(key()).toBe(key());
  });

  it('changes with a searchable page, the registry, the code or the page list; not with a file the index does not read', () => {
    const before = key();
    write(dist, 'architecture/pods/index.html', '<h1>Pod</h1><p>改过的正文</p>');
    const edited = key();
    expect(edited).not.toBe(before);
    expect(searchIndexKey(dist, files, [{ ...registry[0], aka: ['容器组'] }], 'code-1')).not.toBe(edited);
    expect(searchIndexKey(dist, files, registry, 'code-2')).not.toBe(edited);
    write(dist, 'networking/index.html', '<h1>网络</h1>');
    expect(searchIndexKey(dist, [...files, 'networking/index.html'], registry, 'code-1')).not.toBe(edited);
    write(dist, '_astro/x.css', 'a{}');
    write(dist, '404.html', '<h1>找不到</h1>');
    expect(key()).toBe(edited);
  });
});

describe('folder cache', () => {
  it('restores exactly the folder it saved, with its value, and misses an unknown key', () => {
    const cache = new DirCache<{ n: number }>('search', join(work, 'cache'));
    const src = join(work, 'out', 'pagefind');
    write(src, 'pagefind-entry.json', '{"v":1}');
    write(src, 'index/a.pf_index', 'bytes');
    const key = 'ab'.repeat(32);
    expect(cache.restore(key, join(work, 'dest'))).toBeUndefined();
    cache.save(key, src, { n: 3 });
    const dest = join(work, 'dest', 'pagefind');
    write(dest, 'stale.txt', 'left from an earlier build');
    expect(cache.restore(key, dest)).toEqual({ n: 3 });
    expect(readFileSync(join(dest, 'index', 'a.pf_index'), 'utf8')).toBe('bytes');
    expect(readFileSync(join(dest, 'pagefind-entry.json'), 'utf8')).toBe('{"v":1}');
    expect(existsSync(join(dest, 'stale.txt'))).toBe(false);
    // All but the most recently used entry go, folder and value.
    const other = 'cd'.repeat(32);
    cache.save(other, src, { n: 4 });
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(cache.dir, `${key}.json`), earlier, earlier);
    expect(cache.prune({ maxEntries: 1 })).toBe(1);
    expect(readdirSync(cache.dir).sort()).toEqual([other, `${other}.json`]);
  });
});
