// The content lint (src/lint/) on small in-memory pages: every kind of mistake, and what must pass.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledLanguages } from 'shiki';
import type { Root as HastRoot } from 'hast';
import { formatProblem, lintContent, lintFiles } from '../../src/lint/lint.ts';
import { sourceMessages, withoutBase } from '../../src/lint/built-links.ts';
import type { LintContext } from '../../src/lint/lint.ts';
import { checkFrontmatter } from '../../src/lint/frontmatter.ts';
import { checkPath, pageSlug, suggestKebab } from '../../src/lint/names.ts';
import { DIAGRAM_BUDGET, FENCE_LANGUAGES } from '../../src/lint/page.ts';
import { parseMdx } from '../../src/lib/content-scan.ts';
import { removeSectionMarkers } from '../../src/plugins/remark-questions.ts';
import rehypeBaseLinks from '../../src/plugins/rehype-base-links.ts';
import { plainText } from '../../src/lib/mdast-text.ts';
import { topicIds } from '../../src/topics.ts';
import { K8S_BASELINE } from '../../src/lib/baseline.ts';
import type { LintFile } from '../../src/lib/types.ts';

const FM = '---\ntitle: 测试页面\ndescription: 一个用于测试内容检查的页面。\n---\n';
const ctx: LintContext = { topicIds, base: '/k8s-kb', routes: ['questions.json'], publicFile: (p) => ['images/ok.png', 'favicon.svg'].includes(p) };
const file = (rel: string, source: string): LintFile => ({ rel, display: `content/docs/${rel}`, source });
/** The lint's lines for the given files (`<file>:<line>: <message>`). */
const lint = (...files: LintFile[]): string[] => lintFiles(files, ctx).map(formatProblem);
/** The lint's lines for one page `architecture/x.mdx` with the standard frontmatter and `body`. */
const lintBody = (body: string): string[] => lint(file('architecture/x.mdx', `${FM}\n${body}`));
const Q = (id: string) => `<Q id="${id}" added />`;

describe('frontmatter', () => {
  it('accepts the fields real pages use', () => {
    expect(checkFrontmatter(`---\ntitle: T\ndescription: 一句完整的话概括本页。\nsidebar:\n  order: 2\n  label: 概览\ntableOfContents: false\n---\n`).problems).toEqual([]);
  });
  it('names unknown keys at their line, with the key they resemble', () => {
    const { problems } = checkFrontmatter('---\ntitel: T\ndescription: 一句完整的话概括本页。\nsidebar:\n  ordr: 3\nfoo: 1\n---\n');
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^2: unknown frontmatter key "titel" — did you mean "title"\? allowed: title, description/),
      expect.stringMatching(/^6: unknown frontmatter key "foo" — allowed: title/),
      expect.stringMatching(/^5: unknown frontmatter key "sidebar.ordr" — did you mean "sidebar.order"\?/),
      '1: frontmatter has no title — add title: 页面标题',
    ]);
  });
  it('points an unclosed quote at the line of its field, not at the closing ---', () => {
    const { problems } = checkFrontmatter("---\ntitle: T\ndescription: '一句话没有结束\nsidebar:\n  order: 1\n---\n");
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/^frontmatter field "description" opens a quote that is never closed — /) }]);
    expect(checkFrontmatter('---\ntitle: "T\ndescription: 一句完整的话概括本页。\n---\n').problems[0]?.line).toBe(2);
  });
  it('says a closing --- is missing, and that an empty sidebar needs order', () => {
    expect(checkFrontmatter('---\ntitle: T\ndescription: 一句完整的话概括本页。\n\n正文\n').problems).toEqual([
      { line: 1, message: 'the frontmatter opened by --- on line 1 is never closed — add a line --- after its last field' },
    ]);
    expect(checkFrontmatter('---\ntitle: T\ndescription: 一句完整的话概括本页。\nsidebar:\n---\n').problems).toEqual([
      { line: 4, message: 'sidebar is empty — give order: N (indented under sidebar:) or remove it' },
    ]);
    expect(checkFrontmatter('正文\n').problems[0]?.message).toMatch(/^the page has no frontmatter — /);
    // Fields without the opening --- would read as a ## heading (setext): only the frontmatter is reported.
    expect(lint(file('etcd/raft.mdx', 'title: T\ndescription: 一句完整的话概括本页。\n---\n\n正文\n'))).toEqual([expect.stringMatching(/^content\/docs\/etcd\/raft\.mdx:1: the page has no frontmatter — /)]);
  });
  it('checks the fields the site needs, at their line', () => {
    const { problems } = checkFrontmatter('---\ntitle: T\ndescription: 短\nsidebar:\n  order: first\n---\n');
    expect(problems.map((p) => `${p.line}: ${p.message.split(' — ')[0]}`)).toEqual(['3: description is missing or too short', '5: sidebar.order must be a number']);
    expect(checkFrontmatter('---\ntitle: T\ntitle: U\ndescription: 一句完整的话概括本页。\n---\n').problems[0]?.message).toMatch(/field twice/);
  });
});

