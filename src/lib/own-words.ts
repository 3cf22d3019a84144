// "Own words": no answer paragraph may repeat a run of WINDOW or more characters of the source documents.
// Text is compared after normalisation (NFKC, lower case, letters and digits only), so changing spaces or
// punctuation does not hide a copied sentence. The sources are kept only as hashes of every window.
import { createHash } from 'node:crypto';

export const WINDOW = 20;
/** A window counts only when at least this many of its characters are Chinese: runs of API names
 *  ("Deployment、StatefulSet、DaemonSet") are facts that any correct answer repeats, not sentences. */
export const MIN_HAN = 10;
const HAN = /\p{Script=Han}/u;
const counts = (chars: string[]): boolean => chars.filter((c) => HAN.test(c)).length >= MIN_HAN;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function hashWindow(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 12);
}

/** Every WINDOW-character window of the normalised text, as hashes. */
export function windowHashes(text: string): Set<string> {
  const n = [...normalize(text)];
  const out = new Set<string>();
  for (let i = 0; i + WINDOW <= n.length; i++) {
    const w = n.slice(i, i + WINDOW);
    if (counts(w)) out.add(hashWindow(w.join('')));
  }
  return out;
}

/** Returns the first copied run found in `text`, or null. */
export function findCopiedRun(text: string, fingerprint: ReadonlySet<string>): string | null {
  const n = [...normalize(text)];
  for (let i = 0; i + WINDOW <= n.length; i++) {
    const w = n.slice(i, i + WINDOW);
    if (counts(w) && fingerprint.has(hashWindow(w.join('')))) {
      let end = i + WINDOW;
      while (end < n.length && fingerprint.has(hashWindow(n.slice(end - WINDOW + 1, end + 1).join('')))) end++;
      return n.slice(i, end).join('');
    }
  }
  return null;
}
