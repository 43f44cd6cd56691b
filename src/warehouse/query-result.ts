import { type DuckDBResultReader, DuckDBTypeId } from '@duckdb/node-api';
import type { Column, ColumnKind, RowObject } from '../output/column.js';

/** A query's result as the writers of src/output take it: typed columns and row objects. */
export interface QueryResult {
  columns: Column[];
  /** Row objects keyed by `columns[i].key` (`c0`, `c1`, … so that repeated names do not clash). */
  rows: RowObject[];
  /** The same values column by column (for Arrow). */
  values: unknown[][];
}

const INTEGER = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
]);
const DECIMAL = new Set<DuckDBTypeId>([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL]);
const DATETIME = new Set<DuckDBTypeId>([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);
/** Types whose JS value is already what a reader sees; others are shown as DuckDB prints them. */
const AS_JS = new Set<DuckDBTypeId>([
  ...INTEGER,
  ...DECIMAL,
  ...DATETIME,
  DuckDBTypeId.DATE,
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.VARCHAR,
  DuckDBTypeId.ENUM,
  DuckDBTypeId.UUID,
  DuckDBTypeId.SQLNULL,
]);

function kindOf(typeId: DuckDBTypeId): ColumnKind {
  if (INTEGER.has(typeId)) return 'integer';
  if (DECIMAL.has(typeId)) return 'decimal';
  if (DATETIME.has(typeId)) return 'datetime';
  if (typeId === DuckDBTypeId.DATE) return 'date';
  if (typeId === DuckDBTypeId.BOOLEAN) return 'boolean';
  return 'text';
}

/** Reads a materialized DuckDB result into typed columns and rows. */
export function queryResult(reader: DuckDBResultReader): QueryResult {
  const names = reader.columnNames();
  const columns: Column[] = names.map((name, i) => {
    const type = reader.columnType(i);
    const column: Column = { key: `c${i}`, title: name, kind: kindOf(type.typeId) };
    if (type.typeId === DuckDBTypeId.DECIMAL) column.digits = (type as unknown as { scale: number }).scale;
    return column;
  });
  const js = reader.getColumnsJS();
  const values = names.map((_, i) => {
    if (AS_JS.has(reader.columnTypeId(i))) return js[i] as unknown[];
    return js[i].map((v, row) => (v === null ? null : reader.value(i, row)?.toString()));
  });
  const count = reader.currentRowCount;
  const rows: RowObject[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: RowObject = {};
    for (let c = 0; c < columns.length; c++) row[columns[c].key] = values[c][r];
    rows[r] = row;
  }
  return { columns, rows, values };
}
