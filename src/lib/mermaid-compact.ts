// Fewer elements for the same picture (issue #14: DOM ≤ 5,000 elements a page). Mermaid's SVGs carry definitions
// nothing uses (a flowchart defines 12 arrowhead markers and uses one or two; drop-shadow filters of the "neo"
// look) and wrap every word of a label in its own <tspan>. `compactSvg` drops the unused definitions and writes a
// label row's words as one run of text, keeping what they inherit: nothing moves or changes its look.

/** Definitions (markers, filters) referenced nowhere else in the SVG; an empty <defs> goes with them. */
function dropUnusedDefinitions(svg: string): string {
  const out = svg.replace(/<(marker|filter)\b[^>]*\sid="([^"]+)"[^>]*>[\s\S]*?<\/\1>/g, (def: string, _tag: string, id: string) => {
    const rest = svg.replace(def, '');
    return rest.includes(`#${id})`) || rest.includes(`#${id}"`) ? def : '';
  });
  return out.replace(/<defs>\s*<\/defs>/g, '');
}

const ROW = /(<tspan\b[^>]*\bclass="text-outer-tspan[^"]*"[^>]*)>((?:<tspan\b[^>]*>[^<]*<\/tspan>)+)<\/tspan>/g;
const WORD = /<tspan\b([^>]*)>([^<]*)<\/tspan>/g;

/**
 * A label row (`text-outer-tspan`) whose words (`text-inner-tspan`) all carry the same attributes, and no position of
 * their own, becomes one <tspan> with the row's attributes plus the words' (their class aside) and the words' text.
 */
function joinWords(svg: string): string {
  return svg.replace(ROW, (row: string, open: string, inner: string) => {
    const words = [...inner.matchAll(WORD)];
    const attrs = words[0][1];
    if (words.some((w) => w[1] !== attrs) || !/\bclass="text-inner-tspan"/.test(attrs) || /\s(x|y|dx|dy)="/.test(attrs)) return row;
    const own = attrs.replace(/\s*class="text-inner-tspan"/, '');
    const names = [...own.matchAll(/\s([\w:-]+)="/g)].map((m) => m[1]);
    if (names.some((n) => new RegExp(`\\s${n}="`).test(open))) return row;
    return `${open}${own}>${words.map((w) => w[2]).join('')}</tspan>`;
  });
}

/** The SVG with unused definitions dropped and each label row's words joined (see above). */
export function compactSvg(svg: string): string {
  return joinWords(dropUnusedDefinitions(svg));
}
