/** One generated file: where it goes, which source it feeds, its format and its sheet(s). */
import type { Table } from './table.js';

export type Encoding = 'windows-1251' | 'utf-8' | 'utf-8-bom';

export interface CsvFormat {
  kind: 'csv';
  encoding: Encoding;
  delimiter: ';' | ',' | '\t';
  /** Decimal comma for non-integer numbers. */
  decimalComma: boolean;
  eol: '\r\n' | '\n';
}

export interface XlsxFormat {
  kind: 'xlsx';
}

export interface Sheet {
  name: string;
  table: Table;
}

export interface SampleFile {
  /** Relative to the output folder, '/' separated. */
  path: string;
  /** Canonical source name (DOMAIN §3.6). */
  source: string;
  format: CsvFormat | XlsxFormat;
  /** A CSV has exactly one sheet (its name is not used). */
  sheets: Sheet[];
  /** The export's snapshot date; also the file's mtime. */
  snapshot: Date;
  /** Where the warehouse finds the snapshot date: a title row, or it must be given as a flag. */
  snapshotFrom: 'title' | 'flag';
}

export const cp1251Semicolon: CsvFormat = {
  kind: 'csv',
  encoding: 'windows-1251',
  delimiter: ';',
  decimalComma: true,
  eol: '\r\n',
};

export const utf8BomSemicolon: CsvFormat = { ...cp1251Semicolon, encoding: 'utf-8-bom' };

export const utf8Comma: CsvFormat = {
  kind: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  decimalComma: false,
  eol: '\n',
};

export const xlsx: XlsxFormat = { kind: 'xlsx' };
