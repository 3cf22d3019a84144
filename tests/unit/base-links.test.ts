import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/plugins/rehype-base-links.ts';
import { accessibleSvg, parseMeta } from '../../src/plugins/remark-mermaid.ts';

describe('base path for links written in MDX', () => {
  it('prefixes site-root links with the base', () => {
    expect(withBase('/architecture/components/#kubelet-role', '/k8s-kb')).toBe('/k8s-kb/architecture/components/#kubelet-role');
    expect(withBase('/etcd/', '/k8s-kb/')).toBe('/k8s-kb/etcd/');
    expect(withBase('/etcd/', '/')).toBe('/etcd/');
  });
  it('leaves anchors, relative, protocol-relative and external links alone', () => {
    for (const href of ['#x', '../etcd/', '//cdn.example.com/a.js', 'https://kubernetes.io/docs/', 'mailto:a@b.c']) {
      expect(withBase(href, '/k8s-kb')).toBe(href);
    }
  });
});

describe('diagram helpers', () => {
  it('parses fence meta', () => {
    expect(parseMeta('title="集群 架构" foo=bar')).toEqual({ title: '集群 架构', foo: 'bar' });
    expect(parseMeta(undefined)).toEqual({});
  });
  it('turns mermaid svg into a named image', () => {
    const svg = accessibleSvg('<svg id="m" role="graphics-document document" aria-roledescription="flowchart-v2" aria-labelledby="t"><g/></svg>', 'A "B" <C>');
    expect(svg).toBe('<svg id="m" role="img" aria-label="A &quot;B&quot; &lt;C&gt;"><g/></svg>');
  });
});
