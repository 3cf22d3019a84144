// Bad input stops the build with a message that names the file and what is wrong.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, ROOT } from '../helpers/build.ts';

/** Is a site (an index.html) left in the fixture's output folder? */
const leftSite = (name: string) => existsSync(join(ROOT, '.test-dist', `fixture-${name}`, 'dist', 'index.html'));

/** Builds a fixture site into .test-dist/fixture-<name>/dist, over a stale “previous site” there. */
async function buildFixture(name: string) {
  const work = join(ROOT, '.test-dist', `fixture-${name}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'dist'), { recursive: true });
  writeFileSync(join(work, 'dist', 'index.html'), '<!doctype html><title>previous build</title>');
  return astroBuild({
    outDir: join(work, 'dist'),
    cacheDir: join(work, 'cache'),
    contentDir: `./tests/fixtures/sites/${name}`,
    env: { KB_MERMAID_CACHE: join(work, 'mermaid') },
  });
}

// Sequential: concurrent builds would share the project's generated .astro/ folder.
describe('bad input stops the build', () => {
  it('a valid fixture site builds (so the failures below are caused by the bad input)', async () => {
    const r = await buildFixture('ok');
    expect(r.output).toContain('Complete!');
    expect(r.code).toBe(0);
    // The fixture repeats one diagram: every element id on the page must still be unique.
    const html = readFileSync(join(ROOT, '.test-dist', 'fixture-ok', 'dist', 'architecture', 'components', 'index.html'), 'utf8');
    expect((html.match(/<figure class="kb-diagram"/g) ?? []).length).toBe(2);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('broken frontmatter: names the file and the fields', async () => {
    const r = await buildFixture('bad-frontmatter');
    expect(r.code).not.toBe(0);
    // The previous site is gone: nothing deployable is left behind a failed build.
    expect(leftSite('bad-frontmatter')).toBe(false);
    expect(r.output).toMatch(/architecture\/broken\.mdx/);
    expect(r.output).toMatch(/description/);
    expect(r.output).toMatch(/sidebar\.order/);
  });

  it('duplicate question id: names both places', async () => {
    const r = await buildFixture('duplicate-id');
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/duplicate question id "same-id": tests\/fixtures\/sites\/duplicate-id\/architecture\/one\.mdx:6 and tests\/fixtures\/sites\/duplicate-id\/architecture\/two\.mdx:6/);
  });

  it('unknown seed id: names file, line and id', async () => {
    const r = await buildFixture('unknown-seed');
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/tests\/fixtures\/sites\/unknown-seed\/architecture\/page\.mdx:8: question "some-question" lists unknown seed id "not-a-source-id"/);
  });

  it('dead internal link and dead anchor', async () => {
    const r = await buildFixture('dead-link');
    expect(r.code).not.toBe(0);
    // The pages were written before the link check: they are removed again.
    expect(leftSite('dead-link')).toBe(false);
    expect(r.output).toMatch(/dead link "\/k8s-kb\/architecture\/no-such-page\/"/);
    expect(r.output).toMatch(/dead anchor "\/k8s-kb\/architecture\/page\/#no-such-anchor"/);
    expect(r.output).not.toMatch(/#linked-question/);
  });

  it('Mermaid syntax error: names file and line', async () => {
    const r = await buildFixture('bad-mermaid');
    expect(r.code).not.toBe(0);
    // The fence opens on line 10; the bad statement is line 3 of the diagram, i.e. line 13 of the file.
    expect(r.output).toMatch(/tests\/fixtures\/sites\/bad-mermaid\/architecture\/page\.mdx:13: Mermaid diagram "坏掉的图" does not parse \(line 3 of the diagram\)/);
  });
});
