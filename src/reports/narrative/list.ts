/** An enumeration in a sentence: «А, Б и В». */

import { NONE } from './typography.js';

/** Items joined with commas and «и» before the last; empty items are left out; none gives «—». */
export function joinList(items: readonly unknown[]): string {
  const texts = items
    .filter((item) => item !== null && item !== undefined)
    .map((item) => String(item).trim())
    .filter((text) => text !== '');
  if (texts.length === 0) return NONE;
  if (texts.length === 1) return texts[0];
  return `${texts.slice(0, -1).join(', ')} и ${texts[texts.length - 1]}`;
}
