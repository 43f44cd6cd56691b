import { createHash } from 'node:crypto';

/**
 * The most a name may take in UTF-8 bytes: file systems allow 255 a name, and callers add to it
 * («Отклонённые строки — », « (2)», «-ДСП.xlsx.part»). 180 bytes are 90 Cyrillic letters.
 */
export const MAX_NAME_BYTES = 180;

/** Names Windows keeps for devices, with or without an extension (`NUL.txt` is NUL too). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Characters that are not text in a name: C0 and C1 controls, DEL, line and paragraph separators, the BOM
 * and the direction controls that would show «фдп.exe» as «exe.пдф».
 */
const NOT_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The longest start of `text` that fits in `bytes` UTF-8 bytes, never splitting a character. */
function fitBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch, 'utf8');
    if (used > bytes) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** Without spaces at either end, dots or dashes at the start (hidden files, options) or dots at the end. */
const trimEnds = (name: string) => name.replace(/^[.\s-]+|[.\s]+$/g, '');

/**
 * A file name made from free text (a municipality, a school): Cyrillic kept; no path separators,
 * `..`, quotes, characters Windows refuses or control characters; no leading dot or dash; not a
 * Windows device name; not empty; at most MAX_NAME_BYTES bytes of UTF-8. Different texts may give
 * the same name: a caller writing several files makes them unique (uniqueNames) or keeps a unique
 * key in each name.
 */
export function safeFileName(text: string, fallback = 'без названия'): string {
  const clean = text
    .normalize('NFC')
    .replace(NOT_TEXT, ' ')
    // Quotes go without a trace (МБОУ «Гимназия №7», г. … → МБОУ Гимназия №7, г. …); other refused characters part words.
    .replace(/[«»„“”‘’'`"](?=[\s,.;:)]|$)/g, '')
    .replace(/[/\\:*?"<>|«»„“”‘’'`]/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ');
  const name = trimEnds(fitBytes(trimEnds(clean), MAX_NAME_BYTES)) || fallback;
  const stem = /^[^.]*/.exec(name)?.[0] ?? name;
  if (!WINDOWS_DEVICE.test(stem.trim())) return name;
  return fitBytes(`${stem.trimEnd()}_${name.slice(stem.length)}`, MAX_NAME_BYTES);
}

/** The most a key takes of a keyed name; a longer key is cut and tagged. */
const MAX_KEY_BYTES = 60;

/** A key kept as it is in a keyed name: lower-case letters, digits, `_` and `-`, as safeFileName keeps it. */
const PLAIN_KEY = /^[\p{Ll}\p{Lo}\p{N}_-]+$/u;

/**
 * The name of one of several files told apart by a key (a login, a municipality code), with a name after
 * it: `sch050123 МКОУ СОШ № 1`. A key that is not plain (spaces, characters safeFileName would change,
 * capitals — Windows and macOS ignore case — or over 60 bytes) is written safe, spaces as `_`, followed by
 * `~` and 8 hex digits of its checksum: `03_1~5b7c0e1a Район`. The name's first word thus tells the key:
 * two keys never share a file, and a key's file is named the same whatever other keys a run writes.
 */
export function keyedFileName(key: string, name = ''): string {
  const plain =
    PLAIN_KEY.test(key) && safeFileName(key, '') === key && Buffer.byteLength(key) <= MAX_KEY_BYTES;
  const tag = plain
    ? key
    : `${fitBytes(safeFileName(key, '_'), MAX_KEY_BYTES).trimEnd().replace(/ /g, '_')}~${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
  return safeFileName(name ? `${tag} ${name}` : tag);
}

/** Names made unique by « (2)», « (3)» … in the order given, ignoring case (Windows and macOS do). */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${name} (${i})`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
