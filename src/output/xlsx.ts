import { UserError } from '../cli/errors.js';
import ExcelJS from '../xlsx/exceljs.js';
import { type Column, type ColumnKind, cellText, isNumeric, type RowObject, toNumber } from './column.js';
import { displayWidth } from './table.js';
import { writeFileAtomicWith } from './write-file.js';

export interface SheetSpec {
  /** Sheet name (made safe for Excel: at most 31 characters, none of `[]:*?/\`). */
  name: string;
  columns: readonly Column[];
  rows: readonly RowObject[];
  /** Lines above the header: a title (bold), then instructions. */
  title?: readonly string[];
}

/** Excel's own row limit. */
export const MAX_XLSX_ROWS = 1_048_576;

/** A sheet name Excel accepts. */
export function safeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return 'Лист1';
  if (clean.length <= 31) return clean;
  const cut = clean.slice(0, 31);
  const space = cut.lastIndexOf(' ');
  return space >= 15 ? cut.slice(0, space) : cut;
}

function numberFormat(kind: ColumnKind | undefined, digits: number | undefined): string | undefined {
  switch (kind) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return digits === undefined ? undefined : digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
    case 'percent': {
      const d = digits ?? 1;
      return d === 0 ? '0%' : `0.${'0'.repeat(d)}%`;
    }
    case 'date':
      return 'dd.mm.yyyy';
    case 'datetime':
      return 'dd.mm.yyyy hh:mm:ss';
    case 'text':
      return '@';
    default:
      return undefined;
  }
}

/**
 * The value exceljs writes for a cell. Text stays a string (exceljs writes it as a shared string:
 * a spreadsheet shows it and never runs it, even when it starts with `=`); numbers and dates stay
 * numbers and dates, so the reader can sort and sum them.
 */
export function xlsxValue(value: unknown, column: Column): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return toNumber(value) ?? value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') return value;
  return cellText(value, column, { grouping: false, empty: '' });
}

/** Adds one sheet to a workbook: title lines, a bold frozen header with a filter, typed cells. */
export function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  if (spec.rows.length + (spec.title?.length ?? 0) + 1 > MAX_XLSX_ROWS) {
    throw new UserError(
      `В листе «${spec.name}» ${spec.rows.length.toLocaleString('ru-RU')} строк — больше, чем помещается в Excel ` +
        `(${MAX_XLSX_ROWS.toLocaleString('ru-RU')}). Сохраните результат в CSV или Arrow.`,
    );
  }
  let name = safeSheetName(spec.name);
  for (let i = 2; workbook.getWorksheet(name); i++) name = `${safeSheetName(spec.name).slice(0, 27)} (${i})`;
  const titleRows = spec.title?.length ?? 0;
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: titleRows + 1 }] });
  spec.title?.forEach((text, i) => {
    const row = ws.addRow([text]);
    row.getCell(1).font = i === 0 ? { bold: true, size: 12 } : { italic: true };
  });
  const header = ws.addRow(spec.columns.map((c) => c.title));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  spec.columns.forEach((c, i) => {
    const fmt = numberFormat(c.kind, c.digits);
    const col = ws.getColumn(i + 1);
    if (fmt) col.numFmt = fmt;
    if (isNumeric(c.kind)) col.alignment = { horizontal: 'right' };
  });
  for (const row of spec.rows) {
    const added = ws.addRow(spec.columns.map((c) => xlsxValue(row[c.key], c)));
    spec.columns.forEach((c, i) => {
      const v = added.getCell(i + 1).value;
      // Text in a number column (a huge integer) or any text that looks like a formula: keep it text
      // even when the reader edits the cell.
      if (typeof v === 'string' && (c.kind !== 'text' || /^[=+\-@]/.test(v)))
        added.getCell(i + 1).numFmt = '@';
    });
  }
  spec.columns.forEach((c, i) => {
    const sample = spec.rows.slice(0, 1000).map((r) => cellText(r[c.key], c, { grouping: true, empty: '' }));
    const width = Math.max(Math.min(30, displayWidth(c.title)), ...sample.map(displayWidth));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2));
  });
  if (spec.columns.length > 0) {
    ws.autoFilter = {
      from: { row: titleRows + 1, column: 1 },
      to: { row: titleRows + 1, column: spec.columns.length },
    };
  }
  return ws;
}

/** Writes a workbook to a file, whole or not at all (write-file.ts), creating its folder. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeFileAtomicWith(path, (part) => workbook.xlsx.writeFile(part));
}

/** Writes sheets of rows to an XLSX file. */
export async function writeXlsx(path: string, sheets: readonly SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shnor';
  for (const sheet of sheets) addSheet(workbook, sheet);
  await saveWorkbook(workbook, path);
}
