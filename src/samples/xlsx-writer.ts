/** Prints sheets as XLSX bytes with fixed document properties and fixed ZIP entry times. */
import ExcelJS from 'exceljs';
import type { Sheet } from './sample-file.js';
import { type Cell, headerRowsOf } from './table.js';
import { fixZipDates } from './zip-dates.js';

const AUTHOR = 'Региональный координатор проекта «500+»';

function put(ws: ExcelJS.Worksheet, rowNo: number, cells: Cell[], numFmts: (string | undefined)[]): void {
  const row = ws.getRow(rowNo);
  cells.forEach((value, i) => {
    if (value === null || value === '') return;
    const cell = row.getCell(i + 1);
    cell.value = value;
    const fmt = numFmts[i] ?? (value instanceof Date ? 'dd.mm.yyyy' : undefined);
    if (fmt && typeof value !== 'string') cell.numFmt = fmt;
  });
}

export async function xlsxBytes(sheets: Sheet[], stamp: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = stamp;
  wb.modified = stamp;
  for (const { name, table } of sheets) {
    const ws = wb.addWorksheet(name);
    const fmts = table.columns.map((c) => c.numFmt);
    let r = 1;
    for (const row of table.title) put(ws, r++, row, []);
    for (const row of headerRowsOf(table)) {
      put(ws, r, row, []);
      ws.getRow(r++).font = { bold: true };
    }
    for (const row of table.rows) {
      if (row.kind === 'empty') throw new Error(`${name}: an empty row cannot be written to XLSX`);
      put(ws, r++, row.cells, row.kind === 'data' || row.kind === 'reject' ? fmts : []);
    }
    for (const range of table.merges ?? []) ws.mergeCells(range);
    table.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.min(40, Math.max(10, c.header.length + 2));
    });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(buffer, stamp);
}
