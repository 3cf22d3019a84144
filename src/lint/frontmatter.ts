// Frontmatter checks on the raw text, before Astro's content layer reads it: the YAML block must be closed and
// parse, every key must be one Starlight (or src/content.config.ts) knows, and the fields the site needs must be
// there. Errors point at the line of the field as written, not at the closing `---`.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';

/** A problem in one file: its line (when it has one) and `<what is wrong> — <what to do>`. */
export interface FileProblem {
  line?: number | undefined;
  message: string;
}

/** Keys of Starlight's docsSchema plus the project's own (src/content.config.ts); anything else is a typo. */
export const FRONTMATTER_KEYS = {
  '': ['title', 'description', 'editUrl', 'head', 'tableOfContents', 'template', 'hero', 'lastUpdated', 'prev', 'next', 'sidebar', 'banner', 'pagefind', 'draft'],
  sidebar: ['order', 'label', 'hidden', 'badge', 'attrs'],
  hero: ['title', 'tagline', 'image', 'actions'],
  tableOfContents: ['minHeadingLevel', 'maxHeadingLevel'],
  banner: ['content'],
} as const satisfies Record<string, readonly string[]>;

/** Edit distance (insert, delete, substitute, swap neighbours), for “did you mean”. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest of `candidates` to `word` when it is close enough to be a typo of it. */
export function closest(word: string, candidates: readonly string[], maxDistance = Math.max(1, Math.floor(word.length / 4))): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** Where the frontmatter sits in a file: the YAML text and the 1-based file line of its first line. */
interface Block {
  yaml: string;
  firstLine: number;
}

/** The line of a YAML field `"key": "…` whose quote is never closed on that line (1-based inside `yaml`). */
function unclosedQuoteLine(yaml: string): number | undefined {
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(["'])(.*)$/.exec(lines[i]);
    if (!m) continue;
    const [, quote, rest] = m;
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : /'/.test(rest.replaceAll("''", ''));
    if (!closed) return i + 1;
  }
  return undefined;
}

/** The field name of a YAML line (`  order: 1` → `order`). */
const fieldOf = (line: string | undefined): string | undefined => /^\s*(?:-\s+)?([^\s:#][^:#]*):/.exec(line ?? '')?.[1]?.trim();

/**
 * Checks a page's frontmatter. Returns the problems and the parsed data (undefined when there is no usable
 * frontmatter); `unframed` when the `---` lines are missing, so the rest of the file cannot be read as intended
 * (fields would parse as a `##` heading).
 */
export function checkFrontmatter(source: string): { problems: FileProblem[]; data: Record<string, unknown> | undefined; unframed?: true } {
  const problems: FileProblem[] = [];
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    problems.push({ line: 1, message: 'the page has no frontmatter — start the file with a line ---, then title: and description:, then a line ---' });
    return { problems, data: undefined, unframed: true };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (close < 0) {
    problems.push({ line: 1, message: 'the frontmatter opened by --- on line 1 is never closed — add a line --- after its last field' });
    return { problems, data: undefined, unframed: true };
  }
  const block: Block = { yaml: lines.slice(1, close).join('\n'), firstLine: 2 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(block.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fileLine = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line - 1 + block.firstLine);
  if (doc.errors.length) {
    const yamlLines = block.yaml.split('\n');
    for (const e of doc.errors) {
      if (e.code === 'MISSING_CHAR' && /quote/.test(e.message)) {
        const at = unclosedQuoteLine(block.yaml);
        const field = fieldOf(at ? yamlLines[at - 1] : undefined);
        problems.push({
          line: at ? at - 1 + block.firstLine : fileLine(e.pos[0]),
          message: `frontmatter field ${field ? `"${field}" ` : ''}opens a quote that is never closed — close it on the same line or write the value without quotes`,
        });
      } else if (e.code === 'DUPLICATE_KEY') {
        problems.push({ line: fileLine(e.pos[0]), message: `frontmatter has a field twice (${e.message.split('\n')[0]}) — keep one` });
      } else {
        const line = fileLine(e.pos[0]);
        problems.push({ line, message: `frontmatter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')} — fix the field on this line (key: value, nested keys indented by two spaces)` });
      }
    }
    return { problems, data: undefined };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push({ line: 1, message: 'the frontmatter is empty or not a list of key: value fields — write title: and description:' });
    return { problems, data: undefined };
  }
  const keyLine = (pair: Pair): number => fileLine(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
  const checkKeys = (map: YAMLMap, section: keyof typeof FRONTMATTER_KEYS): void => {
    const allowed: readonly string[] = FRONTMATTER_KEYS[section];
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (allowed.includes(key)) continue;
      const name = section ? `${section}.${key}` : key;
      const guess = closest(key, allowed);
      problems.push({
        line: keyLine(pair),
        message: `unknown frontmatter key "${name}" — ${guess ? `did you mean "${section ? `${section}.` : ''}${guess}"? ` : ''}allowed${section ? ` under ${section}` : ''}: ${allowed.join(', ')}`,
      });
    }
  };
  checkKeys(root, '');
  const field = (key: string): Pair | undefined => root.items.find((p) => isScalar(p.key) && p.key.value === key);
  for (const section of ['sidebar', 'hero', 'tableOfContents', 'banner'] as const) {
    const pair = field(section);
    if (!pair) continue;
    const value = pair.value;
    if (value === null || (isScalar(value) && value.value === null)) {
      problems.push({
        line: keyLine(pair),
        message: section === 'sidebar' ? 'sidebar is empty — give order: N (indented under sidebar:) or remove it' : `${section} is empty — fill it in or remove it`,
      });
    } else if (isMap(value)) checkKeys(value, section);
    else if (section !== 'tableOfContents') {
      problems.push({ line: keyLine(pair), message: `${section} must hold indented fields (for example order: 2), not a single value — indent its fields under ${section}:` });
    }
  }
  // The content layer's schema would also reject these, but without the line; the lint lists them with the rest.
  const data = doc.toJS() as Record<string, unknown>;
  const title = field('title');
  if (!title) problems.push({ line: 1, message: 'frontmatter has no title — add title: 页面标题' });
  else if (typeof data.title !== 'string' || !data.title.trim()) problems.push({ line: keyLine(title), message: 'title must be text — write title: 页面标题' });
  const description = field('description');
  if (!description) {
    problems.push({ line: 1, message: 'frontmatter has no description — add description: 一句话概括本页（用于搜索结果与链接预览）' });
  } else if (typeof data.description !== 'string' || data.description.trim().length < 8) {
    problems.push({ line: keyLine(description), message: 'description is missing or too short — write one complete sentence about the page' });
  }
  const sidebar = field('sidebar');
  if (sidebar && isMap(sidebar.value)) {
    const order = sidebar.value.items.find((p) => isScalar(p.key) && p.key.value === 'order');
    if (order && !(isScalar(order.value) && typeof order.value.value === 'number')) {
      problems.push({ line: keyLine(order), message: `sidebar.order must be a number — write order: 2 (the page's place in its topic; the overview is 0)` });
    }
  }
  return { problems, data };
}
