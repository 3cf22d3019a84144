// Errors about content carry the file (relative to the project) and line, so the build output points at them.
import { relative } from 'node:path';

export function displayPath(file) {
  if (!file) return '<unknown file>';
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export class ContentError extends Error {
  constructor(message, file, line) {
    const where = file ? `${displayPath(file)}${line ? `:${line}` : ''}` : '';
    super(where ? `${where}: ${message}` : message);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
  }
}

/** Checks questions gathered from many files: ids unique site-wide, each seed answered once. */
export function checkSiteQuestions(entries) {
  const errors = [];
  const byId = new Map();
  const bySeed = new Map();
  for (const q of entries) {
    const where = `${displayPath(q.file)}:${q.line}`;
    if (byId.has(q.id)) errors.push(`duplicate question id "${q.id}": ${byId.get(q.id)} and ${where}`);
    else byId.set(q.id, where);
    for (const seed of q.seeds) {
      if (bySeed.has(seed)) {
        errors.push(`seed "${seed}" is answered twice: ${bySeed.get(seed)} and ${where} (keep one canonical question and link to it)`);
      } else bySeed.set(seed, where);
    }
  }
  return errors;
}
