import { UserError } from '../../cli/errors.js';

export type TextEncoding = 'utf-8' | 'windows-1251';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * UTF-8 (with or without BOM) when the bytes decode strictly as UTF-8, else Windows-1251 — unless the
 * bytes hold both: then the file was assembled from pieces in two encodings, and is refused with the line.
 * The sample may end inside a multi-byte character: the last 3 bytes are allowed to be incomplete.
 */
export function detectEncoding(sample: Buffer, file = ''): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return { encoding: 'utf-8', bom: false };
  }
  if (utf8CyrillicPairs(sample) >= 8) {
    throw new UserError(
      `Файл «${file}», строка ${firstNonUtf8Line(sample)}: в файле смешаны кодировки UTF-8 и Windows-1251 ` +
        '(часть строк вставлена из другого файла). Откройте файл в Excel или Блокноте и сохраните его целиком ' +
        'в одной кодировке, затем загрузите снова.',
    );
  }
  return { encoding: 'windows-1251', bom: false };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Cyrillic letters encoded as UTF-8 (0xD0/0xD1 + continuation byte) — rare by chance in Windows-1251. */
function utf8CyrillicPairs(bytes: Buffer): number {
  let pairs = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if ((bytes[i] === 0xd0 || bytes[i] === 0xd1) && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xbf) {
      pairs++;
      i++;
    }
  }
  return pairs;
}

function firstNonUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    line++;
    start = stop + 1;
  }
  return line;
}

export function decode(bytes: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}
