// compactSvg (src/lib/mermaid-compact.ts): fewer elements, the same picture (the browser test of every diagram checks
// that labels still fit their shapes).
import { describe, expect, it } from 'vitest';
import { compactSvg } from '../../src/lib/mermaid-compact.ts';

const r = 'mmd-0123456789abcdef';
const marker = (name: string) => `<marker id="${r}_${name}" orient="auto"><path d="M 0 0 L 10 5 z"></path></marker>`;

describe('compactSvg', () => {
  it('drops markers and filters nothing references, and a <defs> left empty', () => {
    const svg =
      `<svg id="${r}"><style>#${r} .a{stroke:red}</style><g class="markers">${marker('pointEnd')}${marker('pointStart')}${marker('circleEnd')}</g>` +
      `<defs><filter id="${r}-drop-shadow"><feDropShadow dx="4"></feDropShadow></filter></defs>` +
      `<path marker-end="url(#${r}_pointEnd)"></path><use href="#${r}_circleEnd"></use></svg>`;
    expect(compactSvg(svg)).toBe(
      `<svg id="${r}"><style>#${r} .a{stroke:red}</style><g class="markers">${marker('pointEnd')}${marker('circleEnd')}</g>` +
        `<path marker-end="url(#${r}_pointEnd)"></path><use href="#${r}_circleEnd"></use></svg>`,
    );
  });

  it('keeps a filter that a style references', () => {
    const svg = `<svg id="${r}"><style>#${r} .n{filter:url(#${r}-shadow)}</style><defs><filter id="${r}-shadow"></filter></defs></svg>`;
    expect(compactSvg(svg)).toBe(svg);
  });

  it('writes a label row’s words as one run, keeping the attributes they inherit', () => {
    const word = (t: string) => `<tspan font-style="normal" class="text-inner-tspan" font-weight="normal">${t}</tspan>`;
    const row = (inner: string) => `<text y="-10"><tspan class="text-outer-tspan row" x="0" dy="1.1em">${inner}</tspan></text>`;
    const two = (a: string, b: string) =>
      `<text y="-10"><tspan class="text-outer-tspan row" x="0" dy="1.1em">${a}</tspan><tspan class="text-outer-tspan row" x="0" y="1em" dy="1.1em">${b}</tspan></text>`;
    expect(compactSvg(two(`${word('kubectl')}${word(' get')}${word(' pods &amp; 事件')}`, `${word('第二')}${word('行')}`))).toBe(
      `<text y="-10"><tspan class="text-outer-tspan row" x="0" dy="1.1em" font-style="normal" font-weight="normal">kubectl get pods &amp; 事件</tspan>` +
        `<tspan class="text-outer-tspan row" x="0" y="1em" dy="1.1em" font-style="normal" font-weight="normal">第二行</tspan></text>`,
    );
    // Words styled differently (**bold** in a label) keep their own <tspan>s.
    const mixed = row(`${word('普通')}<tspan font-style="normal" class="text-inner-tspan" font-weight="bold">加粗</tspan>`);
    expect(compactSvg(mixed)).toBe(mixed);
  });

  it('writes a one-row label as the <text> itself, with the row’s position and font in place of the text’s own', () => {
    const svg = `<text y="-10.1" text-anchor="middle" style=""><tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em" text-anchor="middle" font-style="normal" font-weight="normal">看得到 Pod？</tspan></text>`;
    expect(compactSvg(svg)).toBe(`<text y="-0.1em" text-anchor="middle" style="" x="0" dy="1.1em" font-style="normal" font-weight="normal">看得到 Pod？</text>`);
  });

  it('drops what draws nothing: a <rect> without size, an edge label without text, an empty group', () => {
    const node =
      `<g class="node default" id="${r}-flowchart-S-0" transform="translate(151, 30)"><rect class="basic label-container" x="-67" y="-22" width="134" height="44"></rect>` +
      `<g class="label" style="" transform="translate(0, -12)"><rect></rect><g><rect class="background" style="stroke:none"></rect><text y="-10.1">` +
      `<tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em">Pod</tspan></text></g></g></g>`;
    const emptyEdgeLabel =
      `<g class="edgeLabel"><g class="label" data-id="L_S_E_0" transform="translate(0, 0)"><text y="-10.1" text-anchor="middle">` +
      `<tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em" text-anchor="middle"></tspan></text></g></g><g><rect class="background" style="stroke:none"></rect></g>`;
    const svg = `<svg id="${r}"><g><g class="root"><g class="clusters"></g><g class="edgeLabels">${emptyEdgeLabel}</g><g class="nodes">${node}</g></g></g></svg>`;
    expect(compactSvg(svg)).toBe(
      `<svg id="${r}"><g class="root"><g class="nodes"><g class="node default" id="${r}-flowchart-S-0" transform="translate(151, 30)">` +
        `<rect class="basic label-container" x="-67" y="-22" width="134" height="44"></rect><g class="label" style="" transform="translate(0, -12)">` +
        `<text y="-0.1em" x="0" dy="1.1em">Pod</text></g></g></g></g></svg>`,
    );
  });

  it('keeps a sized <rect>, an empty group with an id, and groups with attributes', () => {
    const svg = `<svg id="${r}"><g class="a"><rect width="10"></rect><rect height="4"/><g id="${r}-x"></g></g><g transform="scale(2)"><path d="M0 0"></path></g></svg>`;
    expect(compactSvg(svg)).toBe(svg);
  });

  it('is idempotent (cached diagrams are compacted again on every build)', () => {
    const svg = `<svg id="${r}"><g><g class="label"><rect></rect><g><text y="1"><tspan class="text-outer-tspan row" x="0">a</tspan></text></g></g></g></svg>`;
    const once = compactSvg(svg);
    expect(once).toBe(`<svg id="${r}"><g class="label"><text y="1" x="0">a</text></g></svg>`);
    expect(compactSvg(once)).toBe(once);
  });
});
