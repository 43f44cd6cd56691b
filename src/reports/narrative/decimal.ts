/**
 * Rounding half away from zero to a number of decimals, exact for the decimal a value stands for.
 *
 * A double such as 0.815 is really 0.81499999999999994671…, so `Math.round(0.815 * 1000)` gives 814 and a
 * share of 81,5 % would be printed as 81,4 %. Every double is read here as the decimal of its 15 significant
 * digits (the precision a double keeps for sure), and that decimal is rounded with integer arithmetic.
 */

/** A number after rounding: `units / 10^digits`. */
export interface Decimal {
  units: bigint;
  digits: number;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** Integer division rounded half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('деление на ноль');
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (2n * abs(remainder) < abs(denominator)) return quotient;
  return quotient + (numerator < 0n !== denominator < 0n ? -1n : 1n);
}

/**
 * `value × 10^shift` rounded half away from zero to `digits` decimals (shift 2 turns a fraction into
 * percents). A bigint is exact already.
 */
export function roundDecimal(value: number | bigint, digits: number, shift = 0): Decimal {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError(`число знаков после запятой должно быть от 0 до 10, а не ${digits}`);
  }
  if (typeof value === 'bigint') return { units: value * pow10(digits + shift), digits };
  if (!Number.isFinite(value)) throw new RangeError(`не число: ${value}`);
  if (value === 0) return { units: 0n, digits };
  // «8.15000000000000e-1»: 15 significant digits and the power of ten of the first one.
  const [mantissa, exponentText] = Math.abs(value).toExponential(14).split('e');
  const significand = BigInt(mantissa.replace('.', ''));
  // value = significand × 10^(exponent − 14); we want value × 10^(shift + digits).
  const scale = Number(exponentText) - 14 + shift + digits;
  const units = scale >= 0 ? significand * pow10(scale) : divideRounded(significand, pow10(-scale));
  return { units: value < 0 ? -units : units, digits };
}

/** Drops trailing zero decimals: 12,50 → 12,5. */
export function trimZeros(d: Decimal): Decimal {
  let { units, digits } = d;
  while (digits > 0 && units % TEN === 0n) {
    units /= TEN;
    digits -= 1;
  }
  return { units, digits };
}

/** The integer and fraction digits of the absolute value, and its sign (zero has none). */
export function decimalParts(d: Decimal): { negative: boolean; integer: string; fraction: string } {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.digits + 1, '0');
  const cut = digits.length - d.digits;
  return { negative, integer: digits.slice(0, cut), fraction: digits.slice(cut) };
}
