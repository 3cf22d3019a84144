// The project's shared contracts: the shapes that pass between the content model (src/lib), the remark plugins,
// the search index, the scripts and the tests. Type-only module: nothing here exists at run time.
import type { Heading, Root } from 'mdast';
// Type-only: registers the MDX JSX nodes (`<Q …>`) in mdast's node unions for every user of these types.
import type {} from 'mdast-util-mdx';
import type { PLAYBOOK_SECTIONS } from './playbooks.ts';

export type { RegistryEntry } from './registry.ts';

/**
 * One entry of data/source-questions.json (a copy of shared/questions.json): a distinct question found in the
 * source documents. Questions of the site name the entries they answer in `<Q seeds="…">`.
 */
export interface SourceQuestion {
  /** Stable kebab-case id, referenced by `seeds="…"`. */
  id: string;
  /** The source document it comes from (a file name under shared/seeds, e.g. `000_51654134e741846d.txt`). */
  seed: string;
  /** The question as the source asks it (Chinese, verbatim). */
  question: string;
  /** Whether the source document answers the question. */
  answered: boolean;
  /** Id of the topic it belongs to (one of `topics` in src/topics.ts). */
  topic: string;
  /** Ids of other source questions that ask the same thing (answered by one canonical question). */
  duplicates: string[];
  /** A diagram idea for the answer, or null where none was proposed. */
  diagram: string | null;
  /** Whether the source's answer contains shell commands. */
  commands: boolean;
}

/** Heading level of an mdast heading (1–6). */
export type HeadingDepth = Heading['depth'];

/**
 * A question of a page, as `extractQuestions` (src/lib/questions.ts) returns it for each heading that carries a
 * `<Q id="…" seeds="…" | added aka="…">` marker.
 */
export interface Question {
  /** The `id` attribute: kebab-case, unique site-wide; becomes the heading's anchor. */
  id: string;
  /** Plain text of the heading, whitespace collapsed, without the marker. */
  title: string;
  /** Ids of data/source-questions.json entries the question answers (empty when `added`). */
  seeds: string[];
  /** True for a question the sources do not ask (`<Q … added />`). */
  added: boolean;
  /** Search aliases from `aka="a|b|c"` (empty when the attribute is absent). */
  aka: string[];
  /** 1-based line of the heading in the MDX source; undefined only for a tree built without positions. */
  line: number | undefined;
  /** Heading level of the question. */
  depth: HeadingDepth;
  /**
   * The short answer: plain text of the paragraph right after the heading (whitespace collapsed), or null when the
   * answer opens with something else (the content lint reports it; at most `SUMMARY_MAX` characters).
   */
  summary: string | null;
  /** What the answer opens with: `paragraph`, or what stands there instead (`a list`, `a ### heading`, `nothing`…). */
  opening: string;
}

/** A question as `loadContent` (src/lib/content-scan.ts) lists it: with the page it stands on. */
export interface PageQuestion extends Question {
  /** Path of the content file (relative to the working directory, e.g. `content/docs/etcd/raft.mdx`). */
  file: string;
  /** Page slug, e.g. `etcd/raft` (`''` for the home page). */
  slug: string;
  /** Topic id: the first segment of the slug. */
  topic: string;
}

/**
 * A heading inside a question's section, as `subHeadings` (src/lib/questions.ts) returns it: the id it gets is
 * qualified by the question (`ts-pod-pending-症状`).
 */
export interface SubHeading {
  /** The mdast heading node itself (the question plugin writes the id into its `data.hProperties`). */
  node: Heading;
  /** `<question id>-<slug of text>`, with `-2`, `-3` … for repeats within the question. */
  id: string;
  /** Plain text of the heading, whitespace collapsed. */
  text: string;
  /** Heading level (deeper than the question's). */
  depth: HeadingDepth;
  /** Id of the question whose section the heading is in. */
  questionId: string;
  /** 1-based line in the MDX source; undefined only for a tree built without positions. */
  line: number | undefined;
}

