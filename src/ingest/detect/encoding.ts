import { UserError } from '../../cli/errors.js';

export type TextEncoding = 'utf-8' | 'windows-1251';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * UTF-8 (with or without BOM) when the bytes after a BOM decode strictly as UTF-8, else Windows-1251 — unless some
 * lines hold UTF-8 Cyrillic words and others are not UTF-8: then the file was assembled from pieces in two
 * encodings, and is refused naming the first line of the fewer kind (the pasted piece). The sample may end
 * inside a multi-byte character: a UTF-8 character cut short at the very end is left out.
 */
export function detectEncoding(sample: Buffer, file = ''): EncodingGuess {
  const bom = hasBom(sample);
  const body = bom ? sample.subarray(3) : sample;
  const whole = body.subarray(0, body.length - cutShort(body));
  if (isUtf8(whole)) return { encoding: 'utf-8', bom };
  const line = mixedLine(whole);
  if (line !== undefined) {
    throw new UserError(
      `Файл «${file}», строка ${line}: в файле смешаны кодировки UTF-8 и Windows-1251 ` +
        '(часть строк вставлена из другого файла). Откройте файл в Excel или Блокноте и сохраните его целиком ' +
        'в одной кодировке, затем загрузите снова.',
    );
  }
  // A UTF-8 mark before Windows-1251 text (a converter that added it blindly): the mark is dropped.
  return { encoding: 'windows-1251', bom };
}

const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

const strict = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Buffer): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * How many bytes at the end start a UTF-8 character that the sample cut short (0 when none). Only a lead
 * byte and the continuation bytes after it count: Windows-1251 letters at the end are never cut away.
 */
function cutShort(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b >= 0x80 && b <= 0xbf) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * A Cyrillic word in UTF-8: three letters in a row, each 0xD0/0xD1 and a continuation byte. Windows-1251
 * text never has it (Р and С followed by «, », № or ё, three times over).
 */
function hasUtf8CyrillicWord(bytes: Buffer): boolean {
  let run = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if ((bytes[i] === 0xd0 || bytes[i] === 0xd1) && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xbf) {
      if (++run === 3) return true;
      i++;
    } else run = 0;
  }
  return false;
}

/** When lines of both encodings are present: the first line of the fewer kind (1-based), else undefined. */
function mixedLine(bytes: Buffer): number | undefined {
  const utf8: number[] = [];
  const other: number[] = [];
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end;
    const text = bytes.subarray(start, stop);
    if (!isUtf8(text)) other.push(line);
    else if (hasUtf8CyrillicWord(text)) utf8.push(line);
    start = stop + 1;
  }
  if (utf8.length === 0 || other.length === 0) return undefined;
  return utf8.length < other.length ? utf8[0] : other[0];
}

/** Text of the bytes; a UTF-8 mark at the start is dropped in either encoding. */
export function decode(bytes: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(hasBom(bytes) ? bytes.subarray(3) : bytes).replace(/^\uFEFF/, '');
}
