import type { Warehouse } from '../../warehouse/warehouse.js';
import { type ParseContext, parseValue } from '../parse/value.js';
import type { ColumnSource } from './plan.js';
import { dictionaryDdl, dictName, distinctSql } from './sql-builder.js';

/**
 * Parses each distinct raw value of a column once, in TypeScript, into a TEMP dictionary that the
 * typed SELECT joins. The bulk of rows stays in DuckDB; one set of parsers serves CSV and XLSX.
 */
export async function buildDictionaries(
  wh: Warehouse,
  sources: ColumnSource[],
  ctx: ParseContext,
): Promise<void> {
  for (const s of sources) {
    await wh.run(dictionaryDdl(s));
    const raws = (await wh.rows<{ raw: string }>(distinctSql(s))).map((r) => r.raw);
    const appender = await wh.connection.createAppender(dictName(s).replace(/"/g, ''), 'main', 'temp');
    for (const raw of raws) {
      const parsed = parseValue(s.spec, raw, ctx);
      appender.appendVarchar(raw);
      if (parsed.value === null) appender.appendNull();
      else if (typeof parsed.value === 'boolean') appender.appendBoolean(parsed.value);
      else if (typeof parsed.value === 'number') {
        if (s.spec.kind === 'number') appender.appendDouble(parsed.value);
        else appender.appendInteger(parsed.value);
      } else appender.appendVarchar(parsed.value);
      if (parsed.reason === null) appender.appendNull();
      else appender.appendVarchar(parsed.reason);
      appender.appendBoolean(parsed.absent === true);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }
}
