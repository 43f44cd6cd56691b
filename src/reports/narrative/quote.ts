/** Quotation marks: «ёлочки» outside, „лапки“ for quotes inside. */

import { NONE } from './typography.js';

/** True when the text is one quotation from its first character to its last: «…». */
function wholeQuoted(text: string): boolean {
  if (!text.startsWith('«') || !text.endsWith('»')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '«') depth++;
    else if (text[i] === '»') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

/** Inner quotes of any kind become „…“; a straight quote opens after a space or a bracket and closes elsewhere. */
function innerQuotes(text: string): string {
  return text
    .replace(/«/g, '„')
    .replace(/»/g, '“')
    .replace(/"/g, (_match, offset: number) =>
      offset === 0 || /[\s(„[]/.test(text[offset - 1]) ? '„' : '“',
    );
}

/** «text»; a text that is already quoted as a whole keeps one pair of ёлочки; nothing gives «—». */
export function quote(value: unknown): string {
  if (value === null || value === undefined) return NONE;
  let text = String(value).trim();
  if (text === '') return NONE;
  if (wholeQuoted(text)) text = text.slice(1, -1);
  return `«${innerQuotes(text)}»`;
}
