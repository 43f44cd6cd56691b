import { type Column, cellText, isNumeric, type RowObject } from './column.js';
import { writeFileAtomic } from './write-file.js';

export interface CsvOptions {
  /** Field separator (default `;`, what Russian Excel expects). */
  delimiter?: string;
  /** Start with a UTF-8 byte order mark, so Excel reads Cyrillic right (default true). */
  bom?: boolean;
  /**
   * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` and the rest is not a number)
   * gets a leading apostrophe (default true): the file is meant to be opened in Excel.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Whether a spreadsheet would take this text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) && text !== '-' && text !== '+';
}

function quote(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** CSV text: header row, then rows; numbers with a decimal comma and no grouping; dates ДД.ММ.ГГГГ; CRLF. */
export function toCsv(
  columns: readonly Column[],
  rows: readonly RowObject[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ';';
  const guard = options.guardFormulas ?? true;
  const lines = [columns.map((c) => quote(c.title, delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          let text = cellText(row[c.key], c, { grouping: false, empty: '' });
          const numeric =
            isNumeric(c.kind) && (typeof row[c.key] === 'number' || typeof row[c.key] === 'bigint');
          if (guard && !numeric && looksLikeFormula(text)) text = `'${text}`;
          return quote(text, delimiter);
        })
        .join(delimiter),
    );
  }
  return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}

/** Writes a CSV file whole or not at all (write-file.ts), creating its folder. */
export function writeCsv(
  path: string,
  columns: readonly Column[],
  rows: readonly RowObject[],
  options: CsvOptions = {},
) {
  writeFileAtomic(path, toCsv(columns, rows, options));
}
