// A pasted message as one search line. Shared by the search box's paste handler (./Search.astro, loaded on every
// page, so kept tiny) and the query normaliser (./tokenize.ts).

/**
 * Lines → one line. From a pasted `kubectl describe` Events block only the Warning lines are kept: Normal lines
 * (Scheduled, Pulled, Started) and the table header would pull towards pages about the happy path.
 */
export function flattenPaste(text: string): string {
  let lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.some((l) => /^\s*Warning\s/.test(l))) {
    lines = lines.filter((l) => !/^\s*(Normal\s|Type\s+Reason\s|[-\s]+$|Events:\s*$)/.test(l));
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}
