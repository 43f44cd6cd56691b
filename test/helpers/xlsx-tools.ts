import type ExcelJS from '../../src/xlsx/exceljs.js';

/** Rows frozen at the top of a sheet (the title lines and the header). */
export function frozenRows(sheet: ExcelJS.Worksheet): number {
  return (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0;
}
