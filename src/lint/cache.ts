// The content lint's per-file cache: parsing an MDX file and running the page checks on it (./lint.ts checkFile) is
// most of the lint's time, and gives the same result for the same file text in the same surroundings. Results are
// stored in the build cache (src/build-cache/) under the hash of the code's fingerprint, the list of files in
// public/ (image checks look there), the file's path and its text. Site-wide checks (links between pages, question
// ids) always run, on the cached facts.
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { CacheStore, hashOf } from '../build-cache/store.ts';
import type { LintFile } from '../lib/types.ts';
import type { FileCheck, FileCheckCache } from './lint.ts';
import type { PageFacts } from './page.ts';

/** A FileCheck as stored (JSON: the id set as an array). */
type StoredCheck = { syntax: { line: number | null; message: string } } | { problems: Array<{ line: number | null; message: string }>; facts: Omit<PageFacts, 'ids'> & { ids: string[] } };

/** Hash of the names of every file under `publicDir` (what `publicFile` can answer yes to). */
export function publicDigest(publicDir: string): string {
  let names: string[] = [];
  try {
    names = (readdirSync(publicDir, { recursive: true }) as string[]).map((f) => f.split(sep).join('/')).sort();
  } catch {
    // No public folder: no file there.
  }
  return hashOf('public', ...names);
}

/** The cache key of one file's checks. */
export function fileCheckKey(codeFingerprint: string, publicKey: string, file: LintFile): string {
  return hashOf('lint', codeFingerprint, publicKey, file.rel, file.display, file.source);
}

// JSON has no `undefined`: lines are stored as null and read back as undefined.
const line = (l: number | null | undefined): number | undefined => (l === null ? undefined : l);

export function fileCheckCache(opts: { codeFingerprint: string; publicDir: string; store?: CacheStore<StoredCheck> }): FileCheckCache & { hits: number; misses: number } {
  const store = opts.store ?? new CacheStore<StoredCheck>('lint');
  const publicKey = publicDigest(opts.publicDir);
  const cache = {
    hits: 0,
    misses: 0,
    get(file: LintFile): FileCheck | undefined {
      const stored = store.get(fileCheckKey(opts.codeFingerprint, publicKey, file));
      if (!stored) {
        cache.misses++;
        return undefined;
      }
      cache.hits++;
      if ('syntax' in stored) return { syntax: { line: line(stored.syntax.line), message: stored.syntax.message } };
      return {
        problems: stored.problems.map((p) => ({ line: line(p.line), message: p.message })),
        facts: {
          ...stored.facts,
          ids: new Set(stored.facts.ids),
          questions: stored.facts.questions.map((q) => ({ ...q, line: line(q.line as number | null | undefined) })),
          links: stored.facts.links.map((l) => ({ url: l.url, line: line(l.line as number | null | undefined) })),
        },
      };
    },
    set(file: LintFile, result: FileCheck): void {
      const stored: StoredCheck =
        'syntax' in result
          ? { syntax: { line: result.syntax.line ?? null, message: result.syntax.message } }
          : {
              problems: result.problems.map((p) => ({ line: p.line ?? null, message: p.message })),
              facts: { ...result.facts, ids: [...result.facts.ids] },
            };
      store.set(fileCheckKey(opts.codeFingerprint, publicKey, file), stored);
    },
  };
  return cache;
}
