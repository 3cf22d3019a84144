// A parser for Anki's text import format as the flashcards use it: `#key:value` header lines, then one note per
// line, fields separated by the declared separator (tab). Throws on a header after a note or an unknown separator.
export interface AnkiFile {
  headers: Record<string, string>;
  notes: string[][];
}

export function parseAnkiTsv(text: string): AnkiFile {
  const headers: Record<string, string> = {};
  const notes: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#')) {
      if (notes.length) throw new Error(`header after the first note: ${line}`);
      const i = line.indexOf(':');
      headers[line.slice(1, i)] = line.slice(i + 1);
      continue;
    }
    if (headers.separator !== 'tab') throw new Error(`separator "${headers.separator}" is not tab`);
    notes.push(line.split('\t'));
  }
  return { headers, notes };
}