describe('file names and folders', () => {
  it('slugifies like Astro and suggests kebab-case names', () => {
    expect(pageSlug('architecture/Request Flow.mdx')).toBe('architecture/request-flow');
    expect(pageSlug('etcd/index.mdx')).toBe('etcd');
    expect(suggestKebab('Request Flow')).toBe('request-flow');
    expect(suggestKebab('podStatus_v2')).toBe('pod-status-v2');
    expect(suggestKebab('排障')).toBeUndefined();
  });
  it('accepts topic pages and the root pages', () => {
    for (const rel of ['index.mdx', '404.mdx', 'etcd/index.mdx', 'troubleshooting/pod-status.mdx']) expect(checkPath(file(rel, ''), topicIds)).toEqual([]);
  });
  it('rejects .md and other files, unknown folders, pages outside a topic, non-kebab names', () => {
    const messages = (rel: string) => checkPath(file(rel, ''), topicIds).map((p) => p.message);
    expect(messages('etcd/raft.md')).toEqual([expect.stringMatching(/— rename it to raft\.mdx$/)]);
    expect(messages('etcd/diagram.png')).toEqual([expect.stringMatching(/^only \.mdx pages belong in the content folder — move this file to public\//)]);
    expect(messages('etcdd/raft.mdx')).toEqual([expect.stringMatching(/^folder "etcdd" is not a topic, .* — add the topic to src\/topics\.ts or move the file/)]);
    expect(messages('about.mdx')).toEqual([expect.stringMatching(/^a page outside any topic folder .* — move it into a topic folder/)]);
    expect(messages('etcd/Raft Basics.mdx')).toEqual([expect.stringMatching(/is not kebab-case .* — rename to raft-basics\.mdx$/)]);
    expect(messages('etcd/选主.mdx')).toEqual([expect.stringMatching(/is not English kebab-case/)]);
  });
  it('names both files whose names give one URL', () => {
    const out = lint(file('etcd/raft.mdx', FM), file('etcd/Raft.mdx', FM));
    expect(out).toContain('content/docs/etcd/raft.mdx: page URL /etcd/raft/ is also produced by content/docs/etcd/Raft.mdx; only one of them would be built — rename or merge one of them');
    expect(out).toContain('content/docs/etcd/Raft.mdx: page URL /etcd/raft/ is also produced by content/docs/etcd/raft.mdx; only one of them would be built — rename or merge one of them');
  });
});

describe('headings', () => {
  it('a ## is a question or a marked section', () => {
    expect(lintBody(`## 问题？ ${Q('a')}\n\n答案。\n\n### 小节\n\n## 自测 <Section />\n`)).toEqual([]);
    expect(lintBody('## 忘了标记的问题？\n')).toEqual([
      'content/docs/architecture/x.mdx:6: ## heading "忘了标记的问题？" is neither a question nor a section — end it with <Q id="…" seeds="…" /> (or added) if it is a question, or with <Section /> if it is a section of an overview page',
    ]);
  });
  it('<Q> and <Section /> mark ## headings only', () => {
    expect(lintBody(`### 三级问题？ ${Q('a')}\n`)).toEqual([expect.stringMatching(/:6: <Q> on a ### heading: a question is a ## heading — make it ## or remove the <Q>/)]);
    expect(lintBody('### 小节 <Section />\n')).toEqual([expect.stringMatching(/:6: <Section \/> on a ### heading: it marks ## headings only — remove it/)]);
    expect(lintBody('<Section />\n')).toEqual([expect.stringMatching(/:6: <Section \/> must stand at the end of a ## heading/)]);
  });
  it('marker mistakes are collected with the others (not thrown)', () => {
    expect(lintBody('## A <Q id="Bad_Id" added />\n\n```\nx\n```\n')).toEqual([
      expect.stringMatching(/:6: question id "Bad_Id" is not kebab-case/),
      expect.stringMatching(/:8: code fence without a language/),
    ]);
  });
  it('the build drops <Section /> from the heading text', () => {
    const tree = parseMdx('## 自测 <Section />\n');
    expect(plainText(tree)).toBe('自测 ');
    removeSectionMarkers(tree);
    const heading = tree.children[0];
    expect(heading?.type === 'heading' && heading.children).toEqual([expect.objectContaining({ type: 'text', value: '自测' })]);
  });
});

describe('code fences and diagrams', () => {
  it('every accepted language is one Shiki highlights (mermaid becomes a diagram, text stays plain)', () => {
    expect(FENCE_LANGUAGES.filter((l) => l !== 'mermaid' && l !== 'text' && !(l in bundledLanguages))).toEqual([]);
  });
  it('a fence needs a known language; aliases get the accepted name', () => {
    expect(lintBody('```bash\nkubectl get pods\n```\n\n```text\nok\n```\n')).toEqual([]);
    expect(lintBody('```\nx\n```\n')).toEqual([expect.stringMatching(/:6: code fence without a language — name it: bash, yaml, json, text/)]);
    expect(lintBody('```kubectl\nget pods\n```\n')).toEqual([expect.stringMatching(/:6: code fence language "kubectl" is not accepted — write ```bash \(accepted: bash/)]);
    expect(lintBody('```rust\nfn main() {}\n```\n')).toEqual([expect.stringMatching(/:6: code fence language "rust" is not accepted — use one of \(accepted: bash/)]);
  });
  it('a diagram over the budget fails with its size', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `  A${i} --> A${i + 1}`).join('\n');
    expect(lintBody(`\`\`\`mermaid title="图"\nflowchart TB\n${lines(DIAGRAM_BUDGET.statements - 1)}\n\`\`\`\n`)).toEqual([]);
    const big = `flowchart TB\n${lines(DIAGRAM_BUDGET.statements)}`;
    expect(lintBody(`\`\`\`mermaid title="大图"\n${big}\n\`\`\`\n`)).toEqual([
      `content/docs/architecture/x.mdx:6: Mermaid diagram "大图" is too large: ${DIAGRAM_BUDGET.statements + 1} statements, ${big.length} characters (budget ${DIAGRAM_BUDGET.statements} statements, ${DIAGRAM_BUDGET.characters} characters) — split it into smaller diagrams or link to the details`,
    ]);
  });
});

describe('MDX syntax in prose', () => {
  it('a placeholder or template in prose: wrap it in backticks', () => {
    expect(lintBody('运行 kubectl logs <pod-name> -n kube-system。\n')).toEqual([
      'content/docs/architecture/x.mdx:6: <pod-name> is read as an HTML/JSX tag that is never closed (MDX) — if it is a placeholder or literal text, wrap it in backticks: `<pod-name>`',
    ]);
    expect(lintBody('第一段。\n\n写成 {{ .Values.image.tag }} 即可。\n')).toEqual([
      'content/docs/architecture/x.mdx:8: {{ .Values.image.tag }} is read as a JavaScript expression (MDX) and does not parse — if it is literal text (a Helm or Go template, JSON), wrap it in backticks: `{{ .Values.image.tag }}`',
    ]);
    expect(lintBody('运行 `kubectl logs <pod>`，模板 `{{ .Values }}`。\n')).toEqual([]);
  });
  it('other parse errors keep the parser position and say what usually causes them', () => {
    expect(lintBody('<div>\n\n</span>\n')).toEqual([expect.stringMatching(/:8: MDX cannot parse this: Unexpected closing tag `<\/span>`.* — literal <…> and \{…\} in prose belong in backticks/)]);
  });
});

describe('external content and images', () => {
  it('scripts, frames and embeds never pass', () => {
    const out = lintBody('<script src="/local.js"></script>\n\n<iframe src="https://example.com/"></iframe>\n\n<object data="x.swf"></object>\n\n<embed src="x" />\n');
    expect(out.map((l) => l.replace(/ — .*/, ''))).toEqual([
      'content/docs/architecture/x.mdx:6: <script> is not allowed in content: the site loads and runs nothing from elsewhere',
      'content/docs/architecture/x.mdx:8: <iframe> is not allowed in content: the site loads and runs nothing from elsewhere',
      'content/docs/architecture/x.mdx:10: <object> is not allowed in content: the site loads and runs nothing from elsewhere',
      'content/docs/architecture/x.mdx:12: <embed> is not allowed in content: the site loads and runs nothing from elsewhere',
    ]);
  });
  it('media from another origin does not pass; links to external pages do', () => {
    const out = lintBody('<img src="https://t.example.com/p.gif" />\n\n<video poster="//cdn.example.com/a.png" />\n\n![x](http://example.com/a.png)\n\n[Kubernetes 文档](https://kubernetes.io/docs/)\n');
    expect(out).toEqual([
      expect.stringMatching(/:6: external content is not allowed: <img src="https:\/\/t\.example\.com\/p\.gif"> would load from a third party — put the file in public\//),
      expect.stringMatching(/:8: external content is not allowed: <video poster="\/\/cdn\.example\.com\/a\.png">/),
      expect.stringMatching(/:10: external content is not allowed: the image "http:\/\/example\.com\/a\.png" would load from a third party/),
    ]);
    expect(lintBody('<div style="background: url(\'https://t.example.com/b.png\')">x</div>\n\n<div style="text-align: center">y</div>\n')).toEqual([
      expect.stringMatching(/:6: external content is not allowed: style="…url\(https:\/\/t\.example\.com\/b\.png\)" on <div> would load from a third party/),
    ]);
  });
  it('an image from the site root must exist in public/', () => {
    expect(lintBody('![图](/images/ok.png)\n\n<img src="/favicon.svg" alt="" />\n')).toEqual([]);
    expect(lintBody('![图](/images/missing.png)\n\n<img src="/images/gone.png" alt="" />\n\n![相对](./a.png)\n')).toEqual([
      'content/docs/architecture/x.mdx:6: image not found: public/images/missing.png — put the file there, or fix the path (/images/missing.png is read from public/)',
      'content/docs/architecture/x.mdx:8: image not found: public/images/gone.png — put the file there, or fix the path (/images/gone.png is read from public/)',
      expect.stringMatching(/:10: image "\.\/a\.png" is relative to the page — put the file in public\/images\/ and write it from the site root/),
    ]);
  });
  it('the build adds the base to image sources, like links', () => {
    const tree: HastRoot = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'img', properties: { src: '/images/a.png' }, children: [] },
        { type: 'element', tagName: 'img', properties: { src: 'https://x.example/a.png' }, children: [] },
        { type: 'element', tagName: 'a', properties: { href: '/etcd/' }, children: [] },
      ],
    };
    const transform = rehypeBaseLinks.call(undefined as never, { base: '/k8s-kb' });
    if (typeof transform === 'function') transform(tree, undefined as never, () => {});
    expect(tree.children.map((c) => (c.type === 'element' ? c.properties.src ?? c.properties.href : ''))).toEqual(['/k8s-kb/images/a.png', 'https://x.example/a.png', '/k8s-kb/etcd/']);
  });
});

describe('links', () => {
  const target = file('etcd/raft.mdx', `${FM}\n## 选主？ ${Q('raft-election')}\n\n答案。\n\n### 任期\n\n## 自测 <Section />\n`);
  const from = (body: string) => lint(target, file('architecture/x.mdx', `${FM}\n${body}`));
  it('pages, questions, sub-headings, sections, own anchors, routes and public files resolve', () => {
    expect(from('[a](/etcd/raft/#raft-election) [b](/etcd/raft/#raft-election-任期) [c](/etcd/raft/#自测) [d](/etcd/raft) [e](#_top) [f](/questions.json) [g](/favicon.svg) [h](https://kubernetes.io/)\n')).toEqual([]);
  });
  it('heading ids are made from the text the page shows ({K8S} is the baseline release)', () => {
    const page = file('etcd/versions.mdx', `${FM}\n## 版本 <Section />\n\n### Kubernetes {K8S} 的变化\n`);
    const id = `kubernetes-${K8S_BASELINE.replace(/\./g, '')}-的变化`;
    expect(lint(page, file('architecture/x.mdx', `${FM}\n[a](/etcd/versions/#${encodeURIComponent(id)})\n`))).toEqual([]);
  });
  it('dead pages and anchors are reported at the line, as written, with the page they point into', () => {
    expect(from('第一行。\n\n[a](/etcd/raf/) 和 [b](/etcd/raft/#raft-elektion)\n')).toEqual([
      'content/docs/architecture/x.mdx:8: dead link "/etcd/raf/": no page /etcd/raf/ — fix the path (did you mean /etcd/raft/?); pages are /<topic>/<file name>/',
      'content/docs/architecture/x.mdx:8: dead anchor "/etcd/raft/#raft-elektion": content/docs/etcd/raft.mdx has no question or heading with id "raft-elektion" — did you mean #raft-election? link to a question id (<Q id="…">) or a heading on that page',
    ]);
  });
  it('links with the base path, relative links and links to source files are rejected', () => {
    expect(from('[a](/k8s-kb/etcd/raft/) [b](../etcd/raft/) [c](/etcd/raft.mdx)\n').map((l) => l.replace(/ — .*/, ''))).toEqual([
      'content/docs/architecture/x.mdx:6: link "/k8s-kb/etcd/raft/" includes the base path /k8s-kb',
      'content/docs/architecture/x.mdx:6: relative link "../etcd/raft/"',
      'content/docs/architecture/x.mdx:6: link "/etcd/raft.mdx" points at a source file',
    ]);
  });
  it('anchors on pages built by components are left to the built-site check', () => {
    const cheat = file('troubleshooting/commands.mdx', `${FM}\nimport X from '~/components/X.astro';\n\n<X />\n`);
    expect(lint(cheat, file('architecture/x.mdx', `${FM}\n[a](/troubleshooting/commands/#cmd-kubectl)\n`))).toEqual([]);
  });
});

describe('dead links found in the built site', () => {
  it('are named by the content file and line where they are written, without the base', () => {
    const page = file('architecture/x.mdx', `${FM}\n正文\n\n见 [卡片](/etcd/cards/#gone)。\n`);
    const cards = file('etcd/cards.mdx', FM);
    const problems = [
      { page: 'architecture/x/index.html', url: '/k8s-kb/etcd/cards/#gone', target: 'etcd/cards/index.html', message: 'dead anchor "/k8s-kb/etcd/cards/#gone" (etcd/cards/index.html has no element with id="gone")' },
      { page: 'etcd/index.html', url: '/k8s-kb/nope/', message: 'dead link "/k8s-kb/nope/" (no such page or file in the build)' },
    ];
    expect(withoutBase('/k8s-kb', '/k8s-kb')).toBe('/');
    expect(sourceMessages(problems, [page, cards], '/k8s-kb')).toEqual([
      'content/docs/architecture/x.mdx:8: dead anchor "/etcd/cards/#gone" (content/docs/etcd/cards.mdx has no element with id="gone") — link to a question id or a heading that exists (ids added by components count)',
      'etcd/index.html: dead link "/nope/" (no such page or file in the build)',
    ]);
  });
});

describe('CONTRIBUTING.md', () => {
  const text = readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
  it('lists the accepted fence languages and the diagram budget the lint uses', () => {
    const listed = /只能是这些：(.*?)（图用 `mermaid`）/.exec(text)?.[1]?.match(/`([a-z]+)`/g)?.map((l) => l.slice(1, -1));
    expect(listed).toEqual(FENCE_LANGUAGES.filter((l) => l !== 'mermaid'));
    expect(text).toContain(`一张图最多 ${DIAGRAM_BUDGET.statements} 条语句（不算空行和 \`%%\` 注释）、${DIAGRAM_BUDGET.characters} 个字符`);
  });
});

describe('the real content', () => {
  it('has none of these mistakes', () => {
    expect(lintContent({ contentDir: 'content/docs', publicDir: 'public', pagesDir: 'src/pages', topicIds, base: '/k8s-kb' }).map(formatProblem)).toEqual([]);
  });
});
