import type { stream } from 'exceljs';

/**
 * exceljs streaming options, shared by the ingest and the bare benchmark (no side effects here, so the
 * bare tool stays unpatched): shared strings and styles cached — without styles, dates come as serials.
 */
export const READER_OPTIONS: stream.xlsx.WorkbookStreamReaderOptions = {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  worksheets: 'emit',
  entries: 'ignore',
};
