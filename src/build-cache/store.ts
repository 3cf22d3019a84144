// The build cache: results of build steps whose inputs did not change since an earlier build, stored on disk under
// the hash of those inputs. It lives beside the diagram cache (KB_MERMAID_CACHE, default
// node_modules/.cache/k8s-kb-mermaid), so that clearing that folder clears every cached step at once, and a build that
// points KB_MERMAID_CACHE elsewhere (the bench's cold builds, the fixture builds of the tests) starts from nothing.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cacheRoot } from '../lib/cache-root.ts';
export { cacheRoot };

/** sha256 (hex) of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
export function hashOf(...parts: Array<string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${bytes.length}:`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** One kind of cached result (`mdx`, `search`), as files `<root>/<kind>/<key>.json`. */
export class CacheStore<T> {
  readonly dir: string;
  constructor(kind: string, root: string = cacheRoot()) {
    this.dir = join(root, kind);
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{16,64}$/.test(key)) throw new Error(`build cache: "${key}" is not a hex key`);
    return join(this.dir, `${key}.json`);
  }

  /** The value stored under `key`, or undefined (absent or unreadable: a miss, never an error). */
  get(key: string): T | undefined {
    const file = this.file(key);
    try {
      const value = JSON.parse(readFileSync(file, 'utf8')) as T;
      // Touched when used: pruning removes what no recent build used.
      const now = new Date();
      utimesSync(file, now, now);
      return value;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` under `key`; written aside and renamed, so a build running at the same time never reads half a file. */
  set(key: string, value: T): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, this.file(key));
  }

  /**
   * Removes entries no build used for `days` days, then the least recently used ones while the rest weigh more than
   * `maxBytes`, and temporary files older than an hour (a build that died while writing). Returns how many.
   */
  prune({ days = 7, maxBytes = 256 * 1024 * 1024 }: { days?: number; maxBytes?: number } = {}): number {
    return pruneEntries(this.dir, { days, maxBytes, isEntry: (name) => name.endsWith('.json'), size: (file) => statSync(file).size });
  }
}

/** Removes the entries of a cache folder that are stale or, by last use (mtime, newest kept), over the limits. */
function pruneEntries(
  dir: string,
  opts: { days: number; maxBytes?: number; maxEntries?: number; isEntry: (name: string) => boolean; size?: (file: string) => number; companions?: (name: string) => string[] },
): number {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  const now = Date.now();
  const entries: Array<{ name: string; used: number; bytes: number }> = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const st = statSync(file);
      if (name.endsWith('.tmp')) {
        if (st.mtimeMs < now - 3_600_000) rmSync(file, { recursive: true, force: true });
      } else if (opts.isEntry(name)) entries.push({ name, used: st.mtimeMs, bytes: opts.size ? opts.size(file) : 0 });
    } catch {
      // Removed by another build meanwhile.
    }
  }
  entries.sort((a, b) => b.used - a.used);
  let bytes = 0;
  let removed = 0;
  entries.forEach((e, i) => {
    bytes += e.bytes;
    const stale = e.used < now - opts.days * 86_400_000;
    const over = (opts.maxBytes !== undefined && bytes > opts.maxBytes) || (opts.maxEntries !== undefined && i >= opts.maxEntries);
    if (!stale && !over) return;
    for (const n of [e.name, ...(opts.companions?.(e.name) ?? [])]) rmSync(join(dir, n), { recursive: true, force: true });
    removed++;
  });
  return removed;
}

/**
 * A cached folder of output files (`<root>/<kind>/<key>/`) with a small JSON value beside it (`<key>.json`, written
 * last: an entry exists only when both do).
 */
export class DirCache<T> {
  readonly dir: string;
  private readonly values: CacheStore<T>;
  constructor(kind: string, root: string = cacheRoot()) {
    this.values = new CacheStore<T>(kind, root);
    this.dir = this.values.dir;
  }

  /** Copies the folder stored under `key` to `dest` (replacing it) and returns its value; undefined on a miss. */
  restore(key: string, dest: string): T | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    const src = join(this.dir, key);
    try {
      rmSync(dest, { recursive: true, force: true });
      cpSync(src, dest, { recursive: true });
      const now = new Date();
      utimesSync(src, now, now);
      return value;
    } catch {
      rmSync(dest, { recursive: true, force: true });
      return undefined;
    }
  }

  /** Stores a copy of the folder `src` and `value` under `key`. */
  save(key: string, src: string, value: T): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    cpSync(src, tmp, { recursive: true });
    const target = join(this.dir, key);
    rmSync(target, { recursive: true, force: true });
    try {
      renameSync(tmp, target);
    } catch {
      // Another build stored the same key meanwhile: same inputs, same files.
      rmSync(tmp, { recursive: true, force: true });
    }
    this.values.set(key, value);
  }

  /** Removes entries (folder and value) no build used for `days` days, and all but the `maxEntries` most recently used. */
  prune({ days = 7, maxEntries = 8 }: { days?: number; maxEntries?: number } = {}): number {
    return pruneEntries(this.dir, { days, maxEntries, isEntry: (name) => name.endsWith('.json'), companions: (name) => [name.replace(/\.json$/, '')] });
  }
}
