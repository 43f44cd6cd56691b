/** Zoneless calendar dates (UTC midnight) and their Russian spellings. */

export { MONTHS } from '../text/russian.js';

export const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const ru = (d: Date): string =>
  `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;

export const iso = (d: Date): string => d.toISOString().slice(0, 10);

export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** Latest date of a series: never after this (the monthly run's as-of). */
export const AS_OF = day(2026, 10, 31);

export const minDate = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
