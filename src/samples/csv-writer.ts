/** Prints a Table as CSV bytes in the file's encoding, delimiter and decimal style. */
import { encodeCp1251 } from './cp1251.js';
import { ru } from './dates.js';
import type { CsvFormat } from './sample-file.js';
import { type Cell, headerRowsOf, type Table } from './table.js';

function formatCell(cell: Cell, format: CsvFormat): string {
  if (cell === null) return '';
  if (cell instanceof Date) return ru(cell);
  if (typeof cell === 'number') {
    const text = String(cell);
    return format.decimalComma ? text.replace('.', ',') : text;
  }
  return cell;
}

function quote(text: string, delimiter: string): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** A row padded to the table width, so an empty row is a line of delimiters as Excel saves it. */
function line(cells: Cell[], width: number, format: CsvFormat): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(width, cells.length); i++) {
    out.push(quote(formatCell(cells[i] ?? null, format), format.delimiter));
  }
  return out.join(format.delimiter);
}

export function csvText(table: Table, format: CsvFormat): string {
  const width = table.columns.length;
  const lines: string[] = [];
  for (const row of table.title) lines.push(line(row, width, format));
  for (const row of headerRowsOf(table)) lines.push(line(row, width, format));
  for (const row of table.rows) lines.push(line(row.cells, width, format));
  return lines.join(format.eol) + format.eol;
}

export function csvBytes(table: Table, format: CsvFormat): Buffer {
  const text = csvText(table, format);
  switch (format.encoding) {
    case 'windows-1251':
      return encodeCp1251(text);
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  }
}
