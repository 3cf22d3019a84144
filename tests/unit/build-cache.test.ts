// The build cache (src/build-cache/): a changed input must miss, an unchanged one must hit with the same result.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CacheStore, hashOf } from '../../src/build-cache/store.ts';
import { buildFingerprint, sourceDigest, stableText } from '../../src/build-cache/fingerprint.ts';
import { cachedMdxTransform, mdxKey, type MdxTransformResult } from '../../src/build-cache/mdx.ts';
import { configForFingerprint } from '../../src/build-cache/integration.ts';
import type { AstroConfig } from 'astro';

const work = mkdtempSync(join(tmpdir(), 'kb-build-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fake MDX transform that counts its calls and compiles `code` to a module naming it. */
function fakeCompiler() {
  const calls: string[] = [];
  const handler = async (code: string, id: string): Promise<MdxTransformResult> => {
    calls.push(id);
    if (code.includes('BROKEN')) throw new Error(`${id}:3: bad MDX`);
    return { code: `export default ${JSON.stringify(code)}; // ${calls.length}`, map: null, meta: { astro: { propagation: 'none' } } };
  };
  return { calls, handler };
}

function setup(fingerprint: { value: string }) {
  const { calls, handler } = fakeCompiler();
  const stats = { compiled: 0, cached: 0 };
  const store = new CacheStore<MdxTransformResult>('mdx', mkdtempSync(join(work, 'store-')));
  const transform = cachedMdxTransform(handler, { fingerprint: () => fingerprint.value, root: '/site', store, stats });
  return { calls, stats, store, transform: (code: string, id: string) => transform.call(undefined, code, id) as Promise<MdxTransformResult> };
}

describe('MDX cache', () => {
  it('compiles a file once, then serves the same result from the cache', async () => {
    const { calls, stats, transform } = setup({ value: 'f1' });
    const first = await transform('# 标题', '/site/content/docs/a.mdx');
    const second = await transform('# 标题', '/site/content/docs/a.mdx');
    expect(calls).toEqual(['/site/content/docs/a.mdx']);
    expect(second).toEqual(first);
    expect(stats).toEqual({ compiled: 1, cached: 1 });
  });

  it('a changed text, another file or a changed fingerprint compiles again', async () => {
    const fp = { value: 'f1' };
    const { calls, transform } = setup(fp);
    await transform('# 标题', '/site/a.mdx');
    const changed = await transform('# 新标题', '/site/a.mdx');
    expect(changed.code).toContain('新标题');
    await transform('# 标题', '/site/b.mdx');
    fp.value = 'f2';
    await transform('# 标题', '/site/a.mdx');
    expect(calls).toEqual(['/site/a.mdx', '/site/a.mdx', '/site/b.mdx', '/site/a.mdx']);
  });

  it('does not cache a failed compile', async () => {
    const { calls, transform } = setup({ value: 'f1' });
    await expect(transform('BROKEN', '/site/a.mdx')).rejects.toThrow('/site/a.mdx:3: bad MDX');
    await expect(transform('BROKEN', '/site/a.mdx')).rejects.toThrow('/site/a.mdx:3: bad MDX');
    expect(calls).toHaveLength(2);
  });

  it('compiles again when a diagram font subset the cached module names is gone from the font cache', async () => {
    const { calls, store, transform } = setup({ value: 'f1' });
    const key = mdxKey('f1', '/site', '/site/a.mdx', '# 图');
    store.set(key, { code: 'const css = "url(/_astro/kb-dg-0123456789abcdef.woff2)"', map: null });
    await transform('# 图', '/site/a.mdx');
    expect(calls).toEqual(['/site/a.mdx']);
  });

  it('keys by the path relative to the project root, so a moved checkout keeps its cache', () => {
    expect(mdxKey('f', '/a', '/a/x.mdx', 's')).toBe(mdxKey('f', '/b', '/b/x.mdx', 's'));
    expect(mdxKey('f', '/a', '/a/x.mdx', 's')).not.toBe(mdxKey('f', '/a', '/a/y.mdx', 's'));
  });
});

describe('build fingerprint', () => {
  it('changes when any fingerprinted source file changes, and only then', () => {
    const root = mkdtempSync(join(work, 'root-'));
    mkdirSync(join(root, 'src', 'plugins'), { recursive: true });
    writeFileSync(join(root, 'src', 'plugins', 'p.ts'), 'export default 1;');
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
    writeFileSync(join(root, 'README.md'), '说明');
    const before = sourceDigest(root);
    expect(sourceDigest(root)).toBe(before);
    writeFileSync(join(root, 'README.md'), '另一个说明');
    expect(sourceDigest(root)).toBe(before);
    writeFileSync(join(root, 'src', 'plugins', 'p.ts'), 'export default 2;');
    const edited = sourceDigest(root);
    expect(edited).not.toBe(before);
    writeFileSync(join(root, 'src', 'plugins', 'q.ts'), '');
    expect(sourceDigest(root)).not.toBe(edited);
    writeFileSync(join(root, 'package-lock.json'), '{}');
    expect(buildFingerprint(root, { base: '/k8s-kb' })).not.toBe(buildFingerprint(root, { base: '/' }));
  });

  it('describes configuration deterministically: key order aside, functions by their source, options by value', () => {
    const plugin = (opts: { base: string }) => opts.base;
    expect(stableText({ a: 1, b: [plugin, { base: '/x' }] })).toBe(stableText({ b: [plugin, { base: '/x' }], a: 1 }));
    expect(stableText({ b: [plugin, { base: '/x' }] })).not.toBe(stableText({ b: [plugin, { base: '/y' }] }));
    expect(stableText([() => 1])).not.toBe(stableText([() => 2]));
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    expect(stableText(cyclic)).toBe('{"name":"c","self":[seen]}');
    expect(stableText(new URL('file:///a/'))).not.toBe(stableText(new URL('file:///b/')));
  });
});

describe('cache store', () => {
  it('reads what it wrote, misses an unknown key, refuses a key that is no hash and prunes unused entries', () => {
    const store = new CacheStore<{ n: number }>('kind', mkdtempSync(join(work, 'store-')));
    const key = hashOf('x');
    expect(store.get(key)).toBeUndefined();
    store.set(key, { n: 1 });
    expect(store.get(key)).toEqual({ n: 1 });
    expect(() => store.get('../../etc/passwd')).toThrow(/not a hex key/);
    const old = hashOf('old');
    store.set(old, { n: 2 });
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    utimesSync(join(store.dir, `${old}.json`), longAgo, longAgo);
    expect(store.prune({ days: 14 })).toBe(1);
    expect(readdirSync(store.dir)).toEqual([`${key}.json`]);
    // Over the size limit: the least recently used go first.
    const newer = hashOf('newer');
    store.set(newer, { n: 3 });
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(store.dir, `${key}.json`), earlier, earlier);
    expect(store.prune({ maxBytes: 10 })).toBe(1);
    expect(readdirSync(store.dir)).toEqual([`${newer}.json`]);
  });

  it('length-prefixes the parts of a hash', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
  });
});

describe('configuration in the fingerprint', () => {
  const config = (outDir: string, base: string) =>
    ({
      root: new URL('file:///site/'),
      srcDir: new URL('file:///site/src/'),
      outDir: new URL(`file:///site/${outDir}/`),
      base,
      site: 'https://example.github.io',
      trailingSlash: 'ignore',
      build: { format: 'directory', assets: '_astro', client: new URL(`file:///site/${outDir}/client/`), server: new URL(`file:///site/${outDir}/server/`) },
      markdown: { processor: { name: 'unified', options: { remarkPlugins: [], rehypePlugins: [[(o: { base: string }) => o, { base }]] } } },
      integrations: [{ name: 'a', hooks: {} }],
    }) as unknown as AstroConfig;
  it('ignores the output folder (--outDir), not the base or the plugins', () => {
    const fp = (c: AstroConfig) => stableText(configForFingerprint(c));
    expect(fp(config('dist', '/k8s-kb'))).toBe(fp(config('.tmp/other-dist', '/k8s-kb')));
    expect(fp(config('dist', '/k8s-kb'))).not.toBe(fp(config('dist', '/')));
  });
});