/**
 * A `###` section of a troubleshooting playbook, in the fixed order of `PLAYBOOK_SECTIONS`
 * (src/lib/playbooks.ts): symptoms, the commands to run first, decision tree, causes and fixes, related knowledge.
 */
export type PlaybookSection = (typeof PLAYBOOK_SECTIONS)[number];

/** The two colour themes every Mermaid diagram is rendered in. */
export type MermaidTheme = 'light' | 'dark';

/** The Mermaid configuration the renderer passes to `mermaid.initialize` for one theme. */
export interface MermaidConfig {
  startOnLoad: false;
  /** Mermaid's own theme name (`default` for light, `dark` for dark). */
  theme: 'default' | 'dark';
  securityLevel: 'strict';
  fontFamily: string;
  themeVariables: { fontFamily: string };
  htmlLabels: false;
  flowchart: {
    htmlLabels: false;
    useMaxWidth: boolean;
    nodeSpacing: number;
    rankSpacing: number;
    padding: number;
    wrappingWidth: number;
  };
  sequence: { useMaxWidth: boolean; actorMargin: number; messageMargin: number; boxMargin: number; noteMargin: number };
  state: { useMaxWidth: boolean };
}

/**
 * What src/lib/mermaid-renderer.ts hands to the headless page for one diagram (the argument of `page.evaluate`):
 * the diagram source, its content hash (used in SVG element ids) and the configuration for each theme.
 */
export interface MermaidRenderRequest {
  /** The diagram source (the body of a ```mermaid fence). */
  code: string;
  /** `diagramHash(code)`: 16 hex digits; the SVG's root id is `mmd-<hash>` in both themes. */
  hash: string;
  configs: Record<MermaidTheme, MermaidConfig>;
}

/**
 * What `renderDiagram` (src/lib/mermaid-renderer.ts) resolves to: the diagram's one SVG for both themes (colours as
 * CSS custom properties) and the content hash, or the Mermaid parse error with the diagram line it names (when it
 * names one).
 */
export type MermaidRenderResult =
  | { ok: true; svg: string; hash: string }
  | {
      ok: false;
      /**
       * `parse`: Mermaid rejected the source; `unsafe`: the diagram would load something from elsewhere; `themes`: the
       * light and dark drawings differ beyond colours, so one SVG cannot show both.
       */
      kind: 'parse' | 'unsafe' | 'themes';
      message: string;
      line: number | undefined;
    };

/** A problem in a diagram's source found by `checkDiagramSource` (src/lib/mermaid-safety.ts). */
export interface DiagramProblem {
  /** Line in the diagram: 1 is the first line inside the fence. */
  line: number;
  message: string;
}

/** One content page as `loadContent` (src/lib/content-scan.ts) reads it. */
export interface ContentPage {
  /** Path of the file: the content directory joined with its path inside it. */
  file: string;
  /** Path inside the content directory without extension, `/index` dropped (`''` for the home page). */
  slug: string;
  /** Topic id: the first segment of the slug (`''` for the home page). */
  topic: string;
  /** The MDX source text. */
  source: string;
  /** The mdast tree (MDX, GFM and YAML frontmatter syntax), not mutated by the question model. */
  tree: Root;
  /** The parsed YAML frontmatter (`{}` when the page has none); not validated here. */
  frontmatter: Record<string, unknown>;
  /** The page's questions, in document order. */
  questions: PageQuestion[];
}

/** One topic of src/topics.ts: a sidebar group and a content/docs/<id>/ folder. */
export interface Topic {
  /** Folder name and first slug segment, e.g. `service-proxy`. */
  id: string;
  /** Chinese sidebar label. */
  label: string;
  /** One-sentence Chinese summary shown on the study path. */
  summary: string;
}

/**
 * A ```bash block of a page, as `bashBlocks` (src/lib/commands.ts) lists it with the heading it stands under;
 * the question plugin records these in the page frontmatter (`bash`) for the command cheat sheet.
 */
