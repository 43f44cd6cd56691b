/** The in-memory shape of one generated export: what the writers print and the manifest counts. */

export type Cell = string | number | Date | null;

/** How the warehouse must treat a row below the header. */
export type RowKind = 'data' | 'empty' | 'total' | 'header' | 'continuation' | 'reject';

export interface Row {
  cells: Cell[];
  kind: RowKind;
  /** For a rejected row: reason code, column and value the warehouse must name. */
  reject?: { reason: string; column: string; value: string };
}

export interface Column {
  header: string;
  /** Canonical column of DOMAIN §3.6, or null for a column the contract ignores. */
  canonical: string | null;
  /** Excel number format for a Date or decimal cell (XLSX only). */
  numFmt?: string;
  width?: number;
}

export interface Table {
  /** Rows above the header, top to bottom; an empty array is a blank row. */
  title: Cell[][];
  columns: Column[];
  /**
   * Header rows when the header spans more than one row (merged cells); the last one is the row
   * the manifest counts from. Default: one row of the column headers.
   */
  headerRows?: Cell[][];
  merges?: string[];
  rows: Row[];
  /** Values the file keeps outside its table (year, subject, grade …) and where they are. */
  context?: Record<string, { value: string; from: 'title' | 'file name' | 'column' | 'flag' }>;
}

export const data = (cells: Cell[]): Row => ({ cells, kind: 'data' });

export function headerRowsOf(table: Table): Cell[][] {
  return table.headerRows ?? [table.columns.map((c) => c.header)];
}

/** 1-based physical line (CSV) or sheet row (XLSX) of the i-th row below the header. */
export function lineOf(table: Table, index: number): number {
  return table.title.length + headerRowsOf(table).length + index + 1;
}
