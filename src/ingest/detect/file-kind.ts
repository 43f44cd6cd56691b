import { UserError } from '../../cli/errors.js';

export type FileKind = 'xlsx' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** UTF-16 name of the stream that marks an encrypted OOXML package inside a CFB container. */
const ENCRYPTED_MARK = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Tells what a file really is from its first bytes, whatever its name says (DOMAIN §3.1).
 * Refuses, with its own message, the kinds the pipeline cannot read.
 */
export function detectFileKind(head: Buffer, file: string): FileKind {
  if (head.length === 0) throw new UserError(`Файл «${file}» пуст (0 байт). Выгрузите файл заново.`);
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, CFB)) {
    if (head.includes(ENCRYPTED_MARK)) {
      throw new UserError(
        `Файл «${file}» — книга Excel, защищённая паролем. Откройте её в Excel, снимите пароль ` +
          '(Файл → Сведения → Защитить книгу → Зашифровать с использованием пароля → пустой пароль) и сохраните как .xlsx.',
      );
    }
    throw new UserError(
      `Файл «${file}» — книга Excel старого формата (.xls, Excel 97–2003). Откройте её в Excel или LibreOffice ` +
        'и сохраните как «Книга Excel (.xlsx)» или CSV, затем загрузите снова.',
    );
  }
  const text = head
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (/^(<!doctype html|<html|<table|<\?xml[^>]*>\s*<html|<meta)/.test(text) || text.startsWith('<?xml')) {
    throw new UserError(
      `Файл «${file}» — веб-страница (HTML/XML), сохранённая с расширением таблицы. Откройте его в Excel ` +
        'и сохраните как «Книга Excel (.xlsx)» или CSV, затем загрузите снова.',
    );
  }
  if (looksBinary(head)) {
    throw new UserError(
      `Файл «${file}» — не текстовая таблица: в нём двоичные данные. Проверьте, что выгружен нужный файл ` +
        '(CSV или XLSX), и выгрузите его заново.',
    );
  }
  return 'text';
}

/** NUL bytes or many control characters mean the bytes are not a text table. */
function looksBinary(head: Buffer): boolean {
  const sample = head.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.02;
}
