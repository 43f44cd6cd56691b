/**
 * The ranking sentence of a regional note: «на первом месте «A» – 81 %, на втором – «B» – 78 %, …».
 * Places go by the value as shown (whole percents by default), so items that read the same share a place
 * («на втором месте «B» и «C» – по 78 %») and the next place is the next ordinal (dense ranking).
 */

import { type Decimal, roundDecimal } from './decimal.js';
import { joinList } from './list.js';
import { kindShift, shownValue, toNumeric, type ValueKind } from './numbers.js';
import { quote } from './quote.js';
import { DASH, NONE } from './typography.js';

/** «на первом», …, «на десятом». */
export const ORDINALS_PREPOSITIONAL = [
  'первом',
  'втором',
  'третьем',
  'четвертом',
  'пятом',
  'шестом',
  'седьмом',
  'восьмом',
  'девятом',
  'десятом',
];

export interface RankingOptions {
  /** How many places to name (not rows: a place may hold several). */
  count: number;
  kind: ValueKind;
  /** Decimals of the shown value; places are shared at this precision. */
  digits: number;
}

interface Place {
  names: string[];
  value: Decimal;
}

/** Rows grouped into places by the shown value; rows without a value are left out. */
export function places(
  rows: readonly Record<string, unknown>[],
  nameKey: string,
  valueKey: string,
  options: RankingOptions,
): Place[] {
  const result: Place[] = [];
  for (const [index, row] of rows.entries()) {
    const raw = toNumeric(row[valueKey], `ranking: ${valueKey}`);
    if (raw === null) continue;
    const name = row[nameKey];
    if (name === null || name === undefined || String(name).trim() === '') {
      throw new TypeError(`ranking: в строке ${index + 1} нет значения ${nameKey}`);
    }
    const value = roundDecimal(raw, options.digits, kindShift(options.kind));
    const last = result[result.length - 1];
    if (last && value.units > last.value.units) {
      throw new RangeError(`ranking: строки должны идти по убыванию ${valueKey} (строка ${index + 1})`);
    }
    if (last && value.units === last.value.units) last.names.push(String(name));
    else result.push({ names: [String(name)], value });
  }
  return result;
}

function placeText(place: Place, index: number, kind: ValueKind): string {
  const ordinal = ORDINALS_PREPOSITIONAL[index];
  const value = shownValue(place.value, kind);
  const names = joinList(place.names.map(quote));
  if (place.names.length > 1) return `на ${ordinal} месте ${names}${DASH}по ${value}`;
  return index === 0
    ? `на ${ordinal} месте ${names}${DASH}${value}`
    : `на ${ordinal}${DASH}${names}${DASH}${value}`;
}

/** The sentence fragment for the first `count` places of rows already sorted by value, largest first. */
export function rankingSentence(
  rows: readonly Record<string, unknown>[],
  nameKey: string,
  valueKey: string,
  options: RankingOptions,
): string {
  if (
    !Number.isInteger(options.count) ||
    options.count < 1 ||
    options.count > ORDINALS_PREPOSITIONAL.length
  ) {
    throw new RangeError(`ranking: count должно быть от 1 до ${ORDINALS_PREPOSITIONAL.length}`);
  }
  const ranked = places(rows, nameKey, valueKey, options).slice(0, options.count);
  if (ranked.length === 0) return NONE;
  return ranked.map((place, index) => placeText(place, index, options.kind)).join(', ');
}
