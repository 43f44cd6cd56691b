import { UserError } from '../../cli/errors.js';
import { num } from '../../text/russian.js';
import ExcelJS from '../../xlsx/exceljs.js';
import { READER_OPTIONS } from '../../xlsx/reader-options.js';
import type { PreviewRow } from './preview.js';
import { cellRef, type SheetInfo } from './xlsx-inspect.js';

/** Longest value a cell may hold (Excel's own limit); longer values are refused, not cut. */
export const MAX_CELL_CHARS = 32_767;

/** Why a longer value rejects its row, the same in a CSV and a workbook. */
export const TOO_LONG_REASON =
  `значение длиннее ${num(MAX_CELL_CHARS)} символов — больше, чем вмещает ячейка Excel: проверьте, не склеились ли ` +
  'здесь несколько значений или строк, и сократите его';

/** A problem with one cell that rejects its row (a formula with no value, an error, a huge cell). */
export interface CellIssue {
  col: number;
  value: string;
  reason: string;
}

export interface SheetRow {
  line: number;
  cells: (string | null)[];
  issues: CellIssue[];
}

/** What the caller does with a sheet after seeing its first rows: read the rest into a sink, or pass. */
export interface SheetSink {
  /** Rows from this index of the preview on are data (the header and titles are above). */
  firstDataRow: number;
  add(row: SheetRow): Promise<void> | void;
}

export const PREVIEW_ROWS = 40;

/**
 * Streams every sheet of a workbook (exceljs WorkbookReader): the first rows of each go to `decide`,
 * which returns a sink for the sheet's data rows or nothing to pass the sheet by.
 */
export async function readXlsx(
  path: string,
  sheets: SheetInfo[],
  decide: (sheet: SheetInfo, preview: PreviewRow[], rows: SheetRow[]) => Promise<SheetSink | undefined>,
  file: string,
  privateTemp?: string,
): Promise<void> {
  if (!privateTemp) return readSheets(path, sheets, decide, file);
  // exceljs may park a sheet's XML (cell values, names) in os.tmpdir() while it reads: keep it private.
  // Reads may overlap (the ingest probes files concurrently): the first sets TMPDIR, the last restores it.
  if (tmpReaders++ === 0) {
    savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = privateTemp;
  }
  try {
    await readSheets(path, sheets, decide, file);
  } finally {
    if (--tmpReaders === 0) {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
    }
  }
}

let tmpReaders = 0;
let savedTmpdir: string | undefined;

async function readSheets(
  path: string,
  sheets: SheetInfo[],
  decide: (sheet: SheetInfo, preview: PreviewRow[], rows: SheetRow[]) => Promise<SheetSink | undefined>,
  file: string,
): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, READER_OPTIONS);
  const seen = new Set<number>();
  try {
    for await (const ws of reader) {
      const id = Number((ws as unknown as { id: number | string }).id);
      const sheet = sheets.find((s) => s.id === id) ?? { name: `Лист${id}`, id, merges: [], lastRow: 0 };
      seen.add(id);
      const buffered: SheetRow[] = [];
      let sink: SheetSink | undefined;
      let decided = false;
      let lastRow = 0;
      for await (const row of ws) {
        const sheetRow = toSheetRow(row as ExcelJS.Row);
        lastRow = sheetRow.line;
        if (!decided) {
          buffered.push(sheetRow);
          if (buffered.length < PREVIEW_ROWS) continue;
          decided = true;
          sink = await decide(sheet, toPreview(buffered, sheet.merges), buffered);
          if (sink) for (const r of buffered.slice(sink.firstDataRow)) await sink.add(r);
          continue;
        }
        if (sink) await sink.add(sheetRow);
      }
      if (!decided) {
        sink = await decide(sheet, toPreview(buffered, sheet.merges), buffered);
        if (sink) for (const r of buffered.slice(sink.firstDataRow)) await sink.add(r);
      }
      if (lastRow < sheet.lastRow) throw cutShort(file, sheet.name, lastRow, sheet.lastRow);
    }
    const missed = sheets.find((s) => !seen.has(s.id) && s.lastRow > 0);
    if (missed) throw cutShort(file, missed.name, 0, missed.lastRow);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const internal = /Cannot read properties of undefined/.test(String((error as Error)?.message));
    throw new (internal ? XlsxReadFlake : UserError)(
      `Файл «${file}» не удалось прочитать как книгу Excel (${String((error as Error).message ?? error).slice(0, 120)}). ` +
        'Откройте его в Excel, сохраните заново как .xlsx и загрузите снова.',
    );
  }
}

