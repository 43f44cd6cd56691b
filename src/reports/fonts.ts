/**
 * The report fonts, PT Sans and PT Serif from the @fontsource packages: where their files are, and the
 * @font-face rules that embed them in a report's HTML, so a PDF looks the same on every machine.
 * Chart text is measured with the same files (text-metrics.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontFamily = 'PT Sans' | 'PT Serif';

/** One face of a family: the unit a font file holds (for each subset). */
export interface FontFace {
  family: FontFamily;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** The subsets each face is split into, in the order @fontsource declares them. */
export const FONT_SUBSETS = ['cyrillic-ext', 'cyrillic', 'latin-ext', 'latin'] as const;
export type FontSubset = (typeof FONT_SUBSETS)[number];

/**
 * The faces every report embeds (style.css): PT Serif for the text (with italics for the analyst's
 * emphasis and notes), PT Sans for headings, tables and charts.
 */
export const EMBEDDED_FACES: readonly FontFace[] = [
  { family: 'PT Sans', weight: 400, style: 'normal' },
  { family: 'PT Sans', weight: 700, style: 'normal' },
  { family: 'PT Serif', weight: 400, style: 'normal' },
  { family: 'PT Serif', weight: 400, style: 'italic' },
  { family: 'PT Serif', weight: 700, style: 'normal' },
];

const PACKAGES: Record<FontFamily, string> = {
  'PT Sans': '@fontsource/pt-sans',
  'PT Serif': '@fontsource/pt-serif',
};

const require = createRequire(import.meta.url);
const packageDir = (family: FontFamily) => dirname(require.resolve(`${PACKAGES[family]}/package.json`));

/** The file of one face and subset, e.g. …/files/pt-sans-cyrillic-700-normal.woff2. */
export function fontFile(face: FontFace, subset: FontSubset, format: 'woff' | 'woff2'): string {
  const id = PACKAGES[face.family].split('/')[1];
  return join(packageDir(face.family), 'files', `${id}-${subset}-${face.weight}-${face.style}.${format}`);
}

/** The unicode-range of each subset, as the package declares it (unicode.json). */
export function unicodeRanges(family: FontFamily): Record<FontSubset, string> {
  const ranges = JSON.parse(readFileSync(join(packageDir(family), 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  for (const subset of FONT_SUBSETS) {
    if (!ranges[subset]) throw new Error(`${PACKAGES[family]}/unicode.json has no range for ${subset}`);
  }
  return ranges as Record<FontSubset, string>;
}

function faceRule(face: FontFace, subset: FontSubset, range: string): string {
  const data = readFileSync(fontFile(face, subset, 'woff2')).toString('base64');
  return [
    '@font-face {',
    `  font-family: '${face.family}';`,
    `  font-style: ${face.style};`,
    `  font-weight: ${face.weight};`,
    // block: the PDF is printed only after document.fonts.ready, never with a fallback font.
    '  font-display: block;',
    `  src: url(data:font/woff2;base64,${data}) format('woff2');`,
    `  unicode-range: ${range};`,
    '}',
  ].join('\n');
}

/** Code point intervals of a CSS unicode-range («U+0400-045F, U+2116»). */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
  });
}

interface Rule {
  css: string;
  ranges: [number, number][];
}
let rules: Rule[] | undefined;

/**
 * CSS @font-face rules for the embedded faces, the WOFF2 files inlined as base64 data URLs, each with
 * its unicode-range. Given the document's text, only the subsets that hold one of its characters are
 * included (usually cyrillic and latin: half the size of a note's HTML); without it, all of them.
 */
export function fontFaceCss(text?: string): string {
  rules ??= EMBEDDED_FACES.flatMap((face) => {
    const ranges = unicodeRanges(face.family);
    return FONT_SUBSETS.map((subset) => ({
      css: faceRule(face, subset, ranges[subset]),
      ranges: parseUnicodeRange(ranges[subset]),
    }));
  });
  if (text === undefined) return rules.map((r) => r.css).join('\n');
  const used = new Set<number>();
  for (const ch of text) used.add(ch.codePointAt(0) ?? 0);
  const codes = [...used];
  return rules
    .filter((r) => codes.some((c) => r.ranges.some(([from, to]) => c >= from && c <= to)))
    .map((r) => r.css)
    .join('\n');
}
