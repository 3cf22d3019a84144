// Splits Pagefind's word index into small chunks, and drops the page text from its fragments, after it is written.
//
// Pagefind 1.6 cuts its index into chunks of about 20,000 word locations (a constant in pagefind/src/index/mod.rs,
// “TODO: Parameterize these chunk sizes”), ~35–40 KB each over the wire. The browser fetches one chunk per query
// word, so a pasted error or a Chinese sentence of 8 words cost ~300 KB before the first result. The files are
// plain CBOR behind a signature and gzip (index_words.rs, index_metadata.rs): we re-cut the same words into chunks
// of `maxLocations`, rewrite the chunk list in the metadata file and point pagefind-entry.json at it. The search
// itself (the wasm, the ranking) is untouched; only fewer bytes travel. Pagefind is pinned (package.json) because
// this depends on its file layout; tests/site/search.test.ts fails if a query's first bytes grow past the budget.
//
// Each result costs its fragment (gzip JSON: url, meta, anchors, and the record's whole text, 6–15 KB for a
// playbook). The text only feeds Pagefind's excerpt, which the dialog does not show (it shows `meta.summary`); the
// anchors, which give the steps inside a question, stay. `slimFragments` empties the text.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

export type Cbor = number | string | Cbor[];

/** Decodes the subset of CBOR Pagefind writes: unsigned and negative integers, text strings, arrays. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[at++]!;
    if (info === 25) return (at += 2), view.getUint16(at - 2);
    if (info === 26) return (at += 4), view.getUint32(at - 4);
    if (info === 27) return (at += 8), Number(view.getBigUint64(at - 8));
    throw new Error(`CBOR: unsupported length encoding ${info} at byte ${at}`);
  };
  const item = (): Cbor => {
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (major === 4 && info === 31) {
      const out: Cbor[] = [];
      while (bytes[at] !== 0xff) out.push(item());
      at++;
      return out;
    }
    const n = length(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 3:
        return (at += n), text.decode(bytes.subarray(at - n, at));
      case 4:
        return Array.from({ length: n }, item);
      default:
        throw new Error(`CBOR: unexpected major type ${major} at byte ${at - 1}`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} trailing bytes`);
  return value;
}

/** Encodes integers, strings and arrays in CBOR's shortest form (what minicbor writes). */
export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) out.push((major << 5) | n);
    else if (n < 0x100) out.push((major << 5) | 24, n);
    else if (n < 0x10000) out.push((major << 5) | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push((major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    else throw new Error(`CBOR: ${n} is too large`);
  };
  const enc = new TextEncoder();
  const item = (v: Cbor) => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`CBOR: ${v} is not an integer`);
      if (v >= 0) head(0, v);
      else head(1, -1 - v);
    } else if (typeof v === 'string') {
      const b = enc.encode(v);
      head(3, b.length);
      for (const x of b) out.push(x);
    } else {
      head(4, v.length);
      v.forEach(item);
    }
  };
  item(value);
  return Uint8Array.from(out);
}

