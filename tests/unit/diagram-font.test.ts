import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { subsetFontCss } from '../../src/plugins/vite-diagram-font.ts';

const require = createRequire(import.meta.url);
const css = readFileSync(require.resolve('@fontsource/noto-sans-sc/400.css'), 'utf8');
const rules = (s: string): number => (s.match(/@font-face/g) ?? []).length;
const cover = (s: string, ch: string): boolean =>
  [...s.matchAll(/unicode-range:\s*([^;]+);/g)].some((m) =>
    m[1].split(',').some((r) => {
      const [a, b] = r.trim().slice(2).split('-').map((h) => parseInt(h, 16));
      const p = ch.codePointAt(0);
      // (`undefined >= a` is false, so an empty string was never covered.)
      if (p === undefined) return false;
      return p >= a && p <= (b ?? a);
    }),
  );

describe('diagram font subset', () => {
  it('keeps only the @font-face rules whose ranges contain characters the diagrams use, WOFF2 only', () => {
    const text = '集群架构 kube-apiserver 调度器';
    // (`codePointAt(0)` is never undefined here: `c` is one character.)
    const out = subsetFontCss(css, new Set([...text].flatMap((c) => c.codePointAt(0) ?? [])));
    expect(rules(css)).toBeGreaterThan(90);
    expect(rules(out)).toBeGreaterThan(0);
    expect(rules(out)).toBeLessThan(rules(css) / 3);
    for (const ch of '集群架构调度器k') expect(cover(out, ch), ch).toBe(true);
    expect(out).not.toMatch(/format\('woff'\)/);
    expect(out).toMatch(/format\('woff2'\)/);
  });
});
