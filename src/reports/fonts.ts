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

/** The faces every report embeds: PT Sans for text and charts (with italics), PT Serif for headings. */
export const EMBEDDED_FACES: readonly FontFace[] = [
  { family: 'PT Sans', weight: 400, style: 'normal' },
  { family: 'PT Sans', weight: 400, style: 'italic' },
  { family: 'PT Sans', weight: 700, style: 'normal' },
  { family: 'PT Sans', weight: 700, style: 'italic' },
  { family: 'PT Serif', weight: 400, style: 'normal' },
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

let css: string | undefined;

/**
 * CSS @font-face rules for every embedded face and subset, the WOFF2 files inlined as base64 data URLs,
 * each with its unicode-range (Chromium then decodes only the subsets a page uses). Cached after the
 * first call.
 */
export function fontFaceCss(): string {
  if (css === undefined) {
    const rules: string[] = [];
    for (const face of EMBEDDED_FACES) {
      const ranges = unicodeRanges(face.family);
      for (const subset of FONT_SUBSETS) rules.push(faceRule(face, subset, ranges[subset]));
    }
    css = rules.join('\n');
  }
  return css;
}
