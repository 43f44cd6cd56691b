import unzipper, { type File } from 'unzipper';
import { UserError } from '../../cli/errors.js';
import { checkZipLayout, inflateEntry } from './zip-guard.js';

/** Refuse a workbook that unpacks to more than this (a zip bomb, or a file far beyond a region's exports). */
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

export interface SheetInfo {
  name: string;
  /** 1-based number of `xl/worksheets/sheetN.xml`, as exceljs's reader ids its sheets. */
  id: number;
  /** Merged ranges as `A1:C2`, read before the rows (the streaming reader does not report them). */
  merges: string[];
  /** The number of the sheet's last row in its XML: the reader must get that far. */
  lastRow: number;
}

/**
 * Reads the workbook's directory: sheet names, unpacked size, and each sheet's merged cells.
 * Nothing here holds cell values.
 */
export async function inspectXlsx(path: string, file: string): Promise<SheetInfo[]> {
  let directory: Awaited<ReturnType<typeof unzipper.Open.file>>;
  try {
    directory = await unzipper.Open.file(path);
  } catch {
    throw corrupt(file);
  }
  const unpacked = directory.files.reduce((sum, f) => sum + (f.uncompressedSize ?? 0), 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new UserError(
      `Файл «${file}» распаковывается в ${(unpacked / 1024 ** 3).toFixed(1).replace('.', ',')} ГБ — больше предела ` +
        `${MAX_UNPACKED_BYTES / 1024 ** 3} ГБ. Разделите выгрузку на несколько файлов или сохраните её как CSV.`,
    );
  }
  const byPath = new Map(directory.files.map((f) => [f.path, f]));
  const workbook = byPath.get('xl/workbook.xml');
  if (!workbook) throw notAWorkbook(file, [...byPath.keys()]);
  // Every later read inflates no more than the directory declares (and so no more than the limit).
  await checkZipLayout(path, directory.files, directoryOffset(directory), file);
  const rels = byPath.get('xl/_rels/workbook.xml.rels');
  const workbookXml = await entryText(workbook, file);
  const relsXml = rels ? await entryText(rels, file) : '';
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const sheets: SheetInfo[] = [];
  const scanned = new Set<File>([workbook, ...(rels ? [rels] : [])]);
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    const num = target ? /sheet(\d+)\.xml$/.exec(target)?.[1] : undefined;
    const entry = target ? byPath.get(target) : undefined;
    if (!num || !entry) continue;
    scanned.add(entry);
    sheets.push({ name, id: Number(num), ...(await scanSheetXml(entry, file)) });
  }
  // The other parts (shared strings, styles…) are inflated once too, only to count their bytes.
  for (const entry of directory.files) if (!scanned.has(entry)) await inflateEntry(entry, file);
  return sheets;
}

/** Where the central directory starts (unzipper reads it, its typings do not say so). */
function directoryOffset(directory: object): number {
  return Number((directory as { offsetToStartOfCentralDirectory?: number }).offsetToStartOfCentralDirectory);
}

async function entryText(entry: File, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  await inflateEntry(entry, file, (c) => chunks.push(c));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Scans a sheet's XML stream, without keeping it in memory, for `<mergeCell ref="…"/>` and for the
 * number of its last `<row r="…">`.
 */
async function scanSheetXml(entry: File, file: string): Promise<{ merges: string[]; lastRow: number }> {
  const merges: string[] = [];
  let lastRow = 0;
  let tail = '';
  await inflateEntry(entry, file, (chunk) => {
    const text = tail + chunk.toString('latin1');
    for (const m of text.matchAll(/<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) merges.push(m[1]);
    for (const m of text.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/g))
      lastRow = Math.max(lastRow, Number(m[1]));
    tail = text.slice(-300);
  });
  return { merges: [...new Set(merges)], lastRow };
}

/** A zip that is no workbook: a Word or PowerPoint file, an OpenDocument table, or an archive of files. */
function notAWorkbook(file: string, paths: string[]): UserError {
  const has = (p: string) => paths.includes(p);
  const renamed = (what: string, save: string) =>
    new UserError(
      `Файл «${file}» — ${what}, а не книга Excel (у него только имя .xlsx). ${save}, затем загрузите снова.`,
    );
  if (has('word/document.xml'))
    return renamed('документ Word (.docx)', 'Скопируйте таблицу в Excel и сохраните её как .xlsx или CSV');
  if (has('ppt/presentation.xml'))
    return renamed(
      'презентация PowerPoint (.pptx)',
      'Скопируйте таблицу в Excel и сохраните её как .xlsx или CSV',
    );
  if (has('content.xml') && has('mimetype')) {
    return renamed(
      'таблица OpenDocument (.ods)',
      'Откройте её в LibreOffice или Excel и сохраните как «Книга Excel (.xlsx)»',
    );
  }
  if (!has('[Content_Types].xml')) {
    const inside = paths.filter((p) => !p.endsWith('/'));
    const listed =
      inside
        .slice(0, 3)
        .map((p) => `«${p}»`)
        .join(', ') + (inside.length > 3 ? ' …' : '');
    return new UserError(
      `Файл «${file}» — zip-архив${inside.length ? ` (в нём ${listed})` : ''}, а не книга Excel. Распакуйте архив и ` +
        'загрузите файлы из него.',
    );
  }
  return corrupt(file);
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function corrupt(file: string): UserError {
  return new UserError(
    `Файл «${file}» — повреждённая книга Excel: её не удаётся распаковать. Откройте её в Excel и сохраните заново, ` +
      'или выгрузите файл ещё раз.',
  );
}

/** `B3` → { col: 2, row: 3 } (1-based). */
export function cellRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return { col: 0, row: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}
