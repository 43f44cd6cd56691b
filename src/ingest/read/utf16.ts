import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';

/**
 * Excel's «Юникод-текст» (and some other exports) is UTF-16 with a byte-order mark, tab-separated.
 * Such a file is read through a UTF-8 copy in the private temp folder; lines stay where they were.
 */
export type Utf16 = 'utf-16le' | 'utf-16be';

export function utf16Of(head: Buffer): Utf16 | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The first bytes as UTF-8 (to guess the source before the whole file is converted). */
export function utf16HeadAsUtf8(head: Buffer, encoding: Utf16): Buffer {
  return Buffer.from(new TextDecoder(encoding).decode(head));
}

/** Writes the file as UTF-8 (no mark) to `to`, owner-only; a link left there is removed, never written through. */
export async function transcodeUtf16(path: string, encoding: Utf16, to: string): Promise<void> {
  rmSync(to, { force: true });
  const decoder = new TextDecoder(encoding);
  const out = createWriteStream(to, { mode: 0o600, flags: 'wx' });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      if (!out.write(decoder.decode(chunk as Buffer, { stream: true }))) await once(out, 'drain');
    }
    out.end(decoder.decode());
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  }
}
