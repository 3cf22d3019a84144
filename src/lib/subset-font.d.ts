// Types for `subset-font` (the package ships none): the part of its API the diagram font uses.
declare module 'subset-font' {
  /** The subset of `font` (SFNT, WOFF or WOFF2) holding the glyphs `text` needs, in `targetFormat`. */
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' }): Promise<Buffer>;
}
