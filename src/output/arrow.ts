import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { type Column, cellText } from './column.js';
import { writeFileAtomic } from './write-file.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** One column's values as an Arrow vector of the type its kind says. */
function toVector(column: Column, values: readonly unknown[]): Vector {
  const make = <T extends DataType>(vals: unknown[], type: T) => vectorFromArray(vals, type) as Vector;
  switch (column.kind) {
    case 'integer': {
      const present = values.filter((v) => v !== null && v !== undefined);
      if (
        present.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX)
      ) {
        return make(
          [...values].map((v) => v ?? null),
          new Int32(),
        );
      }
      const big = values.map((v) => (v === null || v === undefined ? null : BigInt(v as number | bigint)));
      if (big.every((v) => v === null || (v >= INT64_MIN && v <= INT64_MAX))) return make(big, new Int64());
      return make(
        values.map((v) => (v == null ? null : String(v))),
        new Utf8(),
      );
    }
    case 'decimal':
    case 'percent':
      return make(
        values.map((v) => (v == null ? null : Number(v))),
        new Float64(),
      );
    case 'date':
      return make(
        [...values].map((v) => (v instanceof Date ? v : null)),
        new DateDay(),
      );
    case 'datetime':
      return make(
        [...values].map((v) => (v instanceof Date ? v : null)),
        new TimestampMillisecond(),
      );
    case 'boolean':
      return make(
        [...values].map((v) => (typeof v === 'boolean' ? v : null)),
        new Bool(),
      );
    default:
      return make(
        values.map((v) =>
          v == null ? null : typeof v === 'string' ? v : cellText(v, column, { grouping: false, empty: '' }),
        ),
        new Utf8(),
      );
  }
}

/** Column names made unique (an Arrow table keys its columns by name). */
function uniqueTitles(columns: readonly Column[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c.title) ?? 0) + 1;
    seen.set(c.title, n);
    return n === 1 ? c.title : `${c.title}_${n}`;
  });
}

/** An Arrow table built column by column from the values (the DuckDB client has no Arrow API). */
export function toArrowTable(columns: readonly Column[], values: readonly (readonly unknown[])[]): Table {
  const titles = uniqueTitles(columns);
  const vectors: Record<string, Vector> = {};
  columns.forEach((c, i) => {
    vectors[titles[i]] = toVector(c, values[i]);
  });
  return new Table(vectors);
}

/** Writes an Arrow IPC file (what pandas, polars and R read as is). */
export function writeArrow(
  path: string,
  columns: readonly Column[],
  values: readonly (readonly unknown[])[],
) {
  writeFileAtomic(path, tableToIPC(toArrowTable(columns, values), 'file'));
}
