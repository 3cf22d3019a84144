// What every cached build step depends on besides its own input: the code that produces it (our sources, the
// configuration files, every dependency's exact version through the lockfile, the data the plugins read), the Node
// version, and the resolved configuration (base, site, markdown processor and its plugins' options, functions by
// their source). A change to any of these invalidates every entry made before it: coarse, but never stale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { hashOf } from './store.ts';

/** Files and folders, relative to the project root, whose content is part of the fingerprint. */
export const FINGERPRINT_PATHS = ['src', 'data', 'astro.config.mjs', 'ec.config.mjs', 'package-lock.json', 'package.json'] as const;

function filesUnder(root: string, rel: string): string[] {
  const path = join(root, rel);
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isFile()) return [rel];
  return (readdirSync(path, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
}

/** Hash of the content of the fingerprinted files of `root` (names included, in sorted order). */
export function sourceDigest(root: string, paths: readonly string[] = FINGERPRINT_PATHS): string {
  const files = paths.flatMap((p) => filesUnder(root, p)).sort();
  return hashOf(...files.flatMap((f) => [f, readFileSync(join(root, f))]));
}

/**
 * A deterministic text for any value: object keys sorted, functions by their source, class instances by their
 * constructor's name and own properties, repeated objects (cycles, shared references) by a marker.
 */
export function stableText(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown): string => {
    if (v === undefined) return 'undefined';
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'symbol') return v.toString();
    if (typeof v === 'function') {
      const props = Object.keys(v).length ? walkObject(v as unknown as Record<string, unknown>) : '';
      return `fn(${v.toString()})${props}`;
    }
    if (v instanceof URL) return `URL(${v.href})`;
    if (v instanceof RegExp) return v.toString();
    if (v instanceof Date) return `Date(${v.toISOString()})`;
    if (seen.has(v)) return '[seen]';
    seen.add(v);
    if (Array.isArray(v)) return `[${v.map(walk).join(',')}]`;
    if (v instanceof Map) return `Map[${[...v].map(([k, x]) => `${walk(k)}=>${walk(x)}`).join(',')}]`;
    if (v instanceof Set) return `Set[${[...v].map(walk).join(',')}]`;
    if (ArrayBuffer.isView(v)) return `bytes(${hashOf(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))})`;
    const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
    const name = proto && proto !== Object.prototype ? (proto.constructor?.name ?? '?') : '';
    return `${name}${walkObject(v as Record<string, unknown>)}`;
  };
  const walkObject = (o: Record<string, unknown>): string =>
    `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${walk(o[k])}`)
      .join(',')}}`;
  return walk(value);
}

/** The fingerprint of the code: sources, data, config files, lockfile, Node version. */
export function sourceFingerprint(root: string): string {
  return hashOf('k8s-kb build cache 1', process.version, sourceDigest(root));
}

/** The fingerprint of a build: the code's and `config`'s (what of the resolved configuration matters). */
export function buildFingerprint(root: string, config: unknown): string {
  return hashOf(sourceFingerprint(root), stableText(config));
}
