import { cpSync, existsSync } from 'node:fs';
import { ident } from '../../src/warehouse/quote.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';

/**
 * What a warehouse holds, as entries a test compares: `table <schema>.<name>` → rows and a checksum
 * of every row (every column, times included); for a table of runs (`year`, `as_of`), one entry per
 * run, `run <name> <year> <as_of>`; for model_build, `build <model> <year> <as_of>` → fingerprint
 * and rows (what a rebuild of the same thing repeats, without its time); `view <name>` → its SQL;
 * `sequence <name>` → its last value.
 */
export type Dump = Map<string, string>;

export interface DumpOptions {
  /**
   * DOUBLE values taken to single precision (7 significant digits) before the checksum; exact when
   * not set. A recomputation is compared so: DuckDB's parallel sums of doubles may differ in their
   * last bits from one run to the next.
   */
  approximate?: boolean;
  /** Times (TIMESTAMP columns: when a load started and ended) left out: two loads of the same files compare equal. */
  withoutTimes?: boolean;
}

export async function dumpWarehouse(db: string, options: DumpOptions = {}): Promise<Dump> {
  // A read-only opening of a warehouse a killed process left replays its log in memory only.
  const wh = await Warehouse.open(db, { readOnly: true });
  const dump: Dump = new Map();
  try {
    const tables = await wh.rows<{ schema_name: string; table_name: string }>(
      'SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary ORDER BY ALL',
    );
    for (const { schema_name: schema, table_name: table } of tables) {
      const name = `${ident(schema)}.${ident(table)}`;
      const columns = await wh.rows<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = $1 AND table_name = $2 ORDER BY column_index',
        [schema, table],
      );
      const row = `hash(row(${columns
        .filter(({ data_type: type }) => !(options.withoutTimes && type.startsWith('TIMESTAMP')))
        .map(({ column_name: c, data_type: type }) =>
          options.approximate && type === 'DOUBLE' ? `CAST(${ident(c)} AS FLOAT)` : ident(c),
        )
        .join(', ')}))`;
      const [whole] = await wh.rows<{ n: bigint; h: bigint | null }>(
        `SELECT count(*) AS n, sum(${row})::HUGEINT AS h FROM ${name}`,
      );
      dump.set(`table ${schema}.${table}`, `${whole.n}:${whole.h ?? 0}`);
      const names = columns.map((c) => c.column_name);
      // model_build's runs change their times with every build: its `build` entries stand for it.
      if (names.includes('year') && names.includes('as_of') && table !== 'model_build') {
        const runs = await wh.rows<{ year: number; as_of: string; n: bigint; h: bigint | null }>(
          `SELECT year, CAST(as_of AS VARCHAR) AS as_of, count(*) AS n, sum(${row})::HUGEINT AS h
           FROM ${name} GROUP BY ALL`,
        );
        for (const r of runs) dump.set(`run ${table} ${r.year} ${r.as_of}`, `${r.n}:${r.h ?? 0}`);
      }
    }
    const builds = await wh.rows<{
      model: string;
      year: number;
      as_of: string;
      fingerprint: string;
      rows: bigint;
    }>('SELECT model, year, CAST(as_of AS VARCHAR) AS as_of, fingerprint, rows FROM model_build');
    for (const b of builds) dump.set(`build ${b.model} ${b.year} ${b.as_of}`, `${b.fingerprint}:${b.rows}`);
    const views = await wh.rows<{ view_name: string; sql: string }>(
      'SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND NOT temporary',
    );
    for (const v of views) dump.set(`view ${v.view_name}`, v.sql);
    const sequences = await wh.rows<{ sequence_name: string; last_value: bigint | null }>(
      'SELECT sequence_name, last_value FROM duckdb_sequences() WHERE NOT temporary',
    );
    for (const s of sequences) dump.set(`sequence ${s.sequence_name}`, String(s.last_value));
  } finally {
    wh.close();
  }
  return dump;
}

/** The entries that differ between two dumps, as «key: before → after», for a readable failure. */
export function dumpDiff(before: Dump, after: Dump): string[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys
    .filter((k) => before.get(k) !== after.get(k))
    .map((k) => `${k}: ${before.get(k) ?? '—'} → ${after.get(k) ?? '—'}`);
}

/** A copy of a warehouse with its key (and its log, if a killed process left one) in `dir`. */
export function copyWarehouse(db: string, to: string): string {
  cpSync(db, to);
  cpSync(`${db}.secret`, `${to}.secret`);
  if (existsSync(`${db}.wal`)) cpSync(`${db}.wal`, `${to}.wal`);
  return to;
}
