/**
 * A file name made from free text (a municipality, a school): Cyrillic kept; no path separators,
 * `..`, quotes, characters Windows refuses or control characters; not empty; not too long.
 */
export function safeFileName(text: string, fallback = 'без названия'): string {
  const clean = text
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    // Quotes go without a trace (МБОУ «Гимназия №7», г. … → МБОУ Гимназия №7, г. …); other refused characters part words.
    .replace(/[«»„“”‘’'`"](?=[\s,.;:)]|$)/g, '')
    .replace(/[/\\:*?"<>|«»„“”‘’'`]/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const short = [...clean].slice(0, 100).join('').trim();
  const name = short || fallback;
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name) ? `${name}_` : name;
}

/** Names made unique by « (2)», « (3)» … in the order given. */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${name} (${i})`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
