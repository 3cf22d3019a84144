// Diagram fonts sized to the page (src/lib/diagram-font.ts): the subsets hold the characters asked for, are made
// once (cached by input) and are byte-identical for the same input.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import subsetFont from 'subset-font';
import { fontCodePoints } from '../helpers/font-cmap.ts';
import { sfntTable } from '../../src/lib/sfnt.ts';
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

  it('subsets each source file the text needs (the simplified-Chinese file, a slice for an arrow) to exactly its characters, the same bytes every time, cached', async () => {
    const { diagramFontFaces, cachedFontFile, fontFaceCss } = await font();
    const text = '集群架构 kube-apiserver → 调度器 (v1.37)';
    const faces = await diagramFontFaces([text]);
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
    expect(await diagramFontFaces([[...text].reverse().join('')])).toEqual(faces);
    expect(readdirSync(join(cache, 'fonts')).sort()).toEqual(files);
    // Made again from scratch: byte-identical.
    const before = faces.map((f) => readFileSync(cachedFontFile(f.file) ?? ''));
    rmSync(join(cache, 'fonts'), { recursive: true });
    await diagramFontFaces([text]);
    expect(faces.map((f) => readFileSync(cachedFontFile(f.file) ?? ''))).toEqual(before);
    expect(fontFaceCss(faces.slice(0, 1), '/k8s-kb/_astro/')).toBe(
      `@font-face{font-family:"Noto Sans SC";font-style:normal;font-weight:400;font-display:swap;src:url(/k8s-kb/_astro/${faces[0].file}) format("woff2");unicode-range:${faces[0].unicodeRange}}`,
    );
  });

  // The page subsets are cut from the simplified-Chinese file; the build measured the labels with the unicode-range
  // slices (400.css). Same font: a character both hold has the same outline (glyf, loca) and advance width (hmtx).
  it('the simplified-Chinese file and the slices hold the same glyphs', async () => {
    const require = createRequire(import.meta.url);
    const css = (name: string) => readFileSync(require.resolve(`@fontsource/noto-sans-sc/${name}`), 'utf8');
    const dir = dirname(require.resolve('@fontsource/noto-sans-sc/400.css'));
    const primary = readFileSync(join(dir, /url\(([^)]+\.woff2)\)/.exec(css('chinese-simplified-400.css'))?.[1] ?? ''));
    const slices = [...css('400.css').matchAll(/url\(([^)]+\.woff2)\)[^}]*unicode-range:\s*([^;]+);/g)].map((m) => ({
      file: join(dir, m[1]),
      ranges: m[2].split(',').map((r) => r.trim().slice(2).split('-').map((h) => parseInt(h, 16))),
    }));
    // Latin, digits, CJK from several slices, full-width and curly punctuation.
    for (const c of ['A', 'g', '7', '节', '镜', '调', '蓝', '，', '“', '（', '：']) {
      const p = c.codePointAt(0) ?? 0;
      const slice = slices.find((s) => s.ranges.some(([a, b = a]) => p >= a && p <= b));
      expect(slice, c).toBeTruthy();
      const [x, y] = await Promise.all([primary, readFileSync(slice?.file ?? '')].map((f) => subsetFont(f, c, { targetFormat: 'sfnt' })));
      for (const tag of ['glyf', 'loca', 'hmtx']) expect(sfntTable(x, tag)?.equals(sfntTable(y, tag) ?? Buffer.alloc(0)), `${c} ${tag}`).toBe(true);
    }
  });

  it('the first diagram’s characters get files of their own, the other diagrams’ the characters not in it', async () => {
    const { diagramFontFaces } = await font();
    const faces = await diagramFontFaces(['调度器 Pod', '调度器 Node → 节点', '节点 Pod']);
    const sets = faces.map((f) => rangeCodePoints(f.unicodeRange));
    const all = sets.flat();
    expect(new Set(all).size, 'no character in two files').toBe(all.length);
    expect(sets[0].map((p) => String.fromCodePoint(p)).sort()).toEqual([...new Set('调度器 Pod')].sort());
    expect(new Set(all.map((p) => String.fromCodePoint(p)))).toEqual(new Set('调度器 Pod Node → 节点'));
  });

  it('a text with no character of the font needs no face', async () => {
    const { diagramFontFaces } = await font();
    expect(await diagramFontFaces(['\n\t'])).toEqual([]);
  });

  // Last: deferral lasts for the rest of the module's life, as in a build (src/integrations/kb.ts).
  it('a build queues the subsets and makes them in a worker thread when asked: the same files, the same bytes', async () => {
    const { diagramFontFaces, cachedFontFile, deferDiagramFonts, writeDiagramFonts } = await font();
    const text = '节点 NotReady → 驱逐 Pod ≤ 5 分钟';
    const faces = await diagramFontFaces([text]);
    const made = faces.map((f) => readFileSync(cachedFontFile(f.file) ?? ''));
    rmSync(join(cache, 'fonts'), { recursive: true });
    deferDiagramFonts();
    expect(await diagramFontFaces([text])).toEqual(faces);
    expect(faces.map((f) => cachedFontFile(f.file))).toEqual(faces.map(() => undefined));
    await writeDiagramFonts();
    expect(faces.map((f) => readFileSync(cachedFontFile(f.file) ?? ''))).toEqual(made);
  });
});
