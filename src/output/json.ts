import { type Column, type RowObject, toNumber } from './column.js';

/**
 * A value for JSON: a date as `YYYY-MM-DD`, a date-time as `YYYY-MM-DDTHH:MM:SS` without a zone (DuckDB
 * timestamps are zoneless: local time as written), big integers as text.
 */
export function jsonValue(value: unknown, column?: Column): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return toNumber(value) ?? value.toString();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return column?.kind === 'date' ? iso.slice(0, 10) : iso.replace(/(\.000)?Z$/, '');
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((v) => jsonValue(v));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonValue(v)]),
    );
  }
  return value;
}

/** Rows as plain objects keyed by column title (or key when `byKey`), ready for JSON.stringify. */
export function jsonRows(
  columns: readonly Column[],
  rows: readonly RowObject[],
  byKey = false,
): Record<string, unknown>[] {
  const seen = new Map<string, number>();
  const names = columns.map((c) => {
    const name = byKey ? c.key : c.title;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}_${n}`;
  });
  return rows.map((row) => Object.fromEntries(columns.map((c, i) => [names[i], jsonValue(row[c.key], c)])));
}
