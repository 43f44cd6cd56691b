/**
 * A change between two values in words: «доля «2» снизилась с 18,4 % до 12,1 %, на 6,3 п. п.».
 * The difference is taken between the two values as shown, so the sentence adds up for the reader.
 */

import { roundDecimal } from './decimal.js';
import { formatDecimal, kindShift, ppText, shownValue, toNumeric, type ValueKind } from './numbers.js';
import { NONE } from './typography.js';

/** Grammatical gender (or plural) of the subject the verb agrees with. */
export type Gender = 'f' | 'm' | 'n' | 'pl';

const VERBS: Record<Gender, { down: string; up: string; same: string }> = {
  f: { down: 'снизилась', up: 'выросла', same: 'не изменилась' },
  m: { down: 'снизился', up: 'вырос', same: 'не изменился' },
  n: { down: 'снизилось', up: 'выросло', same: 'не изменилось' },
  pl: { down: 'снизились', up: 'выросли', same: 'не изменились' },
};

export function gender(value: unknown): Gender {
  if (value === undefined || value === null) return 'f';
  if (value === 'f' || value === 'm' || value === 'n' || value === 'pl') return value;
  throw new TypeError(`род ${JSON.stringify(value)} неизвестен; возможны: f, m, n, pl`);
}

export interface ChangeOptions {
  kind: ValueKind;
  digits: number;
  gender: Gender;
}

/** The verb phrase of a change with its subject in front; either value missing gives «нет данных». */
export function changeSentence(
  before: unknown,
  after: unknown,
  label: string,
  options: ChangeOptions,
): string {
  const subject = label.trim();
  const b = toNumeric(before, 'change');
  const a = toNumeric(after, 'change');
  if (b === null || a === null) return subject ? `${subject}: нет данных для сравнения` : NONE;
  const shift = kindShift(options.kind);
  const from = roundDecimal(b, options.digits, shift);
  const to = roundDecimal(a, options.digits, shift);
  const verbs = VERBS[options.gender];
  const lead = subject ? `${subject} ` : '';
  const diff = { units: to.units - from.units, digits: options.digits };
  if (diff.units === 0n) return `${lead}${verbs.same} (${shownValue(to, options.kind)})`;
  const verb = diff.units < 0n ? verbs.down : verbs.up;
  const by =
    options.kind === 'number'
      ? formatDecimal({ units: diff.units < 0n ? -diff.units : diff.units, digits: diff.digits })
      : ppText(diff);
  return `${lead}${verb} с ${shownValue(from, options.kind)} до ${shownValue(to, options.kind)}, на ${by}`;
}
