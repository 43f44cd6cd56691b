import { readFileSync } from 'node:fs';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { chartConfig, renderChart } from '../../src/reports/charts.js';
import { textWidth } from '../../src/reports/text-metrics.js';
import { projectPath } from '../../src/warehouse/paths.js';

// The ten risk factors' short names, from the shipped reference table (data, not code).
const [, ...seedLines] = readFileSync(projectPath('sql/seeds/risk_factor.csv'), 'utf8').trim().split(/\r?\n/);
const SHORT_NAMES = seedLines.map((line) => line.split(',').at(-1) as string);

const rows = () =>
  SHORT_NAMES.map((short, i) => ({ factor_code: i + 1, short_name: short, share: (i + 1) / 12 }));

const barSpec = (axis: object = {}) => ({
  data: { name: 'risk_picture' },
  mark: 'bar',
  encoding: {
    y: { field: 'short_name', type: 'nominal', sort: null, axis },
    x: { field: 'share', type: 'quantitative', title: 'Доля школ', axis: { format: '.0%' } },
  },
});

const REGULAR = { family: 'PT Sans', weight: 400, style: 'normal' } as const;

/** A text's width from the font file's advance widths, the way a type setter would add them up. */
function byHand(text: string, size: number): number {
  const fonts = ['latin', 'cyrillic'].map((subset) => {
    const file = projectPath(`node_modules/@fontsource/pt-sans/files/pt-sans-${subset}-400-normal.woff`);
    const bytes = readFileSync(file);
    return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  });
  let units = 0;
  for (const char of text) {
    const font = fonts.find((f) => f.hasChar(char));
    if (!font) throw new Error(`no glyph for ${char}`);
    units += font.charToGlyph(char).advanceWidth / font.unitsPerEm;
  }
  return units * size;
}

const texts = (svg: string) =>
  [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({ attrs: m[1], text: m[2] }));
