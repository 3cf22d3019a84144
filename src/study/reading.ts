// Estimated reading time of a page's MDX source (the study path, issue #15 item 6): prose only — code blocks,
// diagrams, imports and JSX tags are left out — at READING_SPEED Chinese characters or ENGLISH_WORDS words a minute.

/** Chinese characters a minute: careful reading of technical text (general prose reads at 400–500). */
export const READING_SPEED = 300;
/** English words (API names, commands) a minute. */
export const ENGLISH_WORDS = 150;

/** The prose of an MDX body: without fenced blocks, import/export lines, JSX tags, HTML comments and link targets. */
export function prose(body: string): string {
  return body
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/^(import|export)\s[^\n]*$/gm, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
}

/** Minutes to read the prose (at least 1 for a page with any). */
export function readingMinutes(body: string): number {
  const text = prose(body);
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (text.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []).length;
  const minutes = han / READING_SPEED + words / ENGLISH_WORDS;
  return minutes > 0 ? Math.max(1, Math.round(minutes)) : 0;
}
