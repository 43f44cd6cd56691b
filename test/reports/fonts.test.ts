import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontFaceCss } from '../../src/reports/fonts.js';
import { projectPath } from '../../src/warehouse/paths.js';

const PACKAGE = { 'PT Sans': 'pt-sans', 'PT Serif': 'pt-serif' } as const;
type Family = keyof typeof PACKAGE;

// What the reports need (style.css): PT Sans upright in both weights; PT Serif upright in both weights
// and its regular italic.
const WANTED = [
  ...([400, 700] as const).map((weight) => ({
    family: 'PT Sans' as Family,
    weight,
    style: 'normal' as const,
  })),
  ...([400, 700] as const).map((weight) => ({
    family: 'PT Serif' as Family,
    weight,
    style: 'normal' as const,
  })),
  { family: 'PT Serif' as Family, weight: 400 as const, style: 'italic' as const },
];

const packageFile = (family: Family, file: string) =>
  projectPath('node_modules/@fontsource', PACKAGE[family], file);
const subsetRanges = (family: Family) =>
  JSON.parse(readFileSync(packageFile(family, 'unicode.json'), 'utf8')) as Record<string, string>;

interface Block {
  family: string;
  style: string;
  weight: number;
  display: string;
  range: string;
  data: string;
}

function blocks(css: string): Block[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const prop = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1].trim() ?? '';
    return {
      family: prop('font-family').replace(/['"]/g, ''),
      style: prop('font-style'),
      weight: Number(prop('font-weight')),
      display: prop('font-display'),
      range: prop('unicode-range'),
      data: /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)\s*format\('woff2'\)/.exec(body)?.[1] ?? '',
    };
  });
}

/** Whether a unicode-range («U+0400-045F,U+2116») covers a character. */
function covers(range: string, char: string): boolean {
  const code = char.codePointAt(0) as number;
  return range.split(',').some((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return code >= Number.parseInt(from, 16) && code <= Number.parseInt(to, 16);
  });
}

describe('fontFaceCss', () => {
  const all = blocks(fontFaceCss());

  it('has one block per face and subset, each a WOFF2 data URL with its unicode-range, display block', () => {
    for (const face of WANTED) {
      const ranges = subsetRanges(face.family);
      for (const [subset, range] of Object.entries(ranges)) {
        const found = all.filter(
          (b) =>
            b.family === face.family &&
            b.weight === face.weight &&
            b.style === face.style &&
            b.range === range,
        );
        expect(found, `${face.family} ${face.weight} ${face.style} ${subset}`).toHaveLength(1);
        expect(found[0].display).toBe('block');
        expect(found[0].data.length).toBeGreaterThan(0);
      }
    }
    expect(all).toHaveLength(WANTED.length * 4);
  });

  it('inlines the bytes of the package’s own file for each block', () => {
    for (const block of all) {
      const family = block.family as Family;
      const subset = Object.entries(subsetRanges(family)).find(([, range]) => range === block.range)?.[0];
      const file = packageFile(
        family,
        `files/${PACKAGE[family]}-${subset}-${block.weight}-${block.style}.woff2`,
      );
      expect(Buffer.from(block.data, 'base64').equals(readFileSync(file)), file).toBe(true);
    }
  });

  it('covers every character a Russian report writes, in each face', () => {
    const alphabet = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    const marks = '0123456789 \u00a0«»„“—–−…№%,.:;()±×₽';
    for (const face of WANTED) {
      const ranges = all
        .filter((b) => b.family === face.family && b.weight === face.weight && b.style === face.style)
        .map((b) => b.range);
      for (const char of alphabet + marks) {
        expect(
          ranges.some((r) => covers(r, char)),
          `${face.family} ${face.weight} ${face.style}: ${char}`,
        ).toBe(true);
      }
    }
  });
});

describe('fonts for one document', () => {
  it('only the subsets holding one of its characters', () => {
    const all = blocks(fontFaceCss());
    const russian = blocks(fontFaceCss('Доля школ — 81 %, «№ 1»'));
    expect(russian.length).toBeLessThan(all.length);
    // Cyrillic letters and № (cyrillic), digits, «» and the dash (latin): two subsets of each face.
    expect(russian.length).toBe(WANTED.length * 2);
    // A letter of the Avar alphabet (palochka, U+04C0) brings in cyrillic-ext.
    expect(blocks(fontFaceCss('Ӏ')).length).toBe(WANTED.length);
  });
});
