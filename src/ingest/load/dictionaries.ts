import type { Warehouse } from '../../warehouse/warehouse.js';
import { type ParseContext, parseValue } from '../parse/value.js';
import type { ColumnSource, LoadPlan } from './plan.js';
import { DICTIONARY_DDL, distinctSql } from './sql-builder.js';

/**
 * Parses each distinct raw value of each parsed column once, in TypeScript, into the TEMP table
 * `dict` that the typed SELECT joins. The bulk of rows stays in DuckDB; one set of parsers serves
 * CSV and XLSX; three statements per file whatever the number of columns.
 */
export async function buildDictionary(
  wh: Warehouse,
  plan: LoadPlan,
  sources: ColumnSource[],
  ctx: ParseContext,
): Promise<void> {
  await wh.run(DICTIONARY_DDL);
  const cells = sources.filter((s) => !s.constant);
  if (cells.length === 0) return;
  const distinct = await wh.rows<{ col: string; raw: string }>(distinctSql(plan, cells));
  const byName = new Map(cells.map((s) => [s.spec.name, s]));
  const appender = await wh.connection.createAppender('dict', 'main', 'temp');
  for (const { col, raw } of distinct) {
    const spec = byName.get(col)?.spec;
    if (!spec) continue;
    const parsed = parseValue(spec, raw, ctx);
    appender.appendVarchar(col);
    appender.appendVarchar(raw);
    if (parsed.value === null) appender.appendNull();
    else appender.appendVarchar(String(parsed.value));
    if (parsed.reason === null) appender.appendNull();
    else appender.appendVarchar(parsed.reason);
    appender.appendBoolean(parsed.absent === true);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
