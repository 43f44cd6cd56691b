/**
 * The sentence for one row of the `project_effect` mart (DOMAIN §4.4): difference in differences of the
 * share of «2» between a cohort's schools and the comparison group, with its 95-percent interval, in п. п.
 * «Улучшилось» is written only when the mart says so (the whole interval below zero, groups not small);
 * a small group never gives a conclusion; an improvement that does not hold without the schools with
 * objectivity markers is written as not confirmed.
 */

import { type Decimal, roundDecimal } from './decimal.js';
import { formatDecimal, PP_DIGITS, ppText, toNumeric } from './numbers.js';
import { pluralPhrase } from './plural.js';
import { EM_DASH, NBSP, PP } from './typography.js';

/** The subject of the sentence for each `measure` of the mart. */
export const MEASURE_LABELS: Record<string, string> = {
  share_2: 'доля «2»',
  share_below_min: 'доля не преодолевших минимальный порог',
};

/** Columns the sentence reads; a row without one of them is a template or mart mistake. */
export const EFFECT_COLUMNS = [
  'measure',
  'n_shnor',
  'n_comparison',
  'did_share2_pp',
  'did_ci_low_pp',
  'did_ci_high_pp',
  'small_group',
  'interval_below_zero',
  'improved',
  'schools_with_marker',
  'confirmed',
] as const;

export interface EffectOptions {
  /** The smallest group that supports a conclusion (project_effect_settings.min_group_schools). */
  minGroup: number;
}

function rounded(row: Record<string, unknown>, key: string): Decimal | null {
  const value = toNumeric(row[key], `effect: ${key}`);
  return value === null ? null : roundDecimal(value, PP_DIGITS);
}

/** «(от −1,2 до +3,4 п. п.)». */
function interval(low: Decimal, high: Decimal): string {
  return `(от ${formatDecimal(low, true)} до ${formatDecimal(high, true)}${NBSP}${PP})`;
}

/** «в когорте 18 школ, в группе сравнения 64 школы». */
function groupSizes(row: Record<string, unknown>): string {
  const cohort = pluralPhrase(row.n_shnor, 'школа', 'школы', 'школ');
  const comparison = pluralPhrase(row.n_comparison, 'школа', 'школы', 'школ');
  return `в когорте ${cohort}, в группе сравнения ${comparison}`;
}

export function effectSentence(row: Record<string, unknown>, options: EffectOptions): string {
  if (!Number.isInteger(options.minGroup) || options.minGroup < 1) {
    throw new RangeError(`effect: minGroup должно быть целым больше нуля, а не ${options.minGroup}`);
  }
  for (const column of EFFECT_COLUMNS) {
    if (!(column in row))
      throw new TypeError(`effect: в строке нет столбца ${column} (витрина project_effect)`);
  }
  const label = MEASURE_LABELS[String(row.measure)];
  if (!label) throw new TypeError(`effect: показатель ${JSON.stringify(row.measure)} неизвестен`);

  if (row.small_group === true) {
    // «меньше 20 школ», «меньше 21 школы»: the genitive after «меньше».
    const fewer = pluralPhrase(options.minGroup, 'школы', 'школ', 'школ');
    return `в группе меньше ${fewer}${EM_DASH}вывод не делается (${groupSizes(row)})`;
  }
  const estimate = rounded(row, 'did_share2_pp');
  const low = rounded(row, 'did_ci_low_pp');
  const high = rounded(row, 'did_ci_high_pp');
  if (estimate === null || low === null || high === null)
    return `интервал не рассчитан${EM_DASH}вывод не делается`;

  const range = interval(low, high);
  const moved = `относительно группы сравнения ${label} ${estimate.units < 0n ? 'снизилась' : 'выросла'} на ${ppText(estimate)} ${range}`;
  if (row.improved === true && row.interval_below_zero === true) {
    const markers = toNumeric(row.schools_with_marker, 'effect: schools_with_marker') ?? 0;
    if (row.confirmed === true) {
      const holds = Number(markers) > 0 ? ', в том числе без школ с признаками необъективности' : '';
      return `улучшилось: ${moved}${holds}`;
    }
    // The mart confirms an improvement without markers; a row that does not is said so, without a count.
    if (Number(markers) === 0) return `${moved}, но улучшение не подтверждено`;
    const without = pluralPhrase(markers, 'школы', 'школ', 'школ');
    return `${moved}, но без ${without} с признаками необъективности улучшение не подтверждено`;
  }
  // The mirror of «улучшилось»: the whole interval above zero in groups that are not small.
  if (Number(toNumeric(row.did_ci_low_pp, 'effect: did_ci_low_pp')) > 0) return `ухудшилось: ${moved}`;
  return `изменение статистически не подтверждено ${range}`;
}
