// Diagrams in a real fixture build: the output does not depend on the diagram cache (ids derive from each diagram's
// content hash and theme, never from Mermaid's session counters), and no element id repeats on a page.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { astroBuild, ROOT } from '../helpers/build.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'sites');

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
    const mermaidCache = join(work, 'mermaid');
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
    process.env.KB_MERMAID_CACHE = mermaidCache;
    const { renderDiagram, closeRenderer } = await import('../../src/lib/mermaid-renderer.ts');
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
