// Turns the MDX parser's errors into a message for authors: `<pod>` and `{{ .Values }}` in prose are the usual
// cause (MDX reads them as a JSX tag and a JavaScript expression), and the fix is inline code.
import type { FileProblem } from './frontmatter.ts';

/** The fields of the MDX parser's error (a VFileMessage) the lint reads. */
interface ParseError {
  reason?: unknown;
  message?: unknown;
  line?: unknown;
  column?: unknown;
  ruleId?: unknown;
}

const isParseError = (e: unknown): e is ParseError => typeof e === 'object' && e !== null && 'message' in e;

/** The `{…}` expression around `column` (1-based) of `line` (outermost of `{{`), braces balanced, or up to the line's end. */
function expressionAt(line: string, column: number): string {
  let start = Math.min(column - 1, line.length - 1);
  while (start > 0 && line[start] !== '{') start--;
  while (start > 0 && line[start - 1] === '{') start--;
  let depth = 0;
  for (let i = start; i < line.length; i++) {
    if (line[i] === '{') depth++;
    else if (line[i] === '}' && --depth === 0) return line.slice(start, i + 1);
  }
  return line.slice(start).trim();
}

/** A problem for an error thrown while parsing `source` as MDX. Rethrows what is not a parse error. */
export function mdxErrorProblem(error: unknown, source: string): FileProblem {
  if (!isParseError(error)) throw error;
  const reason = String(error.reason ?? error.message);
  const lines = source.split(/\r?\n/);
  const tag = /`<([^`>]+)>` \((\d+):(\d+)-/.exec(reason);
  if (error.ruleId === 'end-tag-mismatch' && tag && !/^Unexpected closing/.test(reason)) {
    return {
      line: Number(tag[2]),
      message: `<${tag[1]}> is read as an HTML/JSX tag that is never closed (MDX) — if it is a placeholder or literal text, wrap it in backticks: \`<${tag[1]}>\``,
    };
  }
  const line = typeof error.line === 'number' ? error.line : undefined;
  const column = typeof error.column === 'number' ? error.column : undefined;
  if (error.ruleId === 'acorn' && line && column) {
    const expr = expressionAt(lines[line - 1] ?? '', column);
    return {
      line,
      message: `${expr} is read as a JavaScript expression (MDX) and does not parse — if it is literal text (a Helm or Go template, JSON), wrap it in backticks: \`${expr}\``,
    };
  }
  return {
    line,
    message: `MDX cannot parse this: ${reason} — literal <…> and {…} in prose belong in backticks (\`<pod>\`, \`{{ .Values }}\`); HTML tags must be closed (<br />)`,
  };
}
