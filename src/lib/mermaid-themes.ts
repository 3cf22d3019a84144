// One SVG per diagram for both colour themes (issue #14 item 1). The renderer draws a diagram with Mermaid's light
// and its dark theme under the same root id; the two drawings must have the same elements, geometry and text, and
// differ only in paint (colours, shadows). Every value that differs becomes `var(--kb-dg-N)`, and the SVG's own
// <style> defines N for the light theme and, under `:root[data-theme='dark']` (Starlight's theme attribute), for
// the dark one. Anything else that differs is an error: a single SVG could not show both themes faithfully.

/** Properties (CSS) and presentation attributes whose value may differ between the themes: paint only, no layout. */
const PAINT = new Set([
  'fill',
  'stroke',
  'color',
  'background',
  'background-color',
  'border',
  'border-color',
  'outline-color',
  'filter',
  'box-shadow',
  'text-shadow',
  'stop-color',
  'flood-color',
  'lighting-color',
  'opacity',
  'fill-opacity',
  'stroke-opacity',
  'stop-opacity',
  'flood-opacity',
]);

/** What `mergeThemes` returns: the single SVG, or why the two renderings cannot share one. */
export type ThemeMergeResult = { ok: true; svg: string; variables: number } | { ok: false; message: string };

/** The prefix of the custom properties that carry a diagram's theme colours. */
export const VARIABLE_PREFIX = '--kb-dg-';

const PARTS = /<style\b[^>]*>[\s\S]*?<\/style>|<[^>]+>|[^<]+/g;
const GRADIENT = /<(linear|radial)Gradient\b[^>]*\sid="([^"]+)"[\s\S]*?<\/\1Gradient>/g;

/** A CSS value compared without formatting differences (`drop-shadow( 1px` = `drop-shadow(1px`, `rgba(1, 2` = `rgba(1,2`). */
const normalValue = (v: string): string => v.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();
const excerpt = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

class Palette {
  readonly pairs = new Map<string, number>();
  readonly light: string[] = [];
  readonly dark: string[] = [];
  /** `var(--kb-dg-N)` for the light/dark value pair (one N per distinct pair). */
  use(light: string, dark: string): string {
    const key = `${light}\u0000${dark}`;
    let n = this.pairs.get(key);
    if (n === undefined) {
      n = this.light.length;
      this.pairs.set(key, n);
      this.light.push(light);
      this.dark.push(dark);
    }
    return `var(${VARIABLE_PREFIX}${n})`;
  }
  css(root: string): string {
    if (!this.light.length) return '';
    const decls = (values: string[]) => values.map((v, i) => `${VARIABLE_PREFIX}${i}:${v}`).join(';');
    return `#${root}{${decls(this.light)}}:root[data-theme=dark] #${root}{${decls(this.dark)}}`;
  }
}

/** Merges one declaration (`prop:value`); undefined when the values differ in a way a variable cannot carry. */
function mergeDeclaration(light: string, dark: string, palette: Palette): string | { error: string } {
  if (light === dark) return light;
  const colon = light.indexOf(':');
  const prop = light.slice(0, colon).trim().toLowerCase();
  if (colon < 0 || dark.slice(0, dark.indexOf(':')).trim().toLowerCase() !== prop) {
    return { error: `a declaration differs: "${excerpt(light.trim())}" (light) and "${excerpt(dark.trim())}" (dark)` };
  }
  const important = /\s*!important\s*$/i;
  const lv = light.slice(colon + 1);
  const dv = dark.slice(dark.indexOf(':') + 1);
  if (important.test(lv) !== important.test(dv)) return { error: `"${prop}" is !important in one theme only` };
  const l = lv.replace(important, '').trim();
  const d = dv.replace(important, '').trim();
  if (normalValue(l) === normalValue(d)) return light;
  if (!PAINT.has(prop) && !prop.startsWith('--')) {
    return { error: `"${prop}" differs (${excerpt(l)} / ${excerpt(d)}), and only paint may differ between the themes` };
  }
  return `${light.slice(0, colon)}:${palette.use(l, d)}${important.test(lv) ? '!important' : ''}`;
}

/** Merges two stylesheets (or `style` attributes) rule by rule and declaration by declaration. */
function mergeCss(light: string, dark: string, palette: Palette, where: string): string | { error: string } {
  const a = light.split(/([{};])/);
  const b = dark.split(/([{};])/);
  if (a.length !== b.length) return { error: `the ${where} has different rules in the two themes` };
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) {
      out.push(a[i]);
      continue;
    }
    // A selector or an at-rule prelude (followed by `{`) must be the same; so must separators.
    if (a[i + 1] === '{' || /^[{};]$/.test(a[i]) || /^[{};]$/.test(b[i]) || !a[i].includes(':')) {
      return { error: `the ${where} differs: "${excerpt(a[i].trim())}" (light) and "${excerpt(b[i].trim())}" (dark)` };
    }
    const merged = mergeDeclaration(a[i], b[i], palette);
    if (typeof merged !== 'string') return { error: `in the ${where}, ${merged.error}` };
    out.push(merged);
  }
  return out.join('');
}

interface Tag {
  name: string;
  attrs: Array<[string, string]>;
  end: string;
}

