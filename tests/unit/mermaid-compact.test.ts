// compactSvg (src/lib/mermaid-compact.ts): fewer elements, the same picture.
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
    expect(compactSvg(row(`${word('kubectl')}${word(' get')}${word(' pods &amp; 事件')}`))).toBe(
      `<text y="-10"><tspan class="text-outer-tspan row" x="0" dy="1.1em" font-style="normal" font-weight="normal">kubectl get pods &amp; 事件</tspan></text>`,
    );
    // Words styled differently (**bold** in a label) keep their own <tspan>s.
    const mixed = row(`${word('普通')}<tspan font-style="normal" class="text-inner-tspan" font-weight="bold">加粗</tspan>`);
    expect(compactSvg(mixed)).toBe(mixed);
  });
});
