/** A row near the top of a file or sheet, as text cells, before the header is known. */
export interface PreviewRow {
  /** Index among the file's units (records and blank lines) or the sheet's row number. */
  unit: number;
  /** Physical line of the CSV, or row number of the sheet. */
  line: number;
  cells: string[];
}
