import { fail, ok, type Parsed } from './numbers.js';

/** Excel's day zero (1899-12-30, accounting for the 1900 leap-year bug) in UTC milliseconds. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

/** An Excel serial day number as an ISO date (Excel dates carry no zone). */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY).toISOString().slice(0, 10);
}

/** Dates as `dd.mm.yyyy` (optionally with a time), ISO `yyyy-mm-dd`, or an Excel serial number. */
export function parseDate(raw: string): Parsed<string> {
  const text = raw.trim();
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?:\s*г\.?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const iso = isoDate(year, Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : fail('такой даты нет в календаре');
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail('такой даты нет в календаре');
  }
  if (/^\d{5}([.,]\d+)?$/.test(text)) {
    // Serials of 1927–2099 only: a four-digit number is a year, not a date («укажите полную дату»).
    const serial = Number(text.replace(',', '.'));
    if (serial >= 10_000 && serial < 73_051) return ok(excelSerialToIso(serial));
  }
  if (/^(19|20)\d{2}$/.test(text)) return fail('указан только год: укажите полную дату (ДД.ММ.ГГГГ)');
  return fail('не дата (ожидается ДД.ММ.ГГГГ)');
}

/** The year of a value: `2022`, `2022 г.`, or an academic year `2021/2022` (the spring year). */
export function parseYear(raw: string): Parsed<number> {
  const text = raw.trim();
  let m = /^(20\d{2})(?:\s*(?:г\.?|год))?$/.exec(text);
  if (m) return ok(Number(m[1]));
  m = /^(20\d{2})\s*[/–-]\s*((?:20)?\d{2})(?:\s*(?:уч\.?\s*)?(?:г\.?|год|гг\.?))?$/.exec(text);
  const spring = m ? 2000 + (Number(m[2]) % 100) : 0;
  if (m && spring === Number(m[1]) + 1) return ok(spring);
  return fail('не год (ожидается, например, 2025 или 2024/2025)');
}
