/** A count with its word in the right form: «1 школа», «2 школы», «5 школ». */

import { num, plur } from '../../text/russian.js';
import { formatNum, toNumeric } from './numbers.js';
import { NBSP, NONE } from './typography.js';

/** The word for the count, as plur chooses it (plur writes the count in front: it is cut off). */
function pluralWord(count: number, one: string, few: string, many: string): string {
  const abs = Math.abs(count);
  const phrase = plur(abs, one, few, many).replace(/\u202f/g, NBSP);
  const prefix = `${num(abs)}${NBSP}`;
  if (!phrase.startsWith(prefix)) throw new Error(`plural: неожиданная форма «${phrase}»`);
  return phrase.slice(prefix.length);
}

/**
 * The count and the word for one / few / many (`bare`: the word only). A fractional count takes the
 * genitive singular, the «few» form: «1,5 ставки».
 */
export function pluralPhrase(n: unknown, one: string, few: string, many: string, bare = false): string {
  const value = toNumeric(n, 'plural');
  if (value === null) return bare ? many : NONE;
  const count = typeof value === 'bigint' ? Number(value) : value;
  const word = Number.isInteger(count) ? pluralWord(count, one, few, many) : few;
  return bare ? word : `${formatNum(value)}${NBSP}${word}`;
}
