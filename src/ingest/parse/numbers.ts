/** Parsers for numbers as Russian exports write them: `1 234,5`, `12,5`, `-3`, `12.0`. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const NUMBER = /^[-+]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)?([.,]\d+)?$/;

/** Parses a decimal number with a comma or a point and optional thousand separators. */
export function parseNumber(raw: string): Parsed<number> {
  const text = raw.trim();
  if (!NUMBER.test(text) || !/\d/.test(text)) return fail('не число');
  const value = Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? ok(value) : fail('не число');
}

export function parseInteger(raw: string): Parsed<number> {
  const n = parseNumber(raw);
  if (!n.ok) return fail('не целое число');
  return Number.isInteger(n.value) ? n : fail('не целое число');
}

/** Checks an inclusive range and words the reason in Russian. */
export function inRange(value: number, min?: number, max?: number): string | undefined {
  if (min !== undefined && value < min)
    return max === undefined ? `меньше ${min}` : `вне диапазона ${min}–${max}`;
  if (max !== undefined && value > max)
    return min === undefined ? `больше ${max}` : `вне диапазона ${min}–${max}`;
  return undefined;
}
