import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeError } from '../cli/errors.js';

/** The name a file is written under until it is whole. */
export const partOf = (path: string) => `${path}.part`;

/** Creates a folder and its parents; a Russian message naming it when that cannot be done. */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeError(error, dir, 'создать папку');
  }
}

/** Removes a file or folder the command is about to write anew; a Russian message when it cannot. */
export function removeOutput(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (error) {
    throw writeError(error, path, 'удалить прежние файлы');
  }
}

/** A `.part` a failed write leaves; what cannot be removed (a read-only folder) is left, the error stands. */
function dropPart(part: string): void {
  try {
    rmSync(part, { force: true });
  } catch {
    // The write's own error says what is wrong.
  }
}

/**
 * Writes a file whole or not at all: under `<path>.part`, renamed when complete, so a reader (or a
 * run killed half-way) never leaves half a file under the final name; the next write of the same
 * file replaces a `.part` left behind. A full disk, a read-only folder or a file in the way is a
 * Russian message naming the file (exit 3).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  makeFolder(dirname(path));
  const part = partOf(path);
  try {
    writeFileSync(part, content);
    renameSync(part, path);
  } catch (error) {
    dropPart(part);
    throw writeError(error, path);
  }
}

/** writeFileAtomic for a writer that writes the file itself (a workbook): `write` is given the `.part` path. */
export async function writeFileAtomicWith(
  path: string,
  write: (part: string) => Promise<void>,
): Promise<void> {
  makeFolder(dirname(path));
  const part = partOf(path);
  try {
    await write(part);
    renameSync(part, path);
  } catch (error) {
    dropPart(part);
    throw writeError(error, path);
  }
}

/**
 * Says at once whether files can be written to a folder (creating it): a long run finds out before it
 * starts, not at its end. A full disk shows only when it fills.
 */
export function checkWritableFolder(dir: string): void {
  const probe = join(dir, '.shnor-write-check');
  writeFileAtomic(probe, '');
  rmSync(probe, { force: true });
}
