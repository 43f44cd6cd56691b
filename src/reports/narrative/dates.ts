/** Dates in a note: «31.10.2026», «31 октября 2026 г.», «октябрь 2026 г.». */

import { MONTHS, MONTHS_GENITIVE, ruDate } from '../../text/russian.js';
import { NBSP, NONE } from './typography.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

interface DateParts {
  year: number;
  month: number;
  day: number;
  iso: string;
}

/** An ISO date ('2026-10-31', also with a time after it) or a Date (read in UTC); null when there is none. */
function dateParts(value: unknown, what: string): DateParts | null {
  if (value === null || value === undefined || value === '') return null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  const match = ISO_DATE.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day, iso: text.slice(0, 10) };
    }
  }
  throw new TypeError(`${what}: ожидалась дата ГГГГ-ММ-ДД, а получено ${JSON.stringify(text)}`);
}

/** «31.10.2026». */
export function formatDate(value: unknown): string {
  const d = dateParts(value, 'date');
  return d ? ruDate(d.iso) : NONE;
}

/** «31 октября 2026 г.». */
export function formatDateLong(value: unknown): string {
  const d = dateParts(value, 'dateLong');
  return d ? `${d.day}${NBSP}${MONTHS_GENITIVE[d.month - 1]} ${d.year}${NBSP}г.` : NONE;
}

/** «октябрь 2026 г.». */
export function formatMonth(value: unknown): string {
  const d = dateParts(value, 'month');
  return d ? `${MONTHS[d.month - 1]} ${d.year}${NBSP}г.` : NONE;
}
