// Cached MDX compilation. @astrojs/mdx compiles every .mdx file in its Vite transform hook on every build: parse,
// our remark/rehype plugins, Starlight's, Expressive Code (Shiki), the diagram step, then JS generation. That is most
// of a build's time, and for a file whose text did not change it gives the same module again. The hook is wrapped:
// the result (module code, source map, Astro's metadata) is stored under the hash of the build fingerprint
// (./fingerprint.ts), the file's path and its text, and a later build with the same three takes it from there.
import { relative } from 'node:path';
import { FONT_FILE, cachedFontFile } from '../lib/diagram-font.ts';
import { CacheStore, hashOf } from './store.ts';

/** What @astrojs/mdx's transform hook returns for a file. */
export interface MdxTransformResult {
  code: string;
  map: unknown;
  meta?: unknown;
}

type Handler = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;

export interface MdxCacheStats {
  compiled: number;
  cached: number;
}

/** The cache key of an MDX file: the build fingerprint, its path relative to the project root, its text. */
export function mdxKey(fingerprint: string, root: string, id: string, code: string): string {
  return hashOf('mdx', fingerprint, relative(root, id).split('\\').join('/'), code);
}

/**
 * A cached result is used only if the diagram font subsets its page names are still in the font cache (the build
 * copies them from there): otherwise the file is compiled again, which makes them.
 */
function fontsPresent(code: string): boolean {
  return [...code.matchAll(FONT_FILE)].every((m) => cachedFontFile(m[0]) !== undefined);
}

/**
 * Wraps the MDX transform `handler`: a file whose key is in `store` is not compiled; a compiled file's result is
 * stored. `fingerprint()` is read at the first call (the configuration is complete by then). Errors are not cached.
 */
export function cachedMdxTransform(
  handler: Handler,
  opts: { fingerprint: () => string; root: string; store: CacheStore<MdxTransformResult>; stats: MdxCacheStats },
): Handler {
  return async function (this: unknown, code: string, id: string, ...rest: unknown[]) {
    const key = mdxKey(opts.fingerprint(), opts.root, id, code);
    const hit = opts.store.get(key);
    if (hit && typeof hit.code === 'string' && fontsPresent(hit.code)) {
      opts.stats.cached++;
      return hit;
    }
    const result = (await handler.call(this, code, id, ...rest)) as MdxTransformResult | null | undefined;
    opts.stats.compiled++;
    if (result && typeof result.code === 'string') opts.store.set(key, { code: result.code, map: result.map ?? null, meta: result.meta });
    return result;
  };
}
