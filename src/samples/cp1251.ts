/** Windows-1251 encoder built from the platform decoder (Node has no cp1251 encoder). */

let reverse: Map<string, number> | undefined;

function reverseMap(): Map<string, number> {
  if (reverse) return reverse;
  const decoder = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const ch = decoder.decode(Uint8Array.of(byte));
    if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, byte);
  }
  reverse = map;
  return map;
}

/** Encodes text to Windows-1251; throws on a character the code page lacks. */
export function encodeCp1251(text: string): Buffer {
  const map = reverseMap();
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const byte = map.get(ch);
    if (byte === undefined) throw new Error(`Символ «${ch}» (U+${code.toString(16)}) нет в Windows-1251`);
    out[n++] = byte;
  }
  return out.subarray(0, n);
}
