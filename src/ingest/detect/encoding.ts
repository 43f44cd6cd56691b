export type TextEncoding = 'utf-8' | 'windows-1251';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

/**
 * UTF-8 (with or without BOM) when the bytes decode strictly as UTF-8, else Windows-1251.
 * The sample may end inside a multi-byte character: the last 3 bytes are allowed to be incomplete.
 */
export function detectEncoding(sample: Buffer): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (isUtf8(sample)) return { encoding: 'utf-8', bom: false };
  for (let cut = 1; cut <= 3 && cut < sample.length; cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return { encoding: 'utf-8', bom: false };
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

export function decode(bytes: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}
