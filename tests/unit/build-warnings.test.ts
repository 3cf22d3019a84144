// src/lib/build-warnings.ts: only Astro's own head-inject directive notice is dropped.
import { describe, expect, it } from 'vitest';
import { onBundlerWarning, type BundlerWarning } from '../../src/lib/build-warnings.ts';

const pass = (w: BundlerWarning): BundlerWarning[] => {
  const out: BundlerWarning[] = [];
  onBundlerWarning(w, (x) => out.push(x));
  return out;
};

describe('onBundlerWarning', () => {
  it('drops the "use astro:head-inject" directive notice on a content module', () => {
    const w = {
      code: 'MODULE_LEVEL_DIRECTIVE',
      message: 'The semantics of the module level directive "use astro:head-inject" in "content/docs/etcd/index.mdx?astroPropagatedAssets" may not be preserved when bundling.',
    };
    expect(pass(w)).toEqual([]);
  });

  it('passes every other warning on, the same code with another directive included', () => {
    const others: BundlerWarning[] = [
      { code: 'MODULE_LEVEL_DIRECTIVE', message: 'Module level directives cause errors when bundled, "use client" in "src/x.ts" was ignored.' },
      { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' },
      { message: '"use astro:head-inject" in "content/docs/etcd/index.mdx?astroPropagatedAssets"' },
    ];
    for (const w of others) expect(pass(w)).toEqual([w]);
  });
});