/** A Pagefind file's content: gunzipped, without its signature. */
function unsign(file: string, packed = readFileSync(file)): Buffer {
  const raw = gunzipSync(packed);
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file}: not a Pagefind file (no signature)`);
  return raw.subarray(SIGNATURE.length);
}

function unpack(file: string): Cbor {
  return decodeCbor(unsign(file));
}

/** Signature in front, gzip around it: the way Pagefind writes its files. */
function sign(body: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), body]), { level: constants.Z_BEST_COMPRESSION });
}

function pack(value: Cbor): Buffer {
  return sign(encodeCbor(value));
}

const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Entry {
  languages: Record<string, { hash: string }>;
}

/** Reads each language's metadata, lets `change` edit it, writes it under a new content hash. */
function rewriteMeta(pagefindDir: string, change: (meta: Cbor[], language: string) => void): void {
  const entryFile = join(pagefindDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Entry;
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = join(pagefindDir, `pagefind.${info.hash}.pf_meta`);
    const meta = unpack(metaFile) as Cbor[];
    change(meta, language);
    const metaBody = pack(meta);
    const metaHash = `${language}_${digest(metaBody).slice(0, 10)}`;
    rmSync(metaFile);
    writeFileSync(join(pagefindDir, `pagefind.${metaHash}.pf_meta`), metaBody);
    info.hash = metaHash;
  }
  writeFileSync(entryFile, JSON.stringify(entry));
}

export interface SlimStats {
  fragments: number;
  bytesBefore: number;
  bytesAfter: number;
  /** Per (renamed) fragment: its url and the word locations of the marker anchors named in `markers`, in order. */
  markers: Record<string, { url: string; at: number[] }>;
}

/**
 * Empties the text (`content`) of every fragment, keeping url, metadata and anchors; renames each fragment by its
 * new content hash and updates the page list in the metadata. Anchors whose id is in `markers` (empty elements
 * the index builder places to mark where a part of the record ends) are taken out and their locations returned.
 */
export function slimFragments(pagefindDir: string, markers: readonly string[] = []): SlimStats {
  const stats: SlimStats = { fragments: 0, bytesBefore: 0, bytesAfter: 0, markers: {} };
  rewriteMeta(pagefindDir, (meta, language) => {
    const pages = meta[1] as Array<[string, number]>;
    for (const page of pages) {
      const file = join(pagefindDir, 'fragment', `${page[0]}.pf_fragment`);
      const packed = readFileSync(file);
      const fragment = JSON.parse(unsign(file, packed).toString()) as { url: string; content?: string; anchors?: Array<{ id: string; location: number }> };
      if (typeof fragment.content !== 'string') throw new Error(`${file}: a Pagefind fragment without content (format changed?)`);
      fragment.content = '';
      const found = markers.map((id) => fragment.anchors?.find((a) => a.id === id)?.location);
      if (fragment.anchors) fragment.anchors = fragment.anchors.filter((a) => !markers.includes(a.id));
      const body = sign(Buffer.from(JSON.stringify(fragment)));
      const hash = `${language}_${digest(body).slice(0, 7)}`;
      rmSync(file);
      writeFileSync(join(pagefindDir, 'fragment', `${hash}.pf_fragment`), body);
      page[0] = hash;
      if (markers.length && found.every((l) => l !== undefined)) stats.markers[hash] = { url: fragment.url, at: found as number[] };
      stats.fragments++;
      stats.bytesBefore += packed.length;
      stats.bytesAfter += body.length;
    }
  });
  return stats;
}

/** A word of the index: `[word, [[page, [locations…]], …]]`. */
type PackedWord = [string, Array<[number, number[]]>];

export interface RechunkStats {
  before: number;
  after: number;
}

/**
 * Re-cuts every language's word index under `pagefindDir` into chunks of about `maxLocations` locations (a word
 * with more stays whole, as in Pagefind). Chunk ranges are made contiguous — each starts where the previous one
 * ended — so a prefix of a word (`crashloop`) that sorts between two chunks still finds the chunk holding its
 * extensions.
 */
export function rechunkIndex(pagefindDir: string, maxLocations: number): RechunkStats {
  const stats: RechunkStats = { before: 0, after: 0 };
  rewriteMeta(pagefindDir, (meta, language) => {
    const chunks = meta[2] as Array<[string, string, string]>;
    const words: PackedWord[] = [];
    for (const [, , hash] of chunks) {
      const file = join(pagefindDir, 'index', `${hash}.pf_index`);
      words.push(...((unpack(file) as Cbor[])[0] as unknown as PackedWord[]));
      rmSync(file);
    }
    // The wasm compares words as UTF-8 bytes (Rust's str order).
    for (let i = 1; i < words.length; i++) {
      if (Buffer.compare(Buffer.from(words[i - 1]![0]), Buffer.from(words[i]![0])) >= 0)
        throw new Error(`Pagefind index: words out of order at ${words[i]![0]}`);
    }
    const cut: PackedWord[][] = [];
    let current: PackedWord[] = [];
    let size = 0;
    for (const w of words) {
      current.push(w);
      size += w[1].reduce((n, [, locs]) => n + locs.length + 1, 0);
      if (size >= maxLocations) {
        cut.push(current);
        current = [];
        size = 0;
      }
    }
    if (current.length) cut.push(current);
    const newChunks: Array<[string, string, string]> = [];
    const used = new Set<string>();
    for (const [i, part] of cut.entries()) {
      const body = pack([part]);
      let hash = `${language}_${digest(body).slice(0, 7)}`;
      for (let n = 8; used.has(hash); n++) hash = `${language}_${digest(body).slice(0, n)}`;
      used.add(hash);
      writeFileSync(join(pagefindDir, 'index', `${hash}.pf_index`), body);
      const from = i === 0 ? part[0]![0] : cut[i - 1]!.at(-1)![0];
      newChunks.push([from, part.at(-1)![0], hash]);
    }
    meta[2] = newChunks;
    stats.before += chunks.length;
    stats.after += newChunks.length;
  });
  return stats;
}
