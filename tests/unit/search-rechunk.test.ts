// src/search/rechunk.ts: Pagefind's word index re-cut into small chunks keeps every word, in order, and the
// metadata and entry files point at the new chunks.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { decodeCbor, encodeCbor, rechunkIndex, slimFragments, type Cbor } from '../../src/search/rechunk.ts';

const read = (file: string) => decodeCbor(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length)) as Cbor[];

async function wordsOf(dir: string): Promise<{ words: string[]; chunks: Array<[string, string, string]> }> {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const meta = read(join(dir, `pagefind.${entry.languages.en.hash}.pf_meta`));
  const chunks = meta[2] as Array<[string, string, string]>;
  const words = chunks.flatMap(([, , hash]) => ((read(join(dir, 'index', `${hash}.pf_index`))[0] as Cbor[]) as Array<[string]>).map((w) => w[0]));
  return { words, chunks };
}

describe('search index re-chunking', () => {
  it('round-trips the CBOR Pagefind writes', () => {
    const value: Cbor = [['kubelet', [[0, [1, -26, 300, 70000]], [12, []]]], ['zqbcdfghjk', [[300000, [5]]]], 'é中'];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('keeps every word, in order, in contiguous chunks no larger than asked', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-rechunk-'));
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    const words = Array.from({ length: 400 }, (_, i) => `word${String(i).padStart(3, '0')}`);
    for (let p = 0; p < 8; p++) {
      await index!.addHTMLFile({ url: `/p${p}/`, content: `<html><body><main><h1>page ${p}</h1><p>${words.join(' ')} kubelet</p></main></body></html>` });
    }
    await index!.writeFiles({ outputPath: out });
    await pagefind.close();
    const before = await wordsOf(out);
    const stats = rechunkIndex(out, 50);
    const after = await wordsOf(out);
    expect(after.words).toEqual(before.words);
    expect(stats.after).toBeGreaterThan(stats.before);
    expect(stats.after).toBe(after.chunks.length);
    for (const [i, [from, to]] of after.chunks.entries()) {
      expect(from <= to).toBe(true);
      if (i > 0) expect(from).toBe(after.chunks[i - 1]![1]);
    }
    // Only the new chunk files and one metadata file remain.
    expect(readdirSync(join(out, 'index')).sort()).toEqual(after.chunks.map(([, , h]) => `${h}.pf_index`).sort());
    expect(readdirSync(out).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it('drops the text from fragments but keeps url, metadata and anchors, and the metadata points at them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-slim-'));
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await index!.addHTMLFile({
      url: '/q/',
      content: '<html><body><main data-pagefind-meta="title:Q"><h1>kubelet restarts</h1><span id="end"></span><h2 id="a">kubelet</h2><p>' + 'kubelet restarts containers. '.repeat(200) + '</p><h3 id="b">cause</h3><p>disk pressure</p></main></body></html>',
    });
    await index!.writeFiles({ outputPath: out });
    await pagefind.close();
    const stats = slimFragments(out, ['end']);
    expect(stats.fragments).toBe(1);
    expect(stats.bytesAfter).toBeLessThan(stats.bytesBefore);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
    const meta = read(join(out, `pagefind.${entry.languages.en.hash}.pf_meta`));
    const [[hash]] = meta[1] as Array<[string, number]>;
    expect(readdirSync(join(out, 'fragment'))).toEqual([`${hash}.pf_fragment`]);
    const fragment = JSON.parse(gunzipSync(readFileSync(join(out, 'fragment', `${hash}.pf_fragment`))).subarray(12).toString());
    expect(fragment.content).toBe('');
    expect(fragment.url).toBe('/q/');
    expect(fragment.meta.title).toBe('Q');
    // The marker anchor is taken out, and its location (after the two title words) reported.
    expect(fragment.anchors.map((a: { id: string }) => a.id)).toEqual(['a', 'b']);
    expect(stats.markers).toEqual({ [hash]: { url: '/q/', at: [2] } });
  });
});
