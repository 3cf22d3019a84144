// mergeThemes (src/lib/mermaid-themes.ts): one SVG for both themes, colours as custom properties.
import { describe, expect, it } from 'vitest';
import { mergeThemes } from '../../src/lib/mermaid-themes.ts';

const root = 'mmd-0123456789abcdef';
const svg = (css: string, body: string) => `<svg id="${root}" viewBox="0 0 100 50"><style>${css}</style>${body}</svg>`;

describe('mergeThemes', () => {
  it('keeps equal markup, turns each differing paint value into a variable defined for both themes', () => {
    const light = svg(
      `#${root}{fill:#333;font-size:16px}#${root} .node rect{fill:#ECECFF;stroke:#9370DB}#${root} .edge{stroke:#333 !important;filter:drop-shadow(1px 2px 2px rgba(185, 185, 185, 1))}`,
      `<g class="node"><rect x="1" y="2" width="30" height="20"></rect><text>集群 &amp; Pod</text></g><feDropShadow dx="4" flood-color="#000000"/>`,
    );
    const dark = svg(
      `#${root}{fill:#ccc;font-size:16px}#${root} .node rect{fill:#1f2020;stroke:#ccc}#${root} .edge{stroke:lightgrey !important;filter:drop-shadow( 1px 2px 2px rgba(185,185,185,1))}`,
      `<g class="node"><rect x="1" y="2" width="30" height="20"></rect><text>集群 &amp; Pod</text></g><feDropShadow dx="4" flood-color="#FFFFFF"/>`,
    );
    const r = mergeThemes(light, dark, root);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.svg).toBe(
      svg(
        `#${root}{--kb-dg-0:#333;--kb-dg-1:#ECECFF;--kb-dg-2:#9370DB;--kb-dg-3:#333;--kb-dg-4:#000000}` +
          `:root[data-theme=dark] #${root}{--kb-dg-0:#ccc;--kb-dg-1:#1f2020;--kb-dg-2:#ccc;--kb-dg-3:lightgrey;--kb-dg-4:#FFFFFF}` +
          // The same colour in both themes (only spaces differ) stays a plain value; !important stays outside var().
          `#${root}{fill:var(--kb-dg-0);font-size:16px}#${root} .node rect{fill:var(--kb-dg-1);stroke:var(--kb-dg-2)}#${root} .edge{stroke:var(--kb-dg-3)!important;filter:drop-shadow(1px 2px 2px rgba(185, 185, 185, 1))}`,
        // A presentation attribute cannot hold var(): it moves to the style attribute.
        `<g class="node"><rect x="1" y="2" width="30" height="20"></rect><text>集群 &amp; Pod</text></g><feDropShadow dx="4" style="flood-color:var(--kb-dg-4)"/>`,
      ),
    );
    expect(r.variables).toBe(5);
  });

  it('reuses one variable for the same light/dark pair', () => {
    const r = mergeThemes(svg('.a{fill:#333}.b{stroke:#333}', ''), svg('.a{fill:#ccc}.b{stroke:#ccc}', ''), root);
    expect(r.ok && r.svg).toContain('.a{fill:var(--kb-dg-0)}.b{stroke:var(--kb-dg-0)}');
  });

  it('keeps a gradient that only one theme defines', () => {
    const gradient = `<linearGradient id="${root}-gradient"><stop offset="0%" stop-color="#ccc"></stop></linearGradient>`;
    const r = mergeThemes(svg('.a{fill:#333}', '<g></g>'), svg('.a{fill:#ccc}', `<g></g>${gradient}`), root);
    expect(r.ok && r.svg.endsWith(`${gradient}</svg>`)).toBe(true);
  });

  it.each([
    ['geometry', svg('.a{fill:red}', '<rect width="30"></rect>'), svg('.a{fill:red}', '<rect width="31"></rect>'), /the width of <rect> differs: "30" \(light\) and "31" \(dark\)/],
    ['a layout property', svg('.a{font-size:16px}', ''), svg('.a{font-size:14px}', ''), /"font-size" differs \(16px \/ 14px\), and only paint may differ/],
    ['text', svg('', '<text>甲</text>'), svg('', '<text>乙</text>'), /the text differs: "甲" \(light\) and "乙" \(dark\)/],
    ['an element', svg('', '<rect></rect>'), svg('', '<circle></circle>'), /an element differs: <rect> \(light\) and <circle> \(dark\)/],
    ['the number of elements', svg('', '<g></g>'), svg('', '<g></g><g></g>'), /the structure differs: <\/svg> \(light\) and <g> \(dark\)/],
    ['a selector', svg('.a{fill:red}', ''), svg('.b{fill:red}', ''), /the stylesheet differs: "\.a" \(light\) and "\.b" \(dark\)/],
  ])('refuses renderings that differ in %s', (_what, light, dark, message) => {
    const r = mergeThemes(light, dark, root);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(message);
  });
});
