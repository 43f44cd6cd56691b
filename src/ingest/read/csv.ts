import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { UserError } from '../../cli/errors.js';
import { type Delimiter, detectDelimiter } from '../detect/dialect.js';
import { decode, detectEncoding, type TextEncoding } from '../detect/encoding.js';
import type { PreviewRow } from './preview.js';
import { RecordScanner } from './record-scanner.js';

const PREVIEW_BYTES = 256 * 1024;
const PREVIEW_UNITS = 60;
const NL = 10;
const CR = 13;

/**
 * Longest record DuckDB is asked to read (its own default stops at 2 MB): a longer one is no table row
 * but a file of another kind (a log, a dump), and is refused with its line.
 */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface CsvPreview {
  encoding: TextEncoding;
  bom: boolean;
  /** Lines end with CR alone (old Mac): read as if each CR were a line feed. */
  crOnly: boolean;
  delimiter: Delimiter;
  rows: PreviewRow[];
}

/** Decodes the first records of a CSV and splits them into cells. */
export function previewCsv(raw: Buffer, file = ''): CsvPreview {
  const crOnly = isCrOnly(raw.subarray(0, PREVIEW_BYTES));
  const { encoding, bom } = detectEncoding(crToLf(raw.subarray(0, PREVIEW_BYTES), crOnly), file);
  const head = bodyOf(crToLf(raw, crOnly), encoding, bom);
  // The delimiter from plain lines first: the scanner needs it to tell where a quoted value may open.
  const lines = decode(head.subarray(0, PREVIEW_BYTES), encoding).split('\n').slice(0, PREVIEW_UNITS);
  const delimiter = detectDelimiter(lines.map((l) => l.replace(/\r$/, '')));
  const units: { line: number; text: string; blank: boolean }[] = [];
  const scanner = new RecordScanner((u) => {
    units.push({ line: u.line, blank: u.blank, text: decode(head.subarray(u.start, u.end), encoding) });
    return units.length < PREVIEW_UNITS;
  }, delimiter);
  if (scanner.push(head.subarray(0, PREVIEW_BYTES)) && head.length <= PREVIEW_BYTES) scanner.finish();
  const rows: PreviewRow[] = units.map((u, unit) => ({
    unit,
    line: u.line,
    cells: u.blank ? [] : splitRecord(u.text, delimiter),
  }));
  return { encoding, bom, crOnly, delimiter, rows };
}

/** No line feed at all, but carriage returns: lines of an old Mac export. */
function isCrOnly(head: Buffer): boolean {
  return head.indexOf(NL) < 0 && head.indexOf(CR) >= 0;
}

/** Each CR as a line feed (same length, so lines and offsets stay as they are). */
function crToLf(buf: Buffer, crOnly: boolean): Buffer {
  if (!crOnly) return buf;
  const out = Buffer.from(buf);
  for (let i = out.indexOf(CR); i >= 0; i = out.indexOf(CR, i + 1)) out[i] = NL;
  return out;
}

/**
 * The bytes after a UTF-8 mark written before Windows-1251 text (some tools do): decoded as Windows-1251,
 * the mark would become «п»ї» in the first header cell. A UTF-8 file keeps its mark (DuckDB skips it).
 */
function bodyOf(buf: Buffer, encoding: TextEncoding, bom: boolean): Buffer {
  return bom && encoding === 'windows-1251' ? buf.subarray(3) : buf;
}

function splitRecord(text: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { delimiter, quoteChar: '"' });
  return parsed.data.flat();
}

export interface CsvScan {
  /** UTF-8 file for DuckDB in the private temp folder: the transcoded copy, or a link to the file. */
  utf8Path: string;
  /** Data records after the header (what DuckDB will return). */
  records: number;
  /** Blank lines after the header (DuckDB drops them; they are skipped rows «пустая строка»). */
  blankLines: number;
  /** Breakpoints [record index, physical line]: record r starts at line + (r − index). */
  lineMap: [number, number][];
  /** A quoted value spans lines somewhere (DuckDB then needs its single-threaded reader). */
  multiline: boolean;
  /** Bytes of the longest record in the file DuckDB reads (for its `max_line_size`). */
  longestRecord: number;
  /** Some value holds a NUL byte: such cells reject their rows. */
  hasNul: boolean;
}

/**
 * One streaming pass over the whole file: maps records to physical lines and, for Windows-1251,
 * writes the UTF-8 copy that DuckDB reads (DuckDB has no cp1251 decoder offline).
 */
