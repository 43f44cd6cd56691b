import type { RunParams } from '../models/params.js';
import { addSheet, saveWorkbook } from '../output/xlsx.js';
import { ruDate } from '../text/russian.js';
import ExcelJS from '../xlsx/exceljs.js';
import { type Copy, columnValue } from './data.js';
import type { ReportSpec, TableSpec } from './spec.js';

/** The mark on every sheet of a workbook with named lists (DOMAIN §4.7). */
export const RESTRICTED_MARK = 'Для служебного пользования';

function titleLines(
  spec: ReportSpec,
  copy: Copy,
  params: RunParams,
  table: TableSpec,
  restricted: boolean,
): string[] {
  const whom = String(copy.target.school_name ?? copy.target.municipality ?? '');
  return [
    ...(restricted ? [RESTRICTED_MARK] : []),
    table.title,
    `${spec.title}${whom ? ` — ${whom}` : ''}; ${params.year} год, по состоянию на ${ruDate(params.asOf)}`,
  ];
}

async function writeWorkbook(path: string, sheets: Parameters<typeof addSheet>[1][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shnor';
  for (const sheet of sheets) addSheet(workbook, sheet);
  await saveWorkbook(workbook, path);
}

/**
 * Every table of a copy as one sheet each (bold frozen header, widths, number formats: the writer of
 * src/output/xlsx). Tables «для служебного пользования» go to their own workbook, marked on each sheet.
 */
export async function writeReportXlsx(
  spec: ReportSpec,
  copy: Copy,
  params: RunParams,
  base: string,
): Promise<{ format: 'xlsx' | 'xlsx-restricted'; path: string }[]> {
  const written: { format: 'xlsx' | 'xlsx-restricted'; path: string }[] = [];
  for (const restricted of [false, true]) {
    const tables = spec.tables.filter((t) => t.restricted === restricted);
    if (tables.length === 0) continue;
    const path = restricted ? `${base}-ДСП.xlsx` : `${base}.xlsx`;
    await writeWorkbook(
      path,
      tables.map((t) => ({
        name: t.title,
        columns: t.columns,
        rows: (copy.data[t.query] ?? []).map((r) =>
          Object.fromEntries(t.columns.map((c) => [c.key, columnValue(r[c.key], c.kind)])),
        ),
        title: titleLines(spec, copy, params, t, restricted),
      })),
    );
    written.push({ format: restricted ? 'xlsx-restricted' : 'xlsx', path });
  }
  return written;
}
