// Diagram fonts sized to the page (src/lib/diagram-font.ts): the subsets hold the characters asked for, are made
// once (cached by input) and are byte-identical for the same input.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontCodePoints } from '../helpers/font-cmap.ts';
import { rangeCodePoints } from '../helpers/page-weight.ts';

// The module reads the cache folder when first imported.
const cache = mkdtempSync(join(tmpdir(), 'kb-dg-'));
process.env.KB_MERMAID_CACHE = cache;
const font = () => import('../../src/lib/diagram-font.ts');
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('diagram font', () => {
  it('svgText: the text an SVG shows, without its stylesheet, title or description, entities decoded', async () => {
    const { svgText } = await font();
    const svg = '<svg><style>#a{fill:red}</style><title>标题</title><desc>说明</desc><g><text><tspan>集群 &amp;</tspan><tspan>&lt;Pod&gt;&#x4e2d;&#25991;&nbsp;</tspan></text></g></svg>';
    expect(svgText(svg)).toBe('集群 &<Pod>中文\u00a0');
  });

  it('unicodeRange: sorted code points as runs', async () => {
    const { unicodeRange } = await font();
    expect(unicodeRange([0x20, 0x28, 0x29, 0x2a, 0x4e0a])).toBe('U+20,U+28-2a,U+4e0a');
  });

  it('subsets each source slice the text touches to exactly its characters, the same bytes every time, cached', async () => {
    const { diagramFontFaces, cachedFontFile, fontFaceCss } = await font();
    const text = '集群架构 kube-apiserver → 调度器 (v1.37)';
    const faces = await diagramFontFaces(text);
    expect(faces.length).toBeGreaterThan(1);
    const covered = new Set<number>();
    for (const face of faces) {
      const file = cachedFontFile(face.file);
      expect(file, face.file).toBeTruthy();
      if (!file) continue;
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      const range = rangeCodePoints(face.unicodeRange);
      const inFile = await fontCodePoints(bytes, text);
      for (const p of range) {
        expect(inFile.has(p), String.fromCodePoint(p)).toBe(true);
        covered.add(p);
      }
    }
    expect([...text].filter((c) => !covered.has(c.codePointAt(0) ?? 0))).toEqual([]);
    // Same text in another order: the same faces and files; made once.
    const files = readdirSync(join(cache, 'fonts')).sort();
    expect(await diagramFontFaces([...text].reverse().join(''))).toEqual(faces);
    expect(readdirSync(join(cache, 'fonts')).sort()).toEqual(files);
    // Made again from scratch: byte-identical.
    const before = faces.map((f) => readFileSync(cachedFontFile(f.file) ?? ''));
    rmSync(join(cache, 'fonts'), { recursive: true });
    await diagramFontFaces(text);
    expect(faces.map((f) => readFileSync(cachedFontFile(f.file) ?? ''))).toEqual(before);
    expect(fontFaceCss(faces.slice(0, 1), '/k8s-kb/_astro/')).toBe(
      `@font-face{font-family:"Noto Sans SC";font-style:normal;font-weight:400;font-display:swap;src:url(/k8s-kb/_astro/${faces[0].file}) format("woff2");unicode-range:${faces[0].unicodeRange}}`,
    );
  });

  it('a text with no character of the font needs no face', async () => {
    const { diagramFontFaces } = await font();
    expect(await diagramFontFaces('\n\t')).toEqual([]);
  });
});
