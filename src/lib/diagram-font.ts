// Diagram fonts sized to the page (issue #14 item 2). Diagrams are measured at build time with Noto Sans SC
// (@fontsource/noto-sans-sc, weight 400, ~100 unicode-range slices); a reader needs the same glyphs to see the
// labels fit. Each page with diagrams gets a subset holding exactly the characters its diagrams show, cut from
// @fontsource's simplified-Chinese file of the same font (7,946 characters: CJK, Latin, digits, punctuation), plus,
// for the few characters that file lacks (arrows, ≤ ≥, circled digits), a subset of the slice that has them. Both are
// cut from one font: the same glyph outlines and advance widths (tests/unit/diagram-font.test.ts compares them), so
// the text measures as it did at build time (5,242 label boxes on 42 pages: the same width and height to 0.01 px).
// Two to four files a page (the first diagram's characters apart, see diagramFontFaces) instead of one per slice
// touched (up to 17): fewer requests, fewer repeated font tables, a quarter fewer bytes (heaviest page 50.2 → 38.6
// KiB), and 90 subsets to make and compress in a build instead of 511
// (WOFF2's Brotli was 5 s of the build's main thread). Subsetting is harfbuzz's hb-subset through `subset-font`,
// glyph outlines and advance widths unchanged. The @font-face rules name the family the SVGs ask for and list
// exactly those characters as unicode-range. Subsets are cached on disk by the hash of their input, which is also
// their file name: the same input gives the same bytes at the same URL.
import { cacheRoot } from './cache-root.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { threadId, Worker } from 'node:worker_threads';
import subsetFont from 'subset-font';
import fontverter from 'fontverter';
import { sfntCodePoints } from './sfnt.ts';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const subsetFontVersion: string = require('subset-font/package.json').version;
const fontCss = require.resolve('@fontsource/noto-sans-sc/400.css');
const primaryCss = require.resolve('@fontsource/noto-sans-sc/chinese-simplified-400.css');
const fontVersion: string = require('@fontsource/noto-sans-sc/package.json').version;

/** The family the diagrams' SVG text asks for (mermaid's `fontFamily`, see src/lib/mermaid-renderer.ts). */
export const DIAGRAM_FONT_FAMILY = 'Noto Sans SC';
/** Built font files are `<assets>/kb-dg-<16 hex>.woff2`. */
export const FONT_FILE = /kb-dg-[0-9a-f]{16}\.woff2/g;

const CACHE_DIR = join(cacheRoot(), 'fonts');

/** One @font-face of a page's diagram font: its built file name and the characters it holds. */
export interface DiagramFontFace {
  /** `kb-dg-<key>.woff2`, served from the site's assets folder. */
  file: string;
  /** CSS unicode-range: exactly the code points of the subset (`U+20,U+28-29,U+4e0a`). */
  unicodeRange: string;
}

interface SourceFace {
  file: string;
  /** The code points the file holds: the slice's unicode-range, or the primary file's cmap. */
  has: (point: number) => boolean;
}

/** The WOFF2 file an @font-face rule (`rule`, from the stylesheet `css`) names, as a path. */
const woff2Of = (css: string, rule: string): string => {
  const src = /url\(([^)]+\.woff2)\)/.exec(rule)?.[1];
  if (!src) throw new Error(`diagram-font: an @font-face of ${css} names no woff2 file`);
  return join(dirname(css), src);
};

let sourceFaces: SourceFace[] | undefined;
/** The WOFF2 slices of the source font and their unicode ranges, from @fontsource's stylesheet. */
function slices(): SourceFace[] {
  sourceFaces ??= [...readFileSync(fontCss, 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => {
    const range = /unicode-range:\s*([^;]+);/.exec(m[1])?.[1];
    if (!range) throw new Error(`diagram-font: an @font-face of ${fontCss} lacks a unicode-range`);
    const ranges = range.split(',').map((part): [number, number] => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)];
    });
    return { file: woff2Of(fontCss, m[1]), has: (p: number) => ranges.some(([a, b]) => p >= a && p <= b) };
  });
  return sourceFaces;
}

interface Primary extends SourceFace {
  /** The file decoded to SFNT once (1.1 MB WOFF2, 2.5 MB SFNT), so each page's subset skips the WOFF2 decoding. */
  sfnt: Buffer;
}
let primaryFace: Promise<Primary> | undefined;
/** @fontsource's simplified-Chinese file of the same font and weight, the source of most characters. */
function primary(): Promise<Primary> {
  primaryFace ??= (async () => {
    const file = woff2Of(primaryCss, readFileSync(primaryCss, 'utf8'));
    const sfnt: Buffer = await fontverter.convert(readFileSync(file), 'sfnt');
    const points = sfntCodePoints(sfnt);
    return { file, sfnt, has: (p: number) => points.has(p) };
  })();
  return primaryFace;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters an SVG shows: its text outside <style>, <title> and <desc>, with character references decoded. */
export function svgText(svg: string): string {
  return svg
    .replace(/<(style|title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, dec?: string, name?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name ?? ''] ?? whole),
    );
}

