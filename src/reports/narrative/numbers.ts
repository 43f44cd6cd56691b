/** Numbers, percents and percentage points as a Russian note writes them: «1 234», «81 %», «+6,3 п. п.». */

import { type Decimal, decimalParts, divideRounded, roundDecimal, trimZeros } from './decimal.js';
import { MINUS, NBSP, NONE, PP } from './typography.js';

/** A value of a mart after conversion to JS: a number, a bigint, a decimal as text, or nothing. */
export type Numeric = number | bigint;

/**
 * What a value of a row means: `fraction` is a share in [0, 1] (`share_*` columns), `percent` is already in
 * percents (`pct_*`), `number` is anything else (a count, a mean mark).
 */
export type ValueKind = 'fraction' | 'percent' | 'number';

export const VALUE_KINDS: readonly ValueKind[] = ['fraction', 'percent', 'number'];

/** The power of ten that turns a value of the kind into what is shown. */
export function kindShift(kind: ValueKind): number {
  return kind === 'fraction' ? 2 : 0;
}

const DECIMAL_TEXT = /^[-+]?\d+(\.\d+)?$/;

/**
 * A value as a number, or null when there is none (NULL, NaN). Decimal text («12.5», as DuckDB may give a
 * DECIMAL) is read; anything else is a mistake in the template and is reported.
 */
export function toNumeric(value: unknown, what: string): Numeric | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return Number(value);
  throw new TypeError(`${what}: ожидалось число, а получено ${JSON.stringify(String(value))}`);
}

/** An integer as a bigint (for exact arithmetic), or an error when the value is not whole. */
export function toInteger(value: Numeric, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (Number.isSafeInteger(value)) return BigInt(value);
  throw new TypeError(`${what}: ожидалось целое число, а получено ${value}`);
}

/** «1 234,5»: non-breaking thousands, decimal comma, a true minus; `sign` adds «+» to a positive value. */
export function formatDecimal(d: Decimal, sign = false): string {
  const { negative, integer, fraction } = decimalParts(d);
  const grouped = integer.length > 3 ? integer.replace(/\B(?=(\d{3})+$)/g, NBSP) : integer;
  const prefix = negative ? MINUS : sign && d.units > 0n ? '+' : '';
  return `${prefix}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** «1 234», «12,5»; without `digits` an integer has none and a fraction up to six, trailing zeros dropped. */
export function formatNum(value: unknown, digits?: number): string {
  const n = toNumeric(value, 'num');
  if (n === null) return NONE;
  if (digits !== undefined) return formatDecimal(roundDecimal(n, digits));
  const whole = typeof n === 'bigint' || Number.isInteger(n);
  return formatDecimal(whole ? roundDecimal(n, 0) : trimZeros(roundDecimal(n, 6)));
}

function percentText(d: Decimal): string {
  return `${formatDecimal(d)}${NBSP}%`;
}

/** A share in [0, 1] as «81 %» (0,81), rounded half away from zero. */
export function formatPct(fraction: unknown, digits = 0): string {
  const n = toNumeric(fraction, 'pct');
  return n === null ? NONE : percentText(roundDecimal(n, digits, 2));
}

/** A percent of a count, computed exactly from the two integers; nothing to divide by gives «—». */
export function formatPctOf(count: unknown, total: unknown, digits = 0): string {
  const c = toNumeric(count, 'pctOf');
  const t = toNumeric(total, 'pctOf');
  if (c === null || t === null) return NONE;
  const denominator = toInteger(t, 'pctOf');
  if (denominator === 0n) return NONE;
  const numerator = toInteger(c, 'pctOf') * 10n ** BigInt(digits + 2);
  return percentText({ units: divideRounded(numerator, denominator), digits });
}

/** A value that is a percent already (`pct_*` columns): 81.1 → «81,1 %». */
export function formatPctValue(percent: unknown, digits = 1): string {
  const n = toNumeric(percent, 'pctValue');
  return n === null ? NONE : percentText(roundDecimal(n, digits));
}

/** Decimals of a difference in п. п. in sentences and tables. */
export const PP_DIGITS = 1;

/** A difference in percentage points, rounded; `shift` 2 when it is a difference of fractions. */
export function roundPp(diff: unknown, digits: number, shift: number, what: string): Decimal | null {
  const n = toNumeric(diff, what);
  return n === null ? null : roundDecimal(n, digits, shift);
}

/** «6,3 п. п.»: the size of a difference, without its sign. */
export function ppText(d: Decimal): string {
  return `${formatDecimal({ units: d.units < 0n ? -d.units : d.units, digits: d.digits })}${NBSP}${PP}`;
}

/** «+6,3 п. п.», «−6,3 п. п.», «0,0 п. п.». */
export function signedPpText(d: Decimal): string {
  return `${formatDecimal(d, true)}${NBSP}${PP}`;
}

export function formatPp(diff: unknown, digits = PP_DIGITS, shift = 0): string {
  const d = roundPp(diff, digits, shift, 'pp');
  return d === null ? NONE : ppText(d);
}

export function formatSignedPp(diff: unknown, digits = PP_DIGITS, shift = 0): string {
  const d = roundPp(diff, digits, shift, 'signedPp');
  return d === null ? NONE : signedPpText(d);
}

/** A value of the kind as shown in a sentence: «81 %» for shares and percents, «3,4» for a number. */
export function shownValue(d: Decimal, kind: ValueKind): string {
  return kind === 'number' ? formatDecimal(d) : percentText(d);
}
