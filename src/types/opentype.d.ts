// The part of opentype.js 1.3.5 (no bundled types) used to measure chart text.
declare module 'opentype.js' {
  export interface Glyph {
    index: number;
    /** In font units (see Font.unitsPerEm). */
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    numGlyphs: number;
    hasChar(char: string): boolean;
    charToGlyph(char: string): Glyph;
  }
  /** Parses TrueType/OpenType or WOFF (not WOFF2). */
  export function parse(buffer: ArrayBuffer): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
