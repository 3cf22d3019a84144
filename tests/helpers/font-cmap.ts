// The code points a font maps to glyphs, read from its cmap table (formats 4 and 12, what hb-subset writes).
// WOFF2 files are first decoded to SFNT with subset-font (the subsetter the build uses; its `sfnt` output keeps
// every glyph the text asks for that the font has).
import subsetFont from 'subset-font';

/** Code points (other than U+0000–U+001F) that the SFNT font `buf` maps to a glyph other than .notdef. */
export function sfntCodePoints(buf: Buffer): Set<number> {
  const numTables = buf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) === 'cmap') cmap = buf.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error('the font has no cmap table');
  const points = new Set<number>();
  const subtables = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap + buf.readUInt32BE(cmap + 4 + i * 8 + 4);
    const format = buf.readUInt16BE(at);
    if (format === 4) {
      const segs = buf.readUInt16BE(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const offsets = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const end = buf.readUInt16BE(ends + s * 2);
        const start = buf.readUInt16BE(starts + s * 2);
        const delta = buf.readInt16BE(deltas + s * 2);
        const offset = buf.readUInt16BE(offsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = offset === 0 ? (c + delta) & 0xffff : buf.readUInt16BE(offsets + s * 2 + offset + (c - start) * 2);
          if (glyph !== 0 && c >= 0x20) points.add(c);
        }
      }
    } else if (format === 12) {
      const groups = buf.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const rec = at + 16 + g * 12;
        const [start, end, glyph] = [buf.readUInt32BE(rec), buf.readUInt32BE(rec + 4), buf.readUInt32BE(rec + 8)];
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0 && c >= 0x20) points.add(c);
      }
    }
  }
  return points;
}

/** The code points a WOFF2 (or SFNT) font maps to glyphs, limited to those of `probe` (all its characters). */
export async function fontCodePoints(font: Buffer, probe: string): Promise<Set<number>> {
  return sfntCodePoints(await subsetFont(font, probe, { targetFormat: 'sfnt' }));
}