export interface BashBlock {
  /** The block's source. */
  code: string;
  /** Id of the nearest heading above the block (the step), or null when it has none. */
  stepId: string | null;
  /** Plain text of that heading (`''` when there is none). */
  step: string;
  /** Id of the question whose section the block is in, or null outside questions. */
  questionId: string | null;
  /** Title of that question (`''` outside questions). */
  question: string;
}

/** A group of the command cheat sheet: the programs (first words of commands) it collects. */
export interface CommandGroup {
  /** Anchor id of the group (`cmd-<id>` on the cheat sheet). */
  id: string;
  /** Chinese heading of the group. */
  label: string;
  /** Program names that belong to the group; empty for the last group, 其他, which takes the rest. */
  tools: string[];
}

/** A Chromium found by `findChromium` (src/lib/chromium.ts) and how to start it. */
export interface FoundChromium {
  /** Path of the browser executable. */
  executablePath: string;
  /** Command-line flags to launch it with. */
  args: string[];
  /** Where it was found: `CHROMIUM_PATH`, `system`, `playwright-cache` or `@sparticuz/chromium`. */
  source: string;
}

/** One topic's line of the coverage report (`coverage` in src/lib/coverage.ts). */
export interface TopicCoverage {
  /** Topic id. */
  topic: string;
  /** Topic label. */
  label: string;
  /** Number of source questions of the topic. */
  total: number;
  /** How many of them a question of the site lists in its seeds. */
  covered: number;
  /** The source questions of the topic no question of the site answers. */
  missing: SourceQuestion[];
  /** Number of questions of the site in the topic. */
  questions: number;
  /** How many of those are `added` (not asked by the sources). */
  added: number;
}

/** A reference found in a built HTML page by `scanHtml` (src/lib/link-check.ts). */
export interface HtmlRef {
  /** `link` for `<a href>`, `asset` for stylesheets, icons, scripts, images, sources and iframes. */
  kind: 'link' | 'asset';
  /** The attribute value as written. */
  url: string;
}

/** What `checkLinks` (src/lib/link-check.ts) reports for a built site. */
export interface LinkCheckResult {
  /** Number of HTML pages scanned. */
  pages: number;
  /** Number of internal references checked. */
  links: number;
  /** One message per dead link, dead anchor, unparsable URL or link outside the base path (`<page>: <message>`). */
  errors: string[];
  /** The same, with the built page and the URL apart (to map them back to the source, src/lint/built-links.ts). */
  problems: LinkProblem[];
}

/** One dead reference found in the built site by `checkLinks`. */
export interface LinkProblem {
  /** The built page it is on, relative to the output folder (`architecture/components/index.html`). */
  page: string;
  /** The URL as it stands in the built page (base path included). */
  url: string;
  /** For a dead anchor: the built page the URL leads to. */
  target?: string | undefined;
  /** What is wrong, naming the URL. */
  message: string;
}

/** One content file as the content lint (src/lint/) reads it, before anything is built. */
export interface LintFile {
  /** Path inside the content directory, `/`-separated (`architecture/components.mdx`). */
  rel: string;
  /** Path shown in messages: relative to the project when inside it (`content/docs/architecture/components.mdx`). */
  display: string;
  /** The file's text. */
  source: string;
}

/** A mistake the content lint found: where it is, what is wrong and what to do about it. */
export interface LintProblem {
  /** Path shown in the message (`LintFile.display`). */
  file: string;
  /** 1-based line in the file, when the mistake has one. */
  line?: number | undefined;
  /** What is wrong and what to do, `<what is wrong> — <what to do>`. */
  message: string;
}

/** What `applyCsp` (src/csp/policy.ts) makes of one built HTML page. */
export interface PageCsp {
  /** The page with its Content-Security-Policy `<meta>` added or replaced (unchanged when there is no <head>). */
  html: string;
  /** `'sha256-…'` of each distinct inline script, in page order. */
  hashes: string[];
  /** What the policy would silently break: inline event handlers, `javascript:` URLs, a page without <head>. */
  problems: string[];
  /** The policy written into the page (absent when it could not be written). */
  policy?: string;
}
