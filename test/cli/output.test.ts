import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/output/column.js';
import { looksLikeFormula, toCsv } from '../../src/output/csv.js';
import { safeFileName, uniqueNames } from '../../src/output/file-name.js';
import { renderTable } from '../../src/output/table.js';
import { safeSheetName, writeXlsx } from '../../src/output/xlsx.js';

const COLUMNS: Column[] = [
  { key: 'name', title: 'Школа', kind: 'text' },
  { key: 'n', title: 'Учеников', kind: 'integer' },
  { key: 'share', title: 'Доля', kind: 'percent' },
  { key: 'mean', title: 'Средний балл', kind: 'decimal', digits: 2 },
  { key: 'day', title: 'Дата', kind: 'date' },
];
const ROWS = [
  { name: 'СОШ № 1', n: 1234, share: 0.8125, mean: 3.456, day: new Date(Date.UTC(2026, 5, 15)) },
  { name: '=SUM(A1:A9)', n: null, share: 0.05, mean: 4, day: null },
  { name: '-5 баллов', n: 7n, share: 1, mean: -1.5, day: null },
];

describe('output helpers', () => {
  it('renders an aligned table with Russian numbers', () => {
    expect(renderTable(COLUMNS, ROWS)).toEqual([
      'Школа        Учеников  Доля     Средний балл  Дата',
      '───────────  ────────  ───────  ────────────  ──────────',
      'СОШ № 1         1\u00a0234   81,3\u00a0%          3,46  15.06.2026',
      '=SUM(A1:A9)         —    5,0\u00a0%          4,00  —',
      '-5 баллов           7  100,0\u00a0%         -1,50  —',
    ]);
  });

  it('writes CSV with a BOM, «;», decimal comma, and formulas defused', () => {
    expect(toCsv(COLUMNS, ROWS)).toBe(
      '\ufeffШкола;Учеников;Доля;Средний балл;Дата\r\n' +
        'СОШ № 1;1234;81,3 %;3,46;15.06.2026\r\n'.replace(' %', '\u00a0%') +
        "'=SUM(A1:A9);;5,0\u00a0%;4,00;\r\n" +
        "'-5 баллов;7;100,0\u00a0%;-1,50;\r\n",
    );
    expect(looksLikeFormula('-5')).toBe(false);
    expect(looksLikeFormula('@cmd')).toBe(true);
    expect(looksLikeFormula('-')).toBe(false);
  });

  it('writes XLSX: bold frozen header, number formats, dates as dates, formula-like text as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shnor-xlsx-'));
    try {
      const path = join(dir, 'a.xlsx');
      await writeXlsx(path, [
        {
          name: 'Школы: итоги / 2026 [все] и ещё длинное название',
          columns: COLUMNS,
          rows: ROWS,
          title: ['Заголовок'],
        },
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('Школы итоги 2026 все и ещё');
      expect(ws.getCell('A1').value).toBe('Заголовок');
      expect(ws.getRow(2).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.getCell('B3').value).toBe(1234);
      expect(ws.getCell('B3').numFmt).toBe('#,##0');
      expect(ws.getCell('C3').numFmt).toBe('0.0%');
      expect(ws.getCell('D3').numFmt).toBe('#,##0.00');
      expect(ws.getCell('E3').value).toEqual(new Date(Date.UTC(2026, 5, 15)));
      expect(ws.getCell('A4').value).toBe('=SUM(A1:A9)');
      expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell('A4').numFmt).toBe('@');
      expect(ws.getCell('B5').value).toBe(7);
      expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes file and sheet names safe, keeping Cyrillic', () => {
    expect(safeFileName('г. Махачкала/"Советский" ../р-н')).toBe('г. Махачкала Советский . р-н');
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('  ...  ')).toBe('без названия');
    expect(safeFileName('«Ахты» район\u0000')).toBe('Ахты район');
    expect(safeFileName('МБОУ «Гимназия №7», г. Махачкала')).toBe('МБОУ Гимназия №7, г. Махачкала');
    expect(uniqueNames(['А', 'а', 'Б'])).toEqual(['А', 'а (2)', 'Б']);
    expect(safeSheetName('a[b]:c*?/\\d')).toBe('a b c d');
  });
});
