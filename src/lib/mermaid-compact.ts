// Fewer elements for the same picture (issue #14: DOM ≤ 5,000 elements a page). Mermaid's SVGs carry definitions
// nothing uses (a flowchart defines 12 arrowhead markers and uses one or two; drop-shadow filters of the "neo"
// look), wrap every word of a label in its own <tspan>, and draw nothing with a good part of what remains: every
// node label has a <rect> with no size and a background <rect> with no size, every label sits in a <g> with no
// attributes, an edge without a label still gets an empty label group. `compactSvg` drops the unused definitions
// and the elements that draw nothing, unwraps attribute-less groups, and writes a label row's words as one run of
// text (a one-row label as the <text> itself), keeping what they inherit: nothing moves or changes its look.
// Idempotent: the renderer applies it to cached diagrams too.

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

/**
 * Elements that draw nothing, repeatedly (an edge label with no text goes whole): a <rect> with neither width nor
 * height, a <tspan> or <text> with no content, a <g> with no content and no id.
 */
function dropEmpty(svg: string): string {
  const EMPTY = [
    /<rect\b(?![^>]*\s(?:width|height)=)[^>]*?(?:\/>|><\/rect>)/g,
    /<(tspan|text)\b[^>]*?(?:\/>|><\/\1>)/g,
    /<g\b(?![^>]*\sid=)[^>]*?(?:\/>|><\/g>)/g,
  ];
  let out = svg;
  for (let before = ''; before !== out; ) {
    before = out;
    for (const re of EMPTY) out = out.replace(re, '');
  }
  return out;
}

/** A <g> with no attributes groups nothing it passes on (the diagrams' CSS has no child or sibling selectors): its children take its place. */
function unwrapBareGroups(svg: string): string {
  const bare: boolean[] = [];
  return svg.replace(/<(\/?)g(\s[^>]*)?>/g, (tag: string, close: string, attrs: string | undefined) => {
    if (close) return bare.pop() ? '' : tag;
    if (attrs?.trimEnd().endsWith('/')) return tag;
    const isBare = !attrs?.trim();
    bare.push(isBare);
    return isBare ? '' : tag;
  });
}

const ATTR = /\s([\w:-]+)="([^"]*)"/g;
const attrMap = (attrs: string): Map<string, string> => new Map([...attrs.matchAll(ATTR)].map((m) => [m[1], m[2]] as [string, string]));
const ONE_ROW = /<text\b([^>]*)><tspan\b([^>]*\bclass="text-outer-tspan[^"]*"[^>]*)>([^<]*)<\/tspan><\/text>/g;

/**
 * A label of one row (`<text><tspan class="text-outer-tspan">words</tspan></text>`, words joined) becomes the <text>
 * alone, with the row's position and font attributes in place of the text's own (the row's `y` is what placed the
 * words; the text's own `y` placed nothing).
 */
function oneRowLabels(svg: string): string {
  return svg.replace(ONE_ROW, (label: string, textAttrs: string, rowAttrs: string, words: string) => {
    // Only attributes written name="value" (anything else is left as it is).
    if (textAttrs.replace(ATTR, '').trim() || rowAttrs.replace(ATTR, '').trim()) return label;
    const attrs = attrMap(textAttrs);
    for (const [name, value] of attrMap(rowAttrs)) if (name !== 'class') attrs.set(name, value);
    return `<text${[...attrs].map(([n, v]) => ` ${n}="${v}"`).join('')}>${words}</text>`;
  });
}

/** The SVG with unused definitions and empty elements dropped, bare groups unwrapped and label rows joined (see above). */
export function compactSvg(svg: string): string {
  return oneRowLabels(joinWords(unwrapBareGroups(dropEmpty(dropUnusedDefinitions(svg)))));
}
