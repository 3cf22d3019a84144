// scopeIds (src/lib/mermaid-renderer.ts): every id of a rendered diagram derives from its root id.
import { describe, expect, it } from 'vitest';
import { scopeIds } from '../../src/lib/mermaid-renderer.ts';

const root = 'mmd-0123456789abcdef';

describe('scopeIds', () => {
  it('renames counter ids and every reference to them, leaving scoped ids and text alone', () => {
    const svg =
      `<svg id="${root}" aria-labelledby="actor1 ${root}-title"><style>#${root} .a{fill:red}#actor1{stroke:blue}#actor10,#root-1:hover{x:1}</style>` +
      `<defs><marker id="${root}_flowchart-v2-pointEnd"/></defs>` +
      `<line id="actor1" marker-end="url(#${root}_flowchart-v2-pointEnd)"/><g id="root-1" data-id="actor1x"><text>actor1 and root-1</text></g>` +
      `<line id="actor10" href="#actor10"/><g class="label edgeLabel" id="A---A---1"/><use xlink:href="#A---A---1"/></svg>`;
    expect(scopeIds(svg)).toBe(
      `<svg id="${root}" aria-labelledby="${root}-n0 ${root}-title"><style>#${root} .a{fill:red}#${root}-n0{stroke:blue}#${root}-n2,#${root}-n1:hover{x:1}</style>` +
        `<defs><marker id="${root}_flowchart-v2-pointEnd"/></defs>` +
        `<line id="${root}-n0" marker-end="url(#${root}_flowchart-v2-pointEnd)"/><g id="${root}-n1" data-id="actor1x"><text>actor1 and root-1</text></g>` +
        `<line id="${root}-n2" href="#${root}-n2"/><g class="label edgeLabel" id="${root}-n3"/><use xlink:href="#${root}-n3"/></svg>`,
    );
  });

  it('gives the same SVG whatever the counters were (actor44 or actor198)', () => {
    const at = (n: number) => `<svg id="${root}"><line id="actor${n}"/><g id="root-${n}"/><line id="actor${n + 1}"/></svg>`;
    expect(scopeIds(at(44))).toBe(scopeIds(at(198)));
  });

  it('leaves an SVG without counter ids unchanged', () => {
    const svg = `<svg id="${root}"><g id="${root}-flowchart-A-0"/></svg>`;
    expect(scopeIds(svg)).toBe(svg);
  });
});