function parseTag(tag: string): Tag | undefined {
  const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?>)$/.exec(tag);
  if (!m) return undefined;
  return { name: m[1], attrs: [...m[2].matchAll(/\s+([^\s=]+)="([^"]*)"/g)].map((a): [string, string] => [a[1], a[2]]), end: m[3] };
}

/** Merges two start tags: attribute values may differ only in paint (moved to `style`, where variables work). */
function mergeTag(light: string, dark: string, palette: Palette): string | { error: string } {
  const a = parseTag(light);
  const b = parseTag(dark);
  if (!a || !b || a.name !== b.name || a.attrs.length !== b.attrs.length || a.attrs.some(([n], i) => n !== b.attrs[i][0])) {
    return { error: `an element differs: ${excerpt(light)} (light) and ${excerpt(dark)} (dark)` };
  }
  const attrs: Array<[string, string]> = [];
  const styles: string[] = [];
  for (const [i, [name, value]] of a.attrs.entries()) {
    const other = b.attrs[i][1];
    if (value === other) attrs.push([name, value]);
    else if (name === 'style') {
      const merged = mergeCss(value, other, palette, `style of <${a.name}>`);
      if (typeof merged !== 'string') return merged;
      attrs.push([name, merged]);
    } else if (PAINT.has(name)) {
      // A presentation attribute cannot hold var(): the value moves to the style attribute.
      styles.push(`${name}:${palette.use(value, other)}`);
    } else {
      return { error: `the ${name} of <${a.name}> differs: "${excerpt(value)}" (light) and "${excerpt(other)}" (dark)` };
    }
  }
  if (styles.length) {
    const style = attrs.find(([n]) => n === 'style');
    if (style) style[1] = `${style[1].replace(/;?\s*$/, ';')}${styles.join(';')}`;
    else attrs.push(['style', styles.join(';')]);
  }
  return `<${a.name}${attrs.map(([n, v]) => ` ${n}="${v}"`).join('')}${a.end}`;
}

/** Gradients defined by one theme only (Mermaid's dark theme adds one for its "neo" look): kept as they are. */
function splitOneSidedGradients(light: string, dark: string): { light: string; dark: string; extra: string[] } {
  const ids = (svg: string) => new Set([...svg.matchAll(GRADIENT)].map((m) => m[2]));
  const inLight = ids(light);
  const inDark = ids(dark);
  const extra: string[] = [];
  const strip = (svg: string, other: Set<string>) =>
    svg.replace(GRADIENT, (g: string, _kind: string, id: string) => {
      if (other.has(id)) return g;
      extra.push(g);
      return '';
    });
  return { light: strip(light, inDark), dark: strip(dark, inLight), extra };
}

/**
 * One SVG from the light and the dark rendering of a diagram (both rendered with the root id `root`): the light
 * markup, with every paint value that differs replaced by a custom property defined for both themes.
 */
export function mergeThemes(lightSvg: string, darkSvg: string, root: string): ThemeMergeResult {
  const { light, dark, extra } = splitOneSidedGradients(lightSvg, darkSvg);
  const a = light.match(PARTS) ?? [];
  const b = dark.match(PARTS) ?? [];
  const palette = new Palette();
  const out: string[] = [];
  const count = Math.max(a.length, b.length);
  for (let i = 0; i < count; i++) {
    const l = a[i];
    const d = b[i];
    if (l === d) {
      out.push(l);
      continue;
    }
    if (l === undefined || d === undefined) {
      return { ok: false, message: `the light and dark renderings differ beyond colours: the structure differs: one ends before ${excerpt(l ?? d ?? '')}` };
    }
    let merged: string | { error: string };
    const style = /^(<style\b[^>]*>)([\s\S]*)(<\/style>)$/;
    const ls = style.exec(l);
    const ds = style.exec(d);
    if (ls && ds) {
      const css = mergeCss(ls[2], ds[2], palette, 'stylesheet');
      merged = typeof css === 'string' ? `${ls[1]}${css}${ls[3]}` : css;
    } else if (l.startsWith('<') && d.startsWith('<') && !l.startsWith('</') && !d.startsWith('</')) {
      merged = mergeTag(l, d, palette);
    } else if (l.startsWith('<') || d.startsWith('<')) {
      merged = { error: `the structure differs: ${excerpt(l)} (light) and ${excerpt(d)} (dark)` };
    } else {
      merged = { error: `the text differs: "${excerpt(l)}" (light) and "${excerpt(d)}" (dark)` };
    }
    if (typeof merged !== 'string') return { ok: false, message: `the light and dark renderings differ beyond colours: ${merged.error}` };
    out.push(merged);
  }
  let svg = out.join('');
  const variables = palette.css(root);
  if (variables) {
    svg = /<style\b[^>]*>/.test(svg)
      ? svg.replace(/<style\b[^>]*>/, (open) => `${open}${variables}`)
      : svg.replace(/^<svg\b[^>]*>/, (open) => `${open}<style>${variables}</style>`);
  }
  if (extra.length) svg = svg.replace(/<\/svg>\s*$/, `${extra.join('')}</svg>`);
  return { ok: true, svg, variables: palette.light.length };
}
