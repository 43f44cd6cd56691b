/** Columns of a result and how their values are written for a Russian reader (screen, CSV, XLSX). */

export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'datetime' | 'boolean';

export interface Column {
  /** Key of the value in a row object. */
  key: string;
  /** Header shown to the reader. */
  title: string;
  kind?: ColumnKind;
  /** Fraction digits of a decimal or a percent (decimal: up to 6 when not given; percent: 1). */
  digits?: number;
  /** Widest text shown on screen before it is cut with «…» (the table's default when not given). */
  maxWidth?: number;
}

/** A value as it comes from DuckDB or from code. Percents are fractions (0.81 is 81 %). */
export type CellValue = string | number | bigint | boolean | Date | null | undefined | object;

export type RowObject = Record<string, unknown>;

const NBSP = '\u00a0';

/** An integer-like value as a number when it is exact, else its digits as text. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : undefined;
  }
  return undefined;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number, grouping: boolean, style: 'decimal' | 'percent' = 'decimal') {
  const key = `${min}/${max}/${grouping}/${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('ru-RU', {
      style,
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Russian number text: decimal comma; grouping with non-breaking spaces when asked. */
export function formatNumber(
  value: number | bigint,
  kind: ColumnKind,
  digits: number | undefined,
  grouping: boolean,
) {
  if (typeof value === 'bigint') {
    const digitsText = value.toString();
    if (!grouping) return digitsText;
    return digitsText.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  }
  let text: string;
  if (kind === 'percent') {
    const d = digits ?? 1;
    text = formatter(d, d, grouping, 'percent').format(value);
  } else if (kind === 'integer' && Number.isInteger(value)) {
    text = formatter(0, 0, grouping).format(value);
  } else {
    text = formatter(digits ?? 0, digits ?? 6, grouping).format(value);
  }
  return text.replace(/[\u202f\u00a0 ]/g, NBSP).replace(/\u2212/g, '-');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as «15.06.2026» (dates from DuckDB are zoneless: read in UTC). */
export function formatDate(value: Date): string {
  return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
}

export function formatDateTime(value: Date): string {
  const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  return `${formatDate(value)} ${time}`;
}

/** The kind a column's values suggest, when the caller did not say. */
export function guessKind(rows: readonly RowObject[], key: string): ColumnKind {
  for (const row of rows) {
    const v = row[key];
    if (v === null || v === undefined) continue;
    if (typeof v === 'bigint') return 'integer';
    if (typeof v === 'number')
      return rows.every((r) => r[key] == null || Number.isInteger(r[key])) ? 'integer' : 'decimal';
    if (typeof v === 'boolean') return 'boolean';
    if (v instanceof Date) return 'date';
    return 'text';
  }
  return 'text';
}

const IDENTIFIER = /(^|_)(year|cohort|code|id|batch|line|no|stage|grade|round|wave)(_|$)|^(год|код|№)/i;

/** Whether a kind is written right-aligned and as a number. */
export const isNumeric = (kind: ColumnKind | undefined) =>
  kind === 'integer' || kind === 'decimal' || kind === 'percent';

/**
 * A cell as text for a reader. `grouping` adds non-breaking thousand separators (screen, not CSV);
 * `empty` is what NULL becomes.
 */
export function cellText(
  value: unknown,
  column: Column,
  options: { grouping: boolean; empty: string },
): string {
  if (value === null || value === undefined) return options.empty;
  const kind = column.kind ?? 'text';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    // Years, codes, numbers of versions and lines read as labels: «2026», not «2 026».
    const label = kind === 'integer' && (IDENTIFIER.test(column.key) || IDENTIFIER.test(column.title));
    return formatNumber(value, kind, column.digits, options.grouping && !label);
  }
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return options.empty;
    const midnight = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() === 0;
    return kind === 'datetime' || (kind !== 'date' && !midnight) ? formatDateTime(value) : formatDate(value);
  }
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'object')
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}
