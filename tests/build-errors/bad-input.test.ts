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
    // An image written from the site root gets the base path, like links.
    expect(html).toContain('src="/k8s-kb/favicon.svg"');
  });

  it('broken frontmatter: names the file and the fields', async () => {
    const r = await buildFixture('bad-frontmatter');
    expect(r.code).not.toBe(0);
    // The previous site is gone: nothing deployable is left behind a failed build.
    expect(leftSite('bad-frontmatter')).toBe(false);
    expect(r.output).toContain('tests/fixtures/sites/bad-frontmatter/architecture/broken.mdx:1: frontmatter has no description — add description:');
    expect(r.output).toContain('tests/fixtures/sites/bad-frontmatter/architecture/broken.mdx:4: sidebar.order must be a number — write order: 2');
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

  it('a dead anchor only the built site shows: the source file and line, the link as written, no site left', async () => {
    // The target page uses a component, so its ids are known only after the build (dead links the source shows
    // are reported by the content lint: see the next test).
    const r = await buildFixture('dead-link');
    expect(r.code).not.toBe(0);
    // The pages were written before the link check: they are removed again.
    expect(leftSite('dead-link')).toBe(false);
    const dir = 'tests/fixtures/sites/dead-link/architecture';
    expect(r.output).toContain(`${dir}/page.mdx:8: dead anchor "/architecture/cards/#no-such-anchor" (${dir}/cards.mdx has no element with id="no-such-anchor") — link to a question id or a heading that exists`);
    const report = r.output.slice(r.output.indexOf('dead internal link(s) or anchor(s)'));
    expect(r.output).toContain('1 dead internal link(s) or anchor(s) in the built pages:');
    expect(report).not.toMatch(/#linked-question|index\.html|\/k8s-kb\/architecture/);
  });

  it('many contributor mistakes at once: each named at its file and line with what to do, no site left', async () => {
    const r = await buildFixture('mistakes');
    expect(r.code).not.toBe(0);
    expect(leftSite('mistakes')).toBe(false);
    // Stopped before any page was built.
    expect(r.output).not.toMatch(/building static entrypoints|generating static routes/i);
    const dir = 'tests/fixtures/sites/mistakes';
    const page = `${dir}/architecture/page.mdx`;
    const expected = [
      // 1. two files, one slug: both named
      `${dir}/architecture/Request Flow.mdx: page URL /architecture/request-flow/ is also produced by ${dir}/architecture/request-flow.mdx; only one of them would be built — rename or merge one of them`,
      `${dir}/architecture/request-flow.mdx: page URL /architecture/request-flow/ is also produced by ${dir}/architecture/Request Flow.mdx`,
      // 2, 3. headings
      `${page}:6: ## heading "没有标记的问题是什么？" is neither a question nor a section — end it with <Q id="…" seeds="…" /> (or added) if it is a question, or with <Section /> if it is a section of an overview page`,
      `${page}:10: <Q> on a ### heading: a question is a ## heading — make it ## or remove the <Q>`,
      // 4. .md
      `${dir}/architecture/old-page.md: a page saved as .md is read as plain Markdown (<Q> becomes an HTML <q> and its question is lost) — rename it to old-page.mdx`,
      // 5. frontmatter
      `${dir}/architecture/keys.mdx:2: unknown frontmatter key "titel" — did you mean "title"?`,
      `${dir}/architecture/keys.mdx:5: unknown frontmatter key "sidebar.ordr" — did you mean "sidebar.order"?`,
      `${dir}/architecture/quote.mdx:3: frontmatter field "description" opens a quote that is never closed — close it on the same line or write the value without quotes`,
      `${dir}/architecture/no-close.mdx:1: the frontmatter opened by --- on line 1 is never closed — add a line --- after its last field`,
      `${dir}/architecture/empty-sidebar.mdx:4: sidebar is empty — give order: N (indented under sidebar:) or remove it`,
      // 6. folder that is not a topic
      `${dir}/not-a-topic/page.mdx: folder "not-a-topic" is not a topic, so the page is in no sidebar group — add the topic to src/topics.ts or move the file into one of its topic folders`,
      // 7. file names
      `${dir}/architecture/Request Flow.mdx: file name "Request Flow.mdx" is not kebab-case (the name is the page's URL) — rename to request-flow.mdx`,
      `${dir}/architecture/排障.mdx: file name "排障.mdx" is not English kebab-case`,
      // 8. code fences
      `${page}:14: code fence without a language — name it: bash, yaml,`,
      `${page}:18: code fence language "kubectl" is not accepted — write \`\`\`bash (accepted: bash, yaml,`,
      // 9. diagram budget
      `${page}:22: Mermaid diagram "太大的图" is too large: 71 statements, 1593 characters (budget 60 statements, 2000 characters) — split it`,
      // 10. MDX syntax in prose
      `${dir}/architecture/prose-tag.mdx:6: <pod> is read as an HTML/JSX tag that is never closed (MDX) — if it is a placeholder or literal text, wrap it in backticks: \`<pod>\``,
      `${dir}/architecture/prose-expr.mdx:6: {{ .Values.image }} is read as a JavaScript expression (MDX) and does not parse — if it is literal text (a Helm or Go template, JSON), wrap it in backticks: \`{{ .Values.image }}\``,
      // 11. links as written
      `${page}:106: dead link "/architecture/no-such-page/": no page /architecture/no-such-page/ — fix the path`,
      `${page}:106: dead anchor "/architecture/request-flow/#no-such-anchor": `,
      `${page}:106: link "/k8s-kb/architecture/request-flow/" includes the base path /k8s-kb — write it from the site root (/architecture/request-flow/)`,
      // 12. images
      `${page}:102: image not found: public/images/missing.png — put the file there`,
      // 13. external content
      `${page}:96: <script> is not allowed in content: the site loads and runs nothing from elsewhere — put the file in public/`,
      `${page}:98: <iframe> is not allowed in content`,
      `${page}:100: external content is not allowed: <img src="https://tracker.example.com/p.png"> would load from a third party — put the file in public/`,
      // 14. short answers: the answer opens with a paragraph of at most SUMMARY_MAX characters
      `${dir}/architecture/summary.mdx:6: question "list-first" opens its answer with a list, not a paragraph — start the answer with a 2–4 sentence paragraph`,
      `${dir}/architecture/summary.mdx:11: question "long-summary": the paragraph that opens the answer has 650 characters (short answers: at most 600) — say the answer in 2–4 sentences`,
      // collected across files: the seed answered on two pages
      `${dir}/architecture/request-flow.mdx:6: seed "kubelet-role" is answered twice: ${page}:12 and ${dir}/architecture/request-flow.mdx:6 — keep one canonical question`,
    ];
    expect(expected.filter((m) => !r.output.includes(m))).toEqual([]);
    expect(r.output).toMatch(/29 content mistake\(s\) in 13 file\(s\)/);
    // Fine as written: an existing question anchor, an external page, an image in public/.
    expect(r.output).not.toMatch(/#request-path|kubernetes\.io|favicon/);
  });

  it('Mermaid syntax error: names file and line', async () => {
    const r = await buildFixture('bad-mermaid');
    expect(r.code).not.toBe(0);
    // The fence opens on line 10; the bad statement is line 3 of the diagram, i.e. line 13 of the file.
    expect(r.output).toMatch(/tests\/fixtures\/sites\/bad-mermaid\/architecture\/page\.mdx:13: Mermaid diagram "坏掉的图" does not parse \(line 3 of the diagram\)/);
  });
});
