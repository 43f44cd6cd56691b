/** Characters of Russian typography that the narrative writes, named so the code says what it puts where. */

/** Non-breaking space: between a number and «%», «п. п.», «г.», a unit or the word it counts. */
export const NBSP = '\u00a0';
/** The minus sign of a negative number (not a hyphen). */
export const MINUS = '\u2212';
/** En dash with spaces, as in the regional notes: «на втором – …». The space before it does not break. */
export const DASH = `${NBSP}\u2013 `;
/** Em dash for a clause: «… — вывод не делается». */
export const EM_DASH = `${NBSP}\u2014 `;
/** «п. п.» (percentage points), its inner space non-breaking. */
export const PP = `п.${NBSP}п.`;
/** What a cell or a sentence shows in place of a value that is not there. */
export const NONE = '—';
