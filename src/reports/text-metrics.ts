/**
 * Text widths from the glyph advances of the report fonts, for chart layout.
 *
 * Vega without a canvas estimates a text's width as 0.8 × characters × size, which is too wide for
 * Cyrillic in PT Sans and cuts labels early («Русский яз…»). Here each character is measured with the
 * same font files the report embeds (the .woff ones: opentype.js does not read WOFF2; their advances
 * equal the WOFF2 files'). A face is split into subset files: each character takes the first loaded
 * subset that has its glyph. Kerning is left out, so a width is at most a little wider than Chromium's.
 */
import { readFileSync } from 'node:fs';
import opentype, { type Font } from 'opentype.js';
import { EMBEDDED_FACES, type FontFace, type FontSubset, fontFile } from './fonts.js';

/** Width, in em, given to a character that no subset of the face has. */
export const MISSING_GLYPH_EM = 0.6;

/** Subsets in the order a character is looked up: the common ones first. */
const LOOKUP_ORDER: readonly FontSubset[] = ['latin', 'cyrillic', 'latin-ext', 'cyrillic-ext'];

interface LoadedFace {
  fonts: Font[];
  /** Advance in em by character. */
  advances: Map<string, number>;
}

const loaded = new Map<string, LoadedFace>();

function load(face: FontFace): LoadedFace {
  const key = `${face.family}|${face.weight}|${face.style}`;
  let entry = loaded.get(key);
  if (!entry) {
    const fonts = LOOKUP_ORDER.map((subset) => {
      const bytes = readFileSync(fontFile(face, subset, 'woff'));
      return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    });
    entry = { fonts, advances: new Map() };
    loaded.set(key, entry);
  }
  return entry;
}

function advance(face: LoadedFace, char: string): number {
  let em = face.advances.get(char);
  if (em === undefined) {
    const font = face.fonts.find((f) => f.hasChar(char));
    em = font ? font.charToGlyph(char).advanceWidth / font.unitsPerEm : MISSING_GLYPH_EM;
    face.advances.set(char, em);
  }
  return em;
}

/** The width in pixels of a line of text set in a face at a size in pixels. */
export function textWidth(text: string, face: FontFace, size: number): number {
  const entry = load(face);
  let em = 0;
  for (const char of text) em += advance(entry, char);
  return em * size;
}

/**
 * The embedded face the browser will use for a CSS font: the first family of the list if it is one of
 * ours (else PT Sans), weights 600 and above bold (as CSS font matching picks), italic where the
 * family has an italic face (PT Serif's italic is synthesised from the upright face, same advances).
 */
export function resolveFace(family: string | undefined, weight: unknown, style: unknown): FontFace {
  const first = (family ?? '')
    .split(',')[0]
    .trim()
    .replace(/^["']|["']$/g, '');
  const name = first.toLowerCase() === 'pt serif' ? 'PT Serif' : 'PT Sans';
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const italic = style === 'italic' || style === 'oblique';
  const want = (f: FontFace) => f.family === name && f.weight === (bold ? 700 : 400);
  const faces = EMBEDDED_FACES.filter(want);
  return faces.find((f) => f.style === (italic ? 'italic' : 'normal')) ?? faces[0];
}

/** The properties of a Vega text item that its width depends on. */
export interface VegaTextItem {
  font?: string;
  fontSize?: number | string;
  fontWeight?: number | string;
  fontStyle?: string;
  limit?: number;
}

/**
 * A replacement for vega-scenegraph's `textMetrics.width(item, text)`.
 *
 * Vega calls it from two places: its `truncate` (with the raw text and its prefixes, to find where to
 * cut a text longer than `item.limit`) and the text mark's bounds (with the raw text, meaning the width
 * of the text as drawn, after truncation). Returning min(width, limit) serves both: truncate only asks
 * whether a width is below the limit (or below the limit less the ellipsis), which the minimum answers
 * exactly as the width does, and a truncated text is drawn at most `limit` wide.
 */
export function vegaTextWidth(item: VegaTextItem, text: unknown): number {
  // As vega-scenegraph: 11 px when no size is set; text trimmed.
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const line = text == null ? '' : String(text).trim();
  if (size <= 0 || !line) return 0;
  const width = textWidth(line, resolveFace(item.font, item.fontWeight, item.fontStyle), size);
  const limit = Number(item.limit);
  return limit > 0 ? Math.min(width, limit) : width;
}
