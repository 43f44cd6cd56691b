import { ident } from '../../warehouse/quote.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Contract } from '../contracts/types.js';
import { SQL_TYPE } from '../parse/value.js';

/** The raw table's columns: each contract column typed, plus derived and bookkeeping columns. */
export function rawColumns(contract: Contract): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  for (const spec of contract.columns) {
    out.push({ name: spec.name, type: SQL_TYPE[spec.kind] });
    if (spec.kind === 'period')
      out.push({ name: 'period_start', type: 'DATE' }, { name: 'period_end', type: 'DATE' });
    if (spec.kind === 'rcoi_code') out.push({ name: 'school_login', type: 'VARCHAR' });
  }
  if (contract.yearFromDate) out.push({ name: 'year', type: 'INTEGER' });
  if (contract.absence) out.push({ name: 'is_absent', type: 'BOOLEAN' });
  if (contract.taskScores) out.push({ name: 'task_scores', type: 'JSON' });
  out.push(
    { name: '_batch_id', type: 'INTEGER' },
    { name: '_partition', type: 'VARCHAR' },
    { name: '_line', type: 'INTEGER' },
    { name: '_sheet', type: 'VARCHAR' },
  );
  return out;
}

/**
 * Raw tables known, as of a commit of this session, to have every column of their contract: a session
 * loading a thousand files asks once per table, not once per file. Only a commit adds to it, so a
 * table created in a transaction that was rolled back is asked about again.
 */
const committedTables = new WeakMap<Warehouse, Set<string>>();

export function rawTableCommitted(wh: Warehouse, table: string): void {
  const tables = committedTables.get(wh) ?? new Set<string>();
  tables.add(table);
  committedTables.set(wh, tables);
}

/** Creates raw_<source>, or adds the columns a newer contract has. */
export async function ensureRawTable(wh: Warehouse, contract: Contract): Promise<string> {
  const table = `raw_${contract.source}`;
  if (committedTables.get(wh)?.has(table)) return table;
  const columns = rawColumns(contract);
  await wh.run(
    `CREATE TABLE IF NOT EXISTS ${ident(table)} (${columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`,
  );
  const existing = new Set(
    (
      await wh.rows<{ column_name: string }>(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND database_name <> 'temp'",
        [table],
      )
    ).map((r) => r.column_name),
  );
  for (const c of columns) {
    if (!existing.has(c.name))
      await wh.run(`ALTER TABLE ${ident(table)} ADD COLUMN ${ident(c.name)} ${c.type}`);
  }
  return table;
}