export async function scanCsv(
  path: string,
  preview: CsvPreview,
  headerUnit: number,
  transcodeTo: string,
  file: string,
): Promise<CsvScan> {
  const { encoding, delimiter, bom, crOnly } = preview;
  let unit = -1;
  let records = 0;
  let blankLines = 0;
  let lastDelta = Number.NaN;
  let longest = { bytes: 0, line: 0 };
  const lineMap: [number, number][] = [];
  const scanner = new RecordScanner((u) => {
    unit++;
    if (u.end - u.start > longest.bytes) longest = { bytes: u.end - u.start, line: u.line };
    if (unit <= headerUnit) return;
    if (u.blank) {
      blankLines++;
      return;
    }
    const delta = u.line - records;
    if (delta !== lastDelta) {
      lineMap.push([records, u.line]);
      lastDelta = delta;
    }
    records++;
  }, delimiter);
  const cp1251 = encoding === 'windows-1251';
  // DuckDB reads UTF-8 with LF or CRLF: a Windows-1251 file or one with CR-only lines gets a converted copy.
  const transcode = cp1251 || crOnly;
  const decoder = new TextDecoder('windows-1251');
  // Never write through a link left by an earlier file: that would overwrite the user's own file.
  rmSync(transcodeTo, { force: true });
  const out = transcode ? createWriteStream(transcodeTo, { mode: 0o600, flags: 'wx' }) : undefined;
  let linesBefore = 0;
  let hasNul = false;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let buf = crToLf(chunk as Buffer, crOnly);
    if (first) buf = bodyOf(buf, encoding, bom);
    first = false;
    scanner.push(buf);
    if (!hasNul && buf.indexOf(0) >= 0) hasNul = true;
    if (out && !cp1251) {
      if (!out.write(buf)) await once(out, 'drain');
    } else if (out) {
      // A Windows-1251 file with pasted UTF-8 lines would load as «Р”РµСЂР±РµРЅС‚»: refuse it, with the line.
      const at = utf8CyrillicRun(buf);
      if (at >= 0) {
        out.destroy();
        const line = linesBefore + countLines(buf.subarray(0, at)) + 1;
        throw new UserError(
          `Файл «${file}», строка ${line}: в файле смешаны кодировки Windows-1251 и UTF-8 (часть строк вставлена ` +
            'из другого файла). Откройте файл в Excel или Блокноте и сохраните его целиком в одной кодировке, затем ' +
            'загрузите снова.',
        );
      }
      linesBefore += countLines(buf);
      if (!out.write(decoder.decode(buf, { stream: true }))) await once(out, 'drain');
    }
  }
  const openQuote = scanner.finish();
  if (out) {
    out.end();
    await once(out, 'finish');
  }
  if (openQuote !== undefined) {
    throw new UserError(
      `Файл «${file}», строка ${openQuote}: открыта кавычка «"», которая не закрыта до конца файла — все строки после неё ` +
        'читались бы как одно значение. Исправьте кавычку в этой строке (или удалите её) и загрузите файл снова.',
    );
  }
  if (longest.bytes > MAX_RECORD_BYTES) {
    throw new UserError(
      `Файл «${file}», строка ${longest.line}: строка длиннее ${MAX_RECORD_BYTES / 1024 ** 2} МБ ` +
        `(${(longest.bytes / 1024 ** 2).toFixed(0)} МБ) — так не выглядит ни одна строка таблицы. Проверьте, что это ` +
        'нужный файл и что в нём нет незакрытой кавычки, и выгрузите его заново.',
    );
  }
  if (!transcode) {
    // DuckDB reads a path as a glob ([1], *, ?): it gets a link with a plain name, never the user's path.
    symlinkSync(resolve(path), transcodeTo);
  }
  return {
    utf8Path: transcodeTo,
    records,
    blankLines,
    lineMap,
    multiline: scanner.multiline,
    // A Windows-1251 byte may become up to 3 bytes of UTF-8 («№», «—»).
    longestRecord: longest.bytes * (cp1251 ? 3 : 1),
    hasNul,
  };
}

/** Offset of three Cyrillic letters in a row encoded as UTF-8 (never seen in real Windows-1251 text), or −1. */
function utf8CyrillicRun(buf: Buffer): number {
  let run = 0;
  for (let i = 0; i + 1 < buf.length; i++) {
    const b = buf[i];
    if ((b === 0xd0 || b === 0xd1) && buf[i + 1] >= 0x80 && buf[i + 1] <= 0xbf) {
      if (++run === 3) return i - 4;
      i++;
    } else run = 0;
  }
  return -1;
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
