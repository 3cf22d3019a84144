// The code points a built font file holds. WOFF2 files are first decoded to SFNT with subset-font (the subsetter the
// build uses; its `sfnt` output keeps every glyph the text asks for that the font has), then read by the build's own
// cmap reader (src/lib/sfnt.ts).
import subsetFont from 'subset-font';
import { sfntCodePoints } from '../../src/lib/sfnt.ts';

export { sfntCodePoints };

/** The code points a WOFF2 (or SFNT) font maps to glyphs, limited to those of `probe` (all its characters). */
export async function fontCodePoints(font: Buffer, probe: string): Promise<Set<number>> {
  return sfntCodePoints(await subsetFont(font, probe, { targetFormat: 'sfnt' }));
}
