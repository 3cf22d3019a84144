// Diagrams ship as inline SVG: nothing in a diagram may make a reader's browser (or the build's Chromium) load
// anything from elsewhere, and its colours and fonts come from the site theme, not from the diagram.
import type { DiagramProblem } from './types.ts';

/**
 * Configuration keys a diagram may not set in a `%%{init: …}%%` directive or a `config:` frontmatter block: they
 * end up in the SVG's <style> as written (themeCSS verbatim, the others inside CSS declarations) or weaken the
 * renderer's settings.
 */
export const FORBIDDEN_CONFIG_KEYS = [
  'theme',
  'themeCSS',
  'themeVariables',
  'fontFamily',
  'altFontFamily',
  'fontSize',
  'darkMode',
  'look',
  'securityLevel',
  'secure',
  'htmlLabels',
  'startOnLoad',
  'dompurifyConfig',
] as const;

/** CSS that loads or evaluates something, or hides it behind an escape: `url(`, `@import`, `image-set(`, `expression(`, `\`. */
const LOADING_CSS = /url\s*\(|@import|image-set\s*\(|expression\s*\(|\\/i;

const lineAt = (code: string, index: number): number => code.slice(0, index).split('\n').length;

/** Problems in a diagram's source, each with its line in the diagram (1 = the first line inside the fence). */
export function checkDiagramSource(code: string): DiagramProblem[] {
  const problems: DiagramProblem[] = [];
  const keys = new RegExp(`(?:^|[{,\\s'"])(${FORBIDDEN_CONFIG_KEYS.join('|')})['"]?\\s*:`, 'g');
  const checkConfig = (text: string, start: number, what: string) => {
    const found = new Map<string, number>();
    for (const m of text.matchAll(keys)) if (!found.has(m[1])) found.set(m[1], start + (m.index ?? 0));
    for (const [key, at] of found) {
      problems.push({
        line: lineAt(code, at),
        message: `${what} may not set ${key}: colours and fonts come from the site theme (remove the setting)`,
      });
    }
    const bad = LOADING_CSS.exec(text);
    if (bad && !found.size) {
      problems.push({
        line: lineAt(code, start + bad.index),
        message: `${what} may not contain "${bad[0]}": a diagram loads nothing and uses only the site's own styles`,
      });
    }
  };
  // %%{init: {…}}%% (also %%{initialize: …}%%), which may span lines.
  for (const m of code.matchAll(/%%\{([\s\S]*?)\}%%/g)) {
    if (/^\s*(init|initialize|config)\b/i.test(m[1])) checkConfig(m[1], (m.index ?? 0) + 3, 'an init directive');
    else if (LOADING_CSS.test(m[1])) checkConfig(m[1], (m.index ?? 0) + 3, 'a directive');
  }
  // A YAML frontmatter block at the top of the diagram (`---\nconfig:\n  theme: …\n---`).
  const front = /^\s*---[ \t]*\n([\s\S]*?)\n[ \t]*---[ \t]*(\n|$)/.exec(code);
  if (front) checkConfig(front[1], code.indexOf(front[1]), 'the diagram frontmatter');
  // Styles written in the diagram itself: style, classDef, linkStyle, and CSS in a shape's @{ … } data.
  code.split('\n').forEach((text, i) => {
    const style = /^\s*(style|classDef|linkStyle)\b(.*)$/.exec(text);
    const bad = style ? LOADING_CSS.exec(style[2]) : null;
    if (style && bad) {
      problems.push({ line: i + 1, message: `a ${style[1]} statement may not contain "${bad[0]}": a diagram loads nothing and uses only the site's own styles` });
    }
    if (/@\{[^}]*\b(img|image)\s*:/.test(text)) {
      problems.push({ line: i + 1, message: 'a diagram may not embed images (img:); draw the shape, or put the image on the page from the repository' });
    }
  });
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * What in a rendered SVG would make the browser fetch something: a CSS `url()` other than a same-document `#id`,
 * `@import`, `image-set()`, or an `href`/`xlink:href`/`src` on anything but a link (`<a>`) that is not `#id`.
 */
export function externalReferences(svg: string): string[] {
  const found = new Set<string>();
  for (const m of svg.matchAll(/url\s*\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) if (!m[2].startsWith('#')) found.add(m[0]);
  for (const m of svg.matchAll(/@import[^;]*;?|image-set\s*\(/gi)) found.add(m[0]);
  for (const m of svg.matchAll(/<([a-zA-Z][\w:-]*)\b[^>]*?\s(href|xlink:href|src)\s*=\s*"([^"]*)"/g)) {
    if (m[1].toLowerCase() !== 'a' && !m[3].startsWith('#')) found.add(`<${m[1]} ${m[2]}="${m[3]}">`);
  }
  return [...found];
}