/**
 * exceljs's streaming reader occasionally loses the end of a zip (see src/xlsx/patches.ts): the read
 * fails or a sheet is cut short. Nothing of such a read is kept; the ingest tries the file again.
 */
export class XlsxReadFlake extends UserError {}

/** The reader stopped before the end of a sheet: never load a sheet in part. */
function cutShort(file: string, sheet: string, got: number, expected: number): UserError {
  return new XlsxReadFlake(
    `Файл «${file}», лист «${sheet}»: книга прочитана не полностью (строк ${got} из ${expected}) — ничего не ` +
      'загружено. Повторите загрузку; если сообщение повторится, откройте файл в Excel и сохраните его заново.',
  );
}

/** The first rows as text, with merged header cells filled from their top-left cell. */
function toPreview(rows: SheetRow[], merges: string[]): PreviewRow[] {
  const grid = new Map(rows.map((r) => [r.line, [...r.cells]]));
  for (const range of merges) {
    const [a, b] = range.split(':').map(cellRef);
    const top = grid.get(a.row);
    const value = top?.[a.col - 1];
    if (value == null) continue;
    for (let row = a.row; row <= b.row; row++) {
      const cells = grid.get(row);
      if (!cells) continue;
      for (let col = a.col; col <= b.col; col++) if (cells[col - 1] == null) cells[col - 1] = value;
    }
  }
  return rows.map((r, i) => ({ unit: i, line: r.line, cells: (grid.get(r.line) ?? []).map((c) => c ?? '') }));
}

function toSheetRow(row: ExcelJS.Row): SheetRow {
  const values = row.values as unknown[];
  const cells: (string | null)[] = new Array(Math.max(values.length - 1, 0));
  const issues: CellIssue[] = [];
  for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i], issues, i - 1);
  return { line: row.number, cells, issues };
}

/**
 * A cell's value as text: formulas by their cached result, dates as ISO (zoneless), rich text joined.
 * A cell that cannot be taken (an error, a formula without a value, a huge text) adds to `issues`.
 * Called for every cell of every row: it allocates nothing but the string.
 */
export function cellText(value: unknown, issues: CellIssue[], col: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return limit(value, issues, col);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) {
      issues.push({ col, value: String(v.error), reason: `ошибка в ячейке Excel ${String(v.error)}` });
      return null;
    }
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) {
        issues.push({
          col,
          value: `=${String(v.formula ?? v.sharedFormula)}`,
          // exceljs's streaming reader also drops a formula's cached error (#DIV/0!), so both land here.
          reason:
            'формула без сохранённого значения или с ошибкой (#ДЕЛ/0!, #Н/Д…): откройте файл в Excel, ' +
            'исправьте формулу, пересчитайте и сохраните',
        });
        return null;
      }
      return cellText(v.result, issues, col);
    }
    if (Array.isArray(v.richText)) {
      return limit((v.richText as { text: string }[]).map((t) => t.text).join(''), issues, col);
    }
    if ('text' in v) return cellText(v.text, issues, col);
    // A value of no known shape (seen once: every header cell an object, as if the shared strings had
    // not been read yet) is a faulty read, not the file's content: read the file again.
    throw new XlsxReadFlake(
      `ячейка в столбце ${col + 1} прочитана в непонятном виде — ничего не загружено. Повторите загрузку; ` +
        'если сообщение повторится, откройте файл в Excel и сохраните его заново.',
    );
  }
  return limit(String(value), issues, col);
}

function limit(text: string, issues: CellIssue[], col: number): string | null {
  if (text.length <= MAX_CELL_CHARS) return text;
  issues.push({ col, value: `${text.slice(0, 60)}…`, reason: TOO_LONG_REASON });
  return null;
}

/** exceljs builds dates in UTC from Excel serials; a date-time keeps its time. */
function isoOf(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
