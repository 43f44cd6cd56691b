import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '../../src/reports/spec.js';
import ExcelJS from '../../src/xlsx/exceljs.js';
import { pdfFonts, pdfPages, pdfText } from '../helpers/pdf-tools.js';
import { HOSTILE_NAME, type SamplesReports, samplesReports } from '../helpers/samples-reports.js';
import { frozenRows } from '../helpers/xlsx-tools.js';
import { REPORT_CHECKS } from './checks/index.js';

/** Every report of report-templates/ written from the samples, each format checked as a reader sees it. */
let s: SamplesReports;
beforeAll(async () => {
  s = await samplesReports();
}, 600_000);
afterAll(() => s?.cleanup());

const ctx = () => s;
const only = process.env.SHNOR_TEST_REPORTS?.split(',');
const specs = loadReports().filter((r) => !only || only.includes(r.name));
/** The first copies of per-school and per-municipality reports are checked whole; all are checked for existence. */
const SAMPLE = 3;

describe.each(specs.map((r) => [r.name, r] as const))('%s', (name, spec) => {
  const filesOf = (format: string) => s.files.filter((f) => f.report === name && f.format === format);

  it('is written in PDF, HTML and XLSX for every copy', () => {
    const pdf = filesOf('pdf');
    expect(pdf.length).toBeGreaterThan(0);
    expect(filesOf('html').map((f) => f.copy)).toEqual(pdf.map((f) => f.copy));
    if (spec.tables.some((t) => !t.restricted))
      expect(filesOf('xlsx').map((f) => f.copy)).toEqual(pdf.map((f) => f.copy));
    if (spec.scope === 'region') expect(pdf.map((f) => f.copy)).toEqual(['region']);
  });

  it('PDF: heading and date, fonts embedded, no blank page', async () => {
    for (const file of filesOf('pdf').slice(0, SAMPLE)) {
      const text = await pdfText(file.path);
      const flat = text.replace(/\s+/g, ' ');
      if (spec.kind) expect(flat).toContain(spec.kind);
      // The heading up to its first template expression («… в {{params.year}} году»).
      expect(flat).toContain(spec.heading.split('{{')[0].replace(/\s+/g, ' ').trim().slice(0, 40));
      expect(flat).toContain('31 октября 2026 г.');
      expect(flat).toContain('Приложение. Качество данных');
      const fonts = pdfFonts(file.path);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.embedded, f.name).toBe(true);
        expect(f.name, 'only the PT fonts the HTML embeds').toMatch(/\+PT(Sans|Serif)-/);
      }
      const pages = pdfPages(file.path);
      for (let p = 1; p <= pages; p++) {
        expect((await pdfText(file.path, p)).replace(/\s+/g, ''), `page ${p} of ${file.path}`).not.toMatch(
          /^\d*$/,
        );
      }
    }
  });

  it('HTML is one self-contained file: no script, nothing fetched from elsewhere', () => {
    for (const file of filesOf('html').slice(0, SAMPLE)) {
      const html = readFileSync(file.path, 'utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
      expect(html).toContain('@font-face');
    }
  });

  it('XLSX: one sheet a table, the same rows as its query', async () => {
    const shown = spec.tables.filter((t) => !t.restricted);
    for (const file of filesOf('xlsx').slice(0, SAMPLE)) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file.path);
      expect(workbook.worksheets).toHaveLength(shown.length);
      workbook.worksheets.forEach((sheet, i) => {
        const header = frozenRows(sheet);
        expect(header, 'a frozen header').toBeGreaterThan(0);
        const headerRow = sheet.getRow(header).values as unknown[];
        expect(headerRow.slice(1)).toEqual(shown[i].columns.map((c) => c.title));
        expect(sheet.getRow(header).font?.bold).toBe(true);
      });
    }
  });
});

describe.runIf(!only || only.includes('school_passport'))(
  'a school named like markup, a template and a formula',
  () => {
    it('comes out as the same text in PDF, HTML and XLSX, and never as markup or formula', async () => {
      const mine = s.files.filter((f) => f.copy === s.hostileLogin);
      expect(mine.map((f) => f.format).sort()).toEqual(expect.arrayContaining(['html', 'pdf']));
      for (const file of mine) {
        if (file.format === 'html') {
          const html = readFileSync(file.path, 'utf8');
          expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{name}} &lt;b&gt;№ 1&lt;/b&gt;');
          expect(html).not.toContain('<script>');
          expect(html).not.toContain('<b>№ 1</b>');
        }
        if (file.format === 'pdf') {
          const text = (await pdfText(file.path)).replace(/\s+/g, ' ');
          expect(text).toContain('<script>alert(1)</script> {{name}} <b>№ 1</b>');
        }
      }
      // In XLSX: a table cell holds the name exactly, as text that no spreadsheet runs (a string cell kept as
      // text even when edited); a title line may quote it after other words.
      let found = 0;
      for (const file of s.files.filter((f) => f.format === 'xlsx')) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file.path);
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              if (!String(cell.value).includes('<script>')) return;
              expect(cell.type).toBe(ExcelJS.ValueType.String);
              expect(String(cell.value)).toContain(HOSTILE_NAME);
              if (/^[=+\-@]/.test(String(cell.value))) expect(cell.numFmt).toBe('@');
              if (cell.value === HOSTILE_NAME) found++;
            }),
          ),
        );
      }
      expect(found, 'the name is in some table').toBeGreaterThan(0);
    });
  },
);

// A check file is named after its report (monitoring.ts: monitoring_stage1 and _stage2).
for (const { report, register } of REPORT_CHECKS) {
  if (!only || only.some((name) => name.startsWith(report))) register(ctx);
}