/** Sorted code points → `U+20,U+28-29,U+4e0a`. */
export function unicodeRange(points: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < points.length; i++) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    parts.push(i === j ? `U+${points[i].toString(16)}` : `U+${points[i].toString(16)}-${points[j].toString(16)}`);
    i = j;
  }
  return parts.join(',');
}

/** The cached subset file of `name` (`kb-dg-<key>.woff2`), or undefined when no build has made it. */
export function cachedFontFile(name: string): string | undefined {
  const file = join(CACHE_DIR, basename(name));
  return existsSync(file) ? file : undefined;
}

/** A subset to make: the characters `chars` of the source font file `source`, written to the cache as `file`. */
export interface FontJob {
  source: string;
  chars: string;
  file: string;
}

/** Makes one subset and writes it to the cache (aside, then renamed: a build running at the same time never reads
 *  half a file). */
export async function makeSubset(job: FontJob): Promise<void> {
  const main = await primary();
  const subset = await subsetFont(job.source === main.file ? main.sfnt : readFileSync(job.source), job.chars, { targetFormat: 'woff2' });
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = join(CACHE_DIR, `${job.file}.${process.pid}-${threadId}.tmp`);
  writeFileSync(tmp, subset);
  renameSync(tmp, join(CACHE_DIR, job.file));
}

// A build defers the subsets (src/integrations/kb.ts): WOFF2's Brotli compression took 4–5 s of the main thread while
// the pages were compiled, when both cores were busy (Node, and the diagram browser it waits for). Queued instead,
// they are made in a worker thread once the pages are compiled, beside the page generation and the search index,
// which use one core. Elsewhere (dev server, tests) a subset is made before its page's faces are returned.
let deferred = false;
const queued = new Map<string, FontJob>();
let written: Promise<void> = Promise.resolve();

/** From now on, diagramFontFaces queues the subsets it needs; writeDiagramFonts makes them. */
export function deferDiagramFonts(): void {
  deferred = true;
}

/** Makes the queued subsets in a worker thread (src/lib/diagram-font-worker.ts); resolves when every subset queued
 *  so far is written, rejects with the first failure. */
export function writeDiagramFonts(): Promise<void> {
  if (queued.size) {
    const jobs = [...queued.values()];
    queued.clear();
    const batch = new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./diagram-font-worker.ts', import.meta.url), { workerData: { jobs } });
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`diagram-font: the font worker exited (code ${code}) before writing ${jobs.length} subset(s)`)));
    });
    written = Promise.all([written, batch]).then(() => undefined);
  }
  return written;
}

/**
 * The @font-face list for a page whose diagrams show `texts` (in page order): one subset per source file the text
 * needs (the simplified-Chinese file, a slice for what it lacks), made now, queued (a build), or read from the cache.
 * The first diagram's characters get files of their own, the others' the rest: a diagram on the first screen then
 * fetches a few KiB before the page's first paint, not the whole page's font (Lighthouse's slow-4G estimate counted
 * every byte of a font requested before first paint: first contentful paint 1.5 → 1.96 s, score 100 → 97–98 on pages
 * whose first diagram is near the top). Characters the font lacks are left to the fallback.
 */
export async function diagramFontFaces(texts: readonly string[]): Promise<DiagramFontFace[]> {
  const pointsOf = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0) ?? 0))].filter((p) => p >= 0x20);
  const first = new Set(pointsOf(texts[0] ?? ''));
  const rest = pointsOf(texts.slice(1).join('')).filter((p) => !first.has(p));
  const main = await primary();
  const faces = async (points: number[]): Promise<DiagramFontFace[]> => {
    const bySource = new Map<SourceFace, number[]>();
    for (const p of points.sort((a, b) => a - b)) {
      const face = main.has(p) ? main : slices().find((f) => f.has(p));
      if (face) bySource.set(face, [...(bySource.get(face) ?? []), p]);
    }
    // The primary file first, then the slices in the stylesheet's order: a page's rules come out the same however
    // its text was collected.
    const sources = [main, ...slices()].filter((f) => bySource.has(f));
    return Promise.all(
      sources.map(async (face) => {
        const codePoints = bySource.get(face) ?? [];
        const chars = String.fromCodePoint(...codePoints);
        const key = createHash('sha256')
          .update(JSON.stringify({ source: basename(face.file), chars, fontVersion, subsetFontVersion }))
          .digest('hex')
          .slice(0, 16);
        const file = `kb-dg-${key}.woff2`;
        if (!cachedFontFile(file)) {
          const job = { source: face.file, chars, file };
          if (deferred) queued.set(file, job);
          else await makeSubset(job);
        }
        return { file, unicodeRange: unicodeRange(codePoints) };
      }),
    );
  };
  return [...(await faces([...first])), ...(await faces(rest))];
}

/** The page's @font-face rules; `assetsBase` is the URL folder of the built font files (`/k8s-kb/_astro/`). */
export function fontFaceCss(faces: readonly DiagramFontFace[], assetsBase: string): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:"${DIAGRAM_FONT_FAMILY}";font-style:normal;font-weight:400;font-display:swap;` +
        `src:url(${assetsBase}${f.file}) format("woff2");unicode-range:${f.unicodeRange}}`,
    )
    .join('');
}
