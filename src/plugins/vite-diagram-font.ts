// The diagram font's stylesheet has ~100 @font-face rules (one per unicode-range subset of Noto Sans SC).
// Readers only need the subsets that the site's diagrams use: keep those rules, drop the rest and the
// WOFF fallbacks (every browser we support reads WOFF2). The font files of dropped rules are never emitted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FONT_CSS = /@fontsource\/noto-sans-sc\/400\.css(\?.*)?$/;

/** Code points used inside ```mermaid fences under `dir`. */
export function diagramCodePoints(dir) {
  const points = new Set();
  for (const rel of readdirSync(dir, { recursive: true }).filter((f) => /\.mdx?$/.test(f))) {
    for (const m of readFileSync(join(dir, rel), 'utf8').matchAll(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm)) {
      for (const ch of m[1]) points.add(ch.codePointAt(0));
    }
  }
  return points;
}

function parseRanges(value) {
  return value.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

export function subsetFontCss(css, points) {
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

export default function viteDiagramFont({ contentDir }) {
  return {
    name: 'k8s-kb:diagram-font',
    enforce: 'pre',
    transform(code, id) {
      if (!FONT_CSS.test(id)) return;
      return { code: subsetFontCss(code, diagramCodePoints(contentDir)), map: null };
    },
  };
}
