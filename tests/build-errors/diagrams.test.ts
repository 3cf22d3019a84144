// Diagrams in a real fixture build: the output, diagram font subsets included, does not depend on the diagram cache
// (ids derive from each diagram's content hash, never from Mermaid's session counters; subsets are made again
// from scratch), and no element id repeats on a page.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import { astroBuild, ROOT } from '../helpers/build.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'sites');
// The renderer reads it when first imported (below, in the tests).
const MERMAID_CACHE = join(ROOT, '.test-dist', 'fixture-diagrams', 'mermaid');
process.env.KB_MERMAID_CACHE = MERMAID_CACHE;
const renderer = () => import('../../src/lib/mermaid-renderer.ts');
afterAll(async () => (await renderer()).closeRenderer());

/** A local server that records every request it gets (what a diagram could make a browser fetch). */
function recordingServer(port = 0): Promise<{ port: number; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png' }).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, hits, close: () => new Promise((r) => server.close(() => r())) }),
    );
  });
}

/** Files of a folder, relative, sorted. */
const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1).split(sep).join('/'))
    .sort();

/** The ```mermaid fence bodies of a fixture site, in file order. */
function diagramsOf(site: string): string[] {
  const dir = join(FIXTURES, site);
  return filesOf(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```$/gm)].map((m) => m[1]));
}

describe('diagram output is reproducible', () => {
  it('a cold and a differently warmed diagram cache give byte-identical sites, with no repeated id on a page', async () => {
    const work = join(ROOT, '.test-dist', 'fixture-diagrams');
    const mermaidCache = MERMAID_CACHE;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const build = () =>
      astroBuild({ outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), contentDir: './tests/fixtures/sites/diagrams', env: { KB_MERMAID_CACHE: mermaidCache } });

    const cold = await build();
    expect(cold.code, cold.output.slice(-3000)).toBe(0);
    expect(cold.output).toMatch(/mermaid: [1-9]\d* diagrams rendered, \d+ from cache/);
    renameSync(join(work, 'dist'), join(work, 'dist-cold'));

    // Warm the cache another way: in this process, in reverse order, after an unrelated sequence diagram, so
    // Mermaid's session counters (sequence actors) stand elsewhere than in the cold build's browser.
    rmSync(mermaidCache, { recursive: true, force: true });
    const { renderDiagram, closeRenderer } = await renderer();
    try {
      const warmUp = await renderDiagram('sequenceDiagram\n  participant X as 甲\n  participant Y as 乙\n  participant Z as 丙\n  X->>Y: 一\n  Y->>Z: 二');
      expect(warmUp.ok).toBe(true);
      for (const code of diagramsOf('diagrams').reverse()) expect((await renderDiagram(code)).ok).toBe(true);
    } finally {
      await closeRenderer();
    }

    const warm = await build();
    expect(warm.code, warm.output.slice(-3000)).toBe(0);
    expect(warm.output).toMatch(/mermaid: 0 diagrams rendered, \d+ from cache, 0 browser launch/);

    const coldFiles = filesOf(join(work, 'dist-cold'));
    expect(filesOf(join(work, 'dist'))).toEqual(coldFiles);
    expect(coldFiles.filter((f) => /^_astro\/kb-dg-[0-9a-f]{16}\.woff2$/.test(f)).length).toBeGreaterThan(0);
    const differ = coldFiles.filter((f) => !readFileSync(join(work, 'dist-cold', f)).equals(readFileSync(join(work, 'dist', f))));
    expect(differ).toEqual([]);

    for (const page of coldFiles.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(work, 'dist', page), 'utf8');
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), page).toEqual([]);
    }
    const flows = readFileSync(join(work, 'dist', 'architecture', 'flows', 'index.html'), 'utf8');
    expect((flows.match(/<figure class="kb-diagram"/g) ?? []).length).toBe(3);
  });
});

describe('diagrams load nothing from elsewhere', () => {
  it('an init directive with themeCSS stops the build at its line, and nothing is fetched', async () => {
    // The fixture's diagram points at this port (tests/fixtures/sites/diagram-inject/architecture/page.mdx).
    const server = await recordingServer(39213);
    try {
      const work = join(ROOT, '.test-dist', 'fixture-diagram-inject');
      rmSync(work, { recursive: true, force: true });
      const r = await astroBuild({
        outDir: join(work, 'dist'),
        cacheDir: join(work, 'cache'),
        contentDir: './tests/fixtures/sites/diagram-inject',
        env: { KB_MERMAID_CACHE: join(work, 'mermaid') },
      });
      expect(r.code).not.toBe(0);
      // The fence opens on line 10; the directive is line 1 of the diagram.
      expect(r.output).toMatch(
        /tests\/fixtures\/sites\/diagram-inject\/architecture\/page\.mdx:11: Mermaid diagram "想加载外部图片的图": an init directive may not set themeCSS: colours and fonts come from the site theme \(remove the setting\) \(line 1 of the diagram\)/,
      );
      expect(existsSync(join(work, 'dist', 'index.html'))).toBe(false);
      expect(server.hits).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('the diagram browser refuses every request but its own, and an SVG that would load something is rejected', async () => {
    const server = await recordingServer();
    const at = `http://127.0.0.1:${server.port}`;
    try {
      const { renderDiagram } = await renderer();
      // Past the source check (the renderer alone): CSS that a browser would fetch while rendering.
      const css = `svg { background-image: url(${at}/bg.png) } .node rect { fill: url(${at}/fill.svg#p) } @import url(${at}/a.css);`;
      const result = await renderDiagram(`%%{init: {"themeCSS": "${css}"}}%%\nflowchart TB\n  A["甲"] --> B["乙"]`);
      expect(result.ok).toBe(false);
      if (result.ok) throw new Error('rendered'); // (unreachable: the expect above fails first)
      expect(result.kind).toBe('unsafe');
      expect(result.message).toContain(`${at}/bg.png`);
      // Give a late request time to arrive: none may.
      await new Promise((r) => setTimeout(r, 500));
      expect(server.hits).toEqual([]);
      // The page still renders ordinary diagrams afterwards.
      expect((await renderDiagram('flowchart TB\n  A["甲"] --> B["乙"]')).ok).toBe(true);
    } finally {
      await server.close();
    }
  });
});
