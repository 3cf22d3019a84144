// Reading an SFNT font (TrueType/OpenType, uncompressed): its tables and the code points its cmap maps to glyphs
// (formats 4 and 12, the ones Noto Sans SC and hb-subset's output use). Used by the diagram font (which source file
// holds a character) and by the tests (which characters a built subset holds).

/** The bytes of table `tag` (`cmap`, `glyf`, `hmtx` …) of the SFNT font `buf`, or undefined when it has none. */
export function sfntTable(buf: Buffer, tag: string): Buffer | undefined {
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) === tag) {
      const offset = buf.readUInt32BE(rec + 8);
      return buf.subarray(offset, offset + buf.readUInt32BE(rec + 12));
    }
  }
  return undefined;
}

/** Code points (other than U+0000–U+001F) that the SFNT font `buf` maps to a glyph other than .notdef. */
export function sfntCodePoints(buf: Buffer): Set<number> {
  const cmap = sfntTable(buf, 'cmap');
  if (!cmap) throw new Error('the font has no cmap table');
  const points = new Set<number>();
  const subtables = cmap.readUInt16BE(2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(at);
    if (format === 4) {
      const segs = cmap.readUInt16BE(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const offsets = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const end = cmap.readUInt16BE(ends + s * 2);
        const start = cmap.readUInt16BE(starts + s * 2);
        const delta = cmap.readInt16BE(deltas + s * 2);
        const offset = cmap.readUInt16BE(offsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = offset === 0 ? (c + delta) & 0xffff : cmap.readUInt16BE(offsets + s * 2 + offset + (c - start) * 2);
          if (glyph !== 0 && c >= 0x20) points.add(c);
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const rec = at + 16 + g * 12;
        const [start, end, glyph] = [cmap.readUInt32BE(rec), cmap.readUInt32BE(rec + 4), cmap.readUInt32BE(rec + 8)];
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0 && c >= 0x20) points.add(c);
      }
    }
  }
  return points;
}
