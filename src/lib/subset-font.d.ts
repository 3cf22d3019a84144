// Types for `subset-font` and `fontverter` (the packages ship none): the part of their APIs the diagram font uses.
declare module 'subset-font' {
  /** The subset of `font` (SFNT, WOFF or WOFF2) holding the glyphs `text` needs, in `targetFormat`. */
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}

declare module 'fontverter' {
  /** `font` (SFNT, WOFF or WOFF2, detected from its signature) converted to `toFormat`. */
  export function convert(font: Buffer, toFormat: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}
