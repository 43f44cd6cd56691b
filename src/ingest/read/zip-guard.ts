import { open } from 'node:fs/promises';
import type { File } from 'unzipper';
import { UserError } from '../../cli/errors.js';
import { num } from '../../text/russian.js';

/**
 * Checks that a workbook's zip holds what its central directory says, so that every later read
 * (exceljs walks the local headers, not the directory) inflates no more than the declared sizes:
 * entries follow each other with no hidden bytes between them, none overlaps another, and each
 * local header agrees with the directory.
 */

/** Bytes allowed between an entry's data and the next header: a data descriptor (12–24 bytes). */
const SLACK = 64;
const LOCAL_HEADER = 0x04034b50;

/** The fields of a directory entry that unzipper reads but its typings leave out. */
interface DirectoryEntry {
  offsetToLocalFileHeader: number;
  compressedSize: number;
  uncompressedSize: number;
}

export async function checkZipLayout(
  path: string,
  files: File[],
  directoryOffset: number,
  file: string,
): Promise<void> {
  const sorted = (files as unknown as DirectoryEntry[]).toSorted(
    (a, b) => a.offsetToLocalFileHeader - b.offsetToLocalFileHeader,
  );
  const fh = await open(path, 'r');
  try {
    let end = 0;
    const header = Buffer.alloc(30);
    for (const e of sorted) {
      const gap = e.offsetToLocalFileHeader - end;
      if (gap < 0 || gap > SLACK) throw mismatch(file);
      const { bytesRead } = await fh.read(header, 0, 30, e.offsetToLocalFileHeader);
      if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw mismatch(file);
      const flags = header.readUInt16LE(6);
      const sizesHere = (flags & 0x08) === 0;
      const compressed = header.readUInt32LE(18);
      const uncompressed = header.readUInt32LE(22);
      // 0xFFFFFFFF: the sizes are in a zip64 field, which the directory entry carries too.
      if (
        sizesHere &&
        compressed !== 0xffffffff &&
        (compressed !== e.compressedSize || uncompressed !== e.uncompressedSize)
      ) {
        throw mismatch(file);
      }
      end =
        e.offsetToLocalFileHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + e.compressedSize;
    }
    const tail = directoryOffset - end;
    if (tail < 0 || tail > SLACK) throw mismatch(file);
  } finally {
    await fh.close();
  }
}

/**
 * Inflates one entry, counting its bytes: an entry that inflates past its declared size is refused
 * at once (a zip bomb whose headers lie), so no read ever inflates more than the directory declares.
 */
export async function inflateEntry(
  entry: File,
  file: string,
  onChunk?: (chunk: Buffer) => void,
): Promise<number> {
  let total = 0;
  const stream = entry.stream();
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > entry.uncompressedSize) throw lyingSize(file, entry.path, entry.uncompressedSize);
      onChunk?.(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw mismatch(file);
  } finally {
    stream.destroy();
  }
  return total;
}

function mismatch(file: string): UserError {
  return new UserError(
    `Файл «${file}» — повреждённая книга Excel: её содержимое не совпадает с оглавлением (части перекрываются, ` +
      'обрезаны или спрятаны между другими). Откройте её в Excel и сохраните заново, или выгрузите файл ещё раз.',
  );
}

function lyingSize(file: string, part: string, declared: number): UserError {
  return new UserError(
    `Файл «${file}» — повреждённая книга Excel: её часть «${part}» распаковывается в большее число байт, чем ` +
      `указано в оглавлении (${num(declared)} байт), — так бывает у испорченных и у намеренно ` +
      'подделанных файлов («zip-бомба»). Чтение остановлено, ничего не загружено. Откройте файл в Excel и ' +
      'сохраните заново, или выгрузите его ещё раз.',
  );
}
