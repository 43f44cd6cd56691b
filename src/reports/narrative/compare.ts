/** Comparisons for template conditions: `{{#if (gt n 0)}}`. NULL compares as nothing: every order test is false. */

function comparable(value: unknown): number | string | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value;
  return null;
}

export function equals(a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x !== null && y !== null ? x === y : a === b;
}

/** −1, 0 or 1; null when either value is missing or they are of different kinds. */
function order(a: unknown, b: unknown): number | null {
  const x = comparable(a);
  const y = comparable(b);
  if (x === null || y === null || typeof x !== typeof y) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

export const greater = (a: unknown, b: unknown) => order(a, b) === 1;
export const less = (a: unknown, b: unknown) => order(a, b) === -1;
export const greaterOrEqual = (a: unknown, b: unknown) => (order(a, b) ?? -1) >= 0;
export const lessOrEqual = (a: unknown, b: unknown) => (order(a, b) ?? 1) <= 0;

/** Truth as Handlebars' `if` sees it: an empty list is false, as are null, 0, '' and false. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