const visibleTexts = (svg: string) => texts(svg).filter((t) => !t.attrs.includes('opacity="0"'));
const rootOffset = (svg: string) => Number(/<g[^>]*transform="translate\(([\d.]+),/.exec(svg)?.[1]);

describe('text metrics', () => {
  it('measures a short string as the sum of the font’s advance widths', () => {
    for (const s of ['Кадры', 'Среда', 'ПК 80\u00a0%'])
      expect(textWidth(s, REGULAR, 12)).toBeCloseTo(byHand(s, 12), 6);
  });

  it('measures bold with the bold face', () => {
    const label = 'Компетентность педагогов';
    expect(textWidth(label, { ...REGULAR, weight: 700 }, 12)).toBeGreaterThan(textWidth(label, REGULAR, 12));
  });
});

describe('renderChart', () => {
  it('draws long Cyrillic labels whole, in PT Sans, in an SVG sized to hold the longest', async () => {
    const svg = await renderChart(barSpec(), { risk_picture: rows() });
    const all = texts(svg);
    for (const name of SHORT_NAMES) expect(all.map((t) => t.text)).toContain(name);
    expect(all.some((t) => t.text.includes('\u2026'))).toBe(false);
    for (const t of all) expect(t.attrs).toContain('font-family="PT Sans"');

    const [, width, height] = /<svg[^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
    expect(svg).toMatch(new RegExp(`viewBox="0 0 ${width} ${height}"`));
    expect(Number(width)).toBe((chartConfig().view as { continuousWidth: number }).continuousWidth);

    // The plot starts right after the longest label: padding + label + its padding to the axis.
    const config = chartConfig() as {
      padding: number;
      axis: { labelPadding: number; labelFontSize: number };
    };
    const longest = Math.max(...SHORT_NAMES.map((n) => byHand(n, config.axis.labelFontSize)));
    const offset = rootOffset(svg) - config.padding - config.axis.labelPadding;
    expect(offset).toBeGreaterThanOrEqual(longest - 0.01);
    expect(offset).toBeLessThan(longest + 1.5);
  });

  it('keeps a width the spec gives as the plot’s, and draws a facet as wide as its panels', async () => {
    const svgWidth = (svg: string) => Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)?.[1]);
    const given = await renderChart({ ...barSpec(), width: 300 }, { risk_picture: rows() });
    expect(given).toMatch(/<path class="background"[^>]*d="M0,0h300v/);
    expect(svgWidth(given)).toBeGreaterThan(300);

    const byHalf = rows().map((r) => ({ ...r, half: r.factor_code <= 5 ? 'первая' : 'вторая' }));
    const facet = await renderChart(
      { ...barSpec(), encoding: { ...barSpec().encoding, column: { field: 'half', type: 'nominal' } } },
      { risk_picture: byHalf },
    );
    // Each panel takes the column's width: a facet cannot be fitted into it.
    const column = (chartConfig().view as { continuousWidth: number }).continuousWidth;
    expect(svgWidth(facet)).toBeGreaterThan(2 * column);
  });

  it('cuts a label only where its measured width passes the label limit', async () => {
    const size = (chartConfig().axis as { labelFontSize: number }).labelFontSize;
    const widths = SHORT_NAMES.map((n) => byHand(n, size));
    const longest = Math.max(...widths);
    // Just above the longest label: Vega's own estimate (0.8 × characters × size) would cut it here.
    const whole = await renderChart(barSpec({ labelLimit: Math.ceil(longest) + 1 }), {
      risk_picture: rows(),
    });
    expect(texts(whole).filter((t) => t.text.includes('\u2026'))).toEqual([]);

    const limit = Math.floor(longest) - 10;
    const cut = await renderChart(barSpec({ labelLimit: limit }), { risk_picture: rows() });
    const labels = texts(cut).map((t) => t.text);
    SHORT_NAMES.forEach((name, i) => {
      if (widths[i] < limit) expect(labels).toContain(name);
      else expect(labels.some((l) => l.endsWith('\u2026') && name.startsWith(l.slice(0, -1)))).toBe(true);
    });
    // The axis takes the room of the label as cut, not of the whole label.
    const config = chartConfig() as { padding: number; axis: { labelPadding: number } };
    expect(rootOffset(cut) - config.padding - config.axis.labelPadding).toBeLessThanOrEqual(limit + 1);
  });

  it('formats numbers the Russian way: «80 %» and «1 234,5» with non-breaking spaces', async () => {
    const svg = await renderChart(barSpec(), { risk_picture: rows() });
    const percents = visibleTexts(svg)
      .map((t) => t.text)
      .filter((t) => t.endsWith('%'));
    expect(percents.length).toBeGreaterThan(2);
    for (const p of percents) expect(p).toMatch(/^\d+\u00a0%$/);

    const table = await renderChart(
      {
        data: { name: 't' },
        mark: 'text',
        encoding: { text: { field: 'v', type: 'quantitative', format: ',.1f' } },
      },
      { t: [{ v: 1234.5 }] },
    );
    expect(texts(table).map((t) => t.text)).toContain('1\u00a0234,5');
  });

  it('gives the same string for the same input, whatever was rendered before, with ids unique per chart', async () => {
    // A clipped bar and a colour ramp make Vega write ids (clip path, gradient).
    const clipped = (max: number) => ({
      data: { name: 't' },
      mark: { type: 'bar', clip: true },
      encoding: {
        y: { field: 'short_name', type: 'nominal' },
        x: { field: 'share', type: 'quantitative', scale: { domain: [0, max] } },
        color: { field: 'share', type: 'quantitative' },
      },
    });
    const first = await renderChart(clipped(0.5), { t: rows() });
    const other = await renderChart(clipped(0.6), { t: rows() });
    const again = await renderChart(clipped(0.5), { t: rows() });
    expect(again).toBe(first);
    const ids = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first).length).toBeGreaterThan(0);
    expect(ids(first).filter((id) => ids(other).includes(id))).toEqual([]);
    for (const id of ids(first)) expect(first).toContain(`url(#${id})`);
  });

  it('leaves the caller’s rows as they were', async () => {
    const data = rows();
    const before = structuredClone(data);
    await renderChart(barSpec(), { risk_picture: data });
    expect(data).toEqual(before);
    expect(Object.getOwnPropertySymbols(data[0])).toEqual([]);
  });

  it('names a dataset the spec needs and the data lack, and refuses data by URL', async () => {
    await expect(renderChart(barSpec(), { risk: rows() })).rejects.toThrow(/«risk_picture».*«risk»/);
    const layered = { layer: [{ ...barSpec(), data: { name: 'clusters' } }], data: { name: 'risk_picture' } };
    await expect(renderChart(layered, { risk_picture: rows() })).rejects.toThrow(/«clusters»/);
    await expect(
      renderChart({ ...barSpec(), data: { url: 'https://example.org/x.csv' } }, {}),
    ).rejects.toThrow(/example\.org/);
  });

  it('uses a categorical palette of at most 8 colours that stay apart in greyscale', () => {
    const category = (chartConfig().range as { category: string[] }).category;
    expect(category.length).toBeLessThanOrEqual(8);
    // CIE L* of each colour: what is left of it on a greyscale print.
    const lightness = category.map((hex) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
    });
    const sorted = [...lightness].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((l, i) => l - sorted[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(8);
  });

  it('renders a chart in about 10 ms once warm (printed, not asserted)', async () => {
    const data = { risk_picture: rows() };
    for (let i = 0; i < 5; i++) await renderChart(barSpec(), data);
    const n = 30;
    let start = performance.now();
    for (let i = 0; i < n; i++) await renderChart(barSpec(), data);
    const same = (performance.now() - start) / n;
    start = performance.now();
    for (let i = 0; i < n; i++) await renderChart({ ...barSpec(), title: `Диаграмма ${i}` }, data);
    const fresh = (performance.now() - start) / n;
    console.log(
      `renderChart, bar chart of 10 factors: ${same.toFixed(1)} ms a chart with a spec drawn before, ` +
        `${fresh.toFixed(1)} ms with a new spec (compiled)`,
    );
  });
});
