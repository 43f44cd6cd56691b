import { UserError } from '../cli/errors.js';
import { parseDate } from '../ingest/parse/dates.js';

/** The parameters of a model run: the project year and the date its sources are read as of. */
export interface RunParams {
  year: number;
  /** ISO date. */
  asOf: string;
}

/** The last day of the month before `today`: the monthly run's as-of date. */
export function lastDayOfPreviousMonth(today = new Date()): string {
  return new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0)).toISOString().slice(0, 10);
}

/** `--year` and `--as-of` from the command line; as-of defaults to the end of the previous month, year to its year. */
export function runParams(year: unknown, asOf: unknown, today = new Date()): RunParams {
  let iso = lastDayOfPreviousMonth(today);
  if (asOf !== undefined) {
    const d = parseDate(String(asOf));
    if (!d.ok)
      throw new UserError(`Параметр --as-of «${String(asOf)}»: ${d.reason}. Пример: --as-of 31.10.2026.`);
    iso = d.value;
  }
  let y = Number(iso.slice(0, 4));
  if (year !== undefined) {
    const text = String(year).trim();
    if (!/^(20[2-9]\d)$/.test(text))
      throw new UserError(`Параметр --year «${text}»: ожидается год проекта, например --year 2026.`);
    y = Number(text);
  }
  return { year: y, asOf: iso };
}

/** Sets the session variables the models read through run_year() and as_of_date(). */
export const setParamsSql = (p: RunParams) => [
  `SET VARIABLE year = ${p.year}`,
  `SET VARIABLE as_of = DATE '${p.asOf}'`,
];
