// The diagram font's stylesheet has ~100 @font-face rules (one per unicode-range subset of Noto Sans SC).
// Readers only need the subsets that the site's diagrams use: keep those rules, drop the rest and the
// WOFF fallbacks (every browser we support reads WOFF2). The font files of dropped rules are never emitted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin as VitePlugin } from 'vite';

const FONT_CSS = /@fontsource\/noto-sans-sc\/400\.css(\?.*)?$/;

/** Code points used inside ```mermaid fences under `dir`. */
export function diagramCodePoints(dir: string): Set<number> {
  const points = new Set<number>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f))) {
    for (const m of readFileSync(join(dir, rel), 'utf8').matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)) {
      for (const ch of m[1]) {
        const point = ch.codePointAt(0); // never undefined: `ch` is one character
        if (point !== undefined) points.add(point);
      }
    }
  }
  return points;
}

/** `U+4E00-9FFF, U+3000` → inclusive code point ranges `[[0x4e00, 0x9fff], [0x3000, 0x3000]]`. */
function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part): [number, number] => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

/** Keeps the @font-face rules of `css` whose unicode-range contains one of `points`, and drops WOFF fallbacks. */
export function subsetFontCss(css: string, points: Iterable<number>): string {
  return css
    .replace(/(?:\/\*[^*]*\*\/\s*)?@font-face\s*\{[^}]*\}\s*/g, (rule) => {
      const range = /unicode-range:\s*([^;]+);/.exec(rule);
      if (!range) return rule;
      const ranges = parseRanges(range[1]);
      for (const p of points) if (ranges.some(([a, b]) => p >= a && p <= b)) return rule;
      return '';
    })
    .replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '');
}

/** Options of `viteDiagramFont`. */
export interface ViteDiagramFontOptions {
  /** The content directory whose ```mermaid fences decide which font subsets to keep (e.g. `./content/docs`). */
  contentDir: string;
}

export default function viteDiagramFont({ contentDir }: ViteDiagramFontOptions): VitePlugin {
  return {
    name: 'k8s-kb:diagram-font',
    enforce: 'pre',
    transform(code, id) {
      if (!FONT_CSS.test(id)) return;
      return { code: subsetFontCss(code, diagramCodePoints(contentDir)), map: null };
    },
  };
}
