// Errors about content carry the file (relative to the project) and line, so the build output points at them.
import { relative } from 'node:path';
import type { Question } from './types.ts';

/** `file` relative to the working directory when it lies inside it, else as given. */
export function displayPath(file: string | undefined): string {
  if (!file) return '<unknown file>';
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export class ContentError extends Error {
  // `declare`: typed only, so the properties are still created by the assignments below, in the same order.
  declare file: string | undefined;
  declare line: number | undefined;

  constructor(message: string, file?: string, line?: number) {
    const where = file ? `${displayPath(file)}${line ? `:${line}` : ''}` : '';
    super(where ? `${where}: ${message}` : message);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
  }
}

/** Checks questions gathered from many files: ids unique site-wide, each seed answered once. */
export function checkSiteQuestions(
  entries: ReadonlyArray<Pick<Question, 'id' | 'seeds'> & { file?: string | undefined; line?: number | undefined }>,
): string[] {
  const errors: string[] = [];
  const byId = new Map<string, string>();
  const bySeed = new Map<string, string>();
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
