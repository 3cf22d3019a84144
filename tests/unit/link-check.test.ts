import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLinks } from '../../src/lib/link-check.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('link checker', () => {
  it('accepts links, anchors and assets that exist under the base', () => {
    const dir = site({
      'index.html': '<a href="/k8s-kb/etcd/#raft">x</a><a href="etcd/">rel</a><a href="#top" id="top">t</a><link rel="stylesheet" href="/k8s-kb/a.css"><a href="https://kubernetes.io/">ext</a>',
      'etcd/index.html': '<h2 id="raft">Raft</h2>',
      'a.css': '',
    });
    const r = checkLinks(dir, { base: '/k8s-kb' });
    expect(r.errors).toEqual([]);
    expect(r.links).toBe(4);
  });

  it('reports dead pages, dead anchors, missing assets and links that forgot the base', () => {
    const dir = site({
      'index.html': '<a href="/k8s-kb/nope/">a</a><a href="/k8s-kb/etcd/#missing">b</a><script src="/k8s-kb/x.js"></script><a href="/etcd/">c</a><a href="#nowhere">d</a>',
      'etcd/index.html': '<h2 id="raft">Raft</h2>',
    });
    const r = checkLinks(dir, { base: '/k8s-kb' });
    expect(r.errors).toEqual([
      'index.html: dead link "/k8s-kb/nope/" (no such page or file in the build)',
      'index.html: dead anchor "/k8s-kb/etcd/#missing" (etcd/index.html has no element with id="missing")',
      'index.html: dead asset "/k8s-kb/x.js" (no such page or file in the build)',
      'index.html: link "/etcd/" points outside the base path "/k8s-kb" (write site links as /topic/page/ — the base is added at build time)',
      'index.html: dead anchor "#nowhere" (index.html has no element with id="nowhere")',
    ]);
  });
});
