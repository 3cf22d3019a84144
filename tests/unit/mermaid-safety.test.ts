// src/lib/mermaid-safety.ts: what a diagram may not say, and what a rendered SVG may not load.
import { describe, expect, it } from 'vitest';
import { checkDiagramSource, externalReferences } from '../../src/lib/mermaid-safety.ts';

const lines = (code: string) => checkDiagramSource(code).map((p) => `${p.line}: ${p.message}`);

describe('checkDiagramSource', () => {
  it('rejects styling keys in init directives, one problem per key, at its line', () => {
    expect(lines(`%%{init: {"themeCSS": ".node rect { fill: url(https://t.example/x) }"}}%%\nflowchart TB\n  A --> B`)).toEqual([
      "1: an init directive may not set themeCSS: colours and fonts come from the site theme (remove the setting)",
    ]);
    expect(lines(`flowchart TB\n%%{ initialize: { 'fontFamily': 'x', 'themeVariables': { 'primaryColor': '#fff' } } }%%\n  A --> B`).map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      '2: an init directive may not set fontFamily',
      '2: an init directive may not set themeVariables',
    ]);
    expect(lines(`%%{init: {\n  "theme": "forest"\n}}%%\nflowchart TB\n  A --> B`)).toEqual([
      '2: an init directive may not set theme: colours and fonts come from the site theme (remove the setting)',
    ]);
  });

  it('rejects the same keys in a frontmatter config block', () => {
    expect(lines(`---\ntitle: 图\nconfig:\n  themeCSS: "@import url(//t.example/a.css);"\n---\nflowchart TB\n  A --> B`)).toEqual([
      '4: the diagram frontmatter may not set themeCSS: colours and fonts come from the site theme (remove the setting)',
    ]);
  });

  it('rejects url(), @import and escapes in directives and style statements, and embedded images', () => {
    expect(lines(`%%{init: {"flowchart": {"curve": "url(https://t.example/)"}}}%%\nflowchart TB\n  A --> B`)[0]).toMatch(/^1: an init directive may not contain "url\(/);
    expect(lines(`flowchart TB\n  A --> B\n  style A fill:#f9f,background:url(http://127.0.0.1/x)\n  classDef c stroke:\\75rl(x)`)).toEqual([
      `3: a style statement may not contain "url(": a diagram loads nothing and uses only the site's own styles`,
      `4: a classDef statement may not contain "\\": a diagram loads nothing and uses only the site's own styles`,
    ]);
    expect(lines(`flowchart TB\n  A@{ img: "https://t.example/a.png", label: "x" }`)[0]).toMatch(/^2: a diagram may not embed images/);
  });

  it('accepts ordinary diagrams, layout directives and styles without loads', () => {
    expect(lines(`%%{init: {"flowchart": {"curve": "basis"}}}%%\nflowchart TB\n  A["主题 theme: 说明"] --> B\n  style A fill:#f9f,stroke:#333`)).toEqual([]);
    expect(lines(`---\ntitle: 流程\n---\nsequenceDiagram\n  A->>B: url(这只是文字)`)).toEqual([]);
  });
});

describe('externalReferences', () => {
  it('finds what would be fetched, ignoring same-document references and links', () => {
    const svg =
      '<svg id="m"><style>#m .a{fill:url(#m-gradient)}#m{background:url("https://t.example/x.png")}@import url(//t.example/a.css);</style>' +
      '<path marker-end="url(#m_arrow)"/><a href="https://kubernetes.io/">k8s</a><image href="http://127.0.0.1:9/p.png"/><use xlink:href="#m-icon"/></svg>';
    expect(externalReferences(svg)).toEqual([
      'url("https://t.example/x.png")',
      'url(//t.example/a.css)',
      '@import url(//t.example/a.css);',
      '<image href="http://127.0.0.1:9/p.png">',
    ]);
    expect(externalReferences('<svg id="m"><style>#m .a{fill:url(#m-g)}</style></svg>')).toEqual([]);
  });
});
