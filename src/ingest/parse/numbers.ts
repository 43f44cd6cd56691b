/** Parsers for numbers as Russian exports write them: `1 234,5`, `12,5`, `-3`, `−3` (a true minus), `12.0`. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const NUMBER = /^[-+\u2212]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)?([.,]\d+)?$/;

/** Parses a decimal number with a comma or a point and optional thousand separators. */
export function parseNumber(raw: string): Parsed<number> {
  const text = raw.trim();
  if (!NUMBER.test(text) || !/\d/.test(text)) return fail('не число');
  const value = Number(
    text
      .replace(/[ \u00a0\u202f]/g, '')
      .replace(',', '.')
      .replace('\u2212', '-'),
  );
  // «-0» is 0 (+ 0 turns a negative zero into zero).
  return Number.isFinite(value) ? ok(value + 0) : fail('не число');
}

/** An integer: `1 234`, `12,0`; `12,05` is not one however large the number (a double would round it). */
export function parseInteger(raw: string): Parsed<number> {
  const n = parseNumber(raw);
  if (!n.ok || /[.,]\d*[1-9]/.test(raw)) return fail('не целое число');
  return Number.isInteger(n.value) ? n : fail('не целое число');
}

/** The range of an INTEGER column (DuckDB's 32-bit integer): a count beyond it is a mistake, not a value. */
export const INT32_MAX = 2_147_483_647;

/** Checks an inclusive range and words the reason in Russian. */
export function inRange(value: number, min?: number, max?: number): string | undefined {
  if (min !== undefined && value < min)
    return max === undefined ? `меньше ${min}` : `вне диапазона ${min}–${max}`;
  if (max !== undefined && value > max)
    return min === undefined ? `больше ${max}` : `вне диапазона ${min}–${max}`;
  return undefined;
}
