import { literal } from '../../warehouse/quote.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ParseContext } from '../parse/value.js';
import type { FileResult, SkipReason } from '../result.js';
import { buildDictionary } from './dictionaries.js';
import { duplicatesSql, rememberKeysSql } from './duplicates.js';
import { type LoadPlan, parseConstants } from './plan.js';
import {
  continuationSql,
  dataSql,
  hasPeriodWarning,
  parsedSources,
  rejectsSql,
  skippedSql,
  skippedViewSql,
  typedSql,
} from './sql-builder.js';

/**
 * Types the staged rows of one table (a CSV, or one sheet of a workbook), counts them and keeps its
 * rejects; its good rows stay in TEMP `typed` (minus `bad_line`) for the file's batch writer.
 */
export async function loadStagedTable(
  wh: Warehouse,
  plan: LoadPlan,
  parse: ParseContext,
  result: FileResult,
  lines: { data: number; blank: number },
): Promise<void> {
  await wh.run(
    `CREATE OR REPLACE TEMP TABLE header_cell AS SELECT * FROM (VALUES ${plan.match.header
      .map((h, i) => `(${i}, ${literal((h ?? '').trim() || `столбец ${i + 1}`)})`)
      .join(', ')}) t(col, header)`,
  );
  for (const sql of [skippedSql(plan), continuationSql(plan)]) if (sql) await wh.run(sql);
  await wh.run(dataSql(plan));
  parseConstants(plan, parse);
  await buildDictionary(wh, plan, parsedSources(plan), parse);
  await wh.run(typedSql(plan, { checkSchools: plan.contract.source !== 'schools' }));
  const skippedView = skippedViewSql(plan);
  if (skippedView) await wh.run(skippedView);
  await wh.run(rejectsSql(plan));
  for (const sql of duplicatesSql(plan)) await wh.run(sql);
  await wh.run('CREATE OR REPLACE TEMP TABLE bad_line AS SELECT DISTINCT _line FROM file_rejects');
  const remember = rememberKeysSql(plan);
  if (remember) await wh.run(remember);
  await account(wh, plan, result, lines);
  await keepRejects(wh);
}

/** read = loaded + rejected + skipped, on physical lines, checked for every table. */
async function account(
  wh: Warehouse,
  plan: LoadPlan,
  result: FileResult,
  lines: { data: number; blank: number },
): Promise<void> {
  const [counts] = await wh.rows<{ rejected: number; loaded: number }>(
    `SELECT (SELECT CAST(count(*) AS INTEGER) FROM bad_line) AS rejected,
            (SELECT CAST(count(DISTINCT _line) AS INTEGER) FROM typed WHERE _skip IS NULL AND _line NOT IN (SELECT _line FROM bad_line)) AS loaded`,
  );
  const skipped = await wh.rows<{ reason: SkipReason; n: number }>(
    'SELECT reason, CAST(count(*) AS INTEGER) AS n FROM skipped GROUP BY reason',
  );
  const skippedHere = skipped.reduce((a, s) => a + s.n, 0) + lines.blank;
  const read = lines.data + lines.blank;
  if (read !== counts.loaded + counts.rejected + skippedHere) {
    throw new Error(
      `row accounting failed for ${result.file}${result.sheet ? ` [${result.sheet}]` : ''}: read ${read} ≠ ` +
        `loaded ${counts.loaded} + rejected ${counts.rejected} + skipped ${skippedHere}`,
    );
  }
  result.read += read;
  result.loaded += counts.loaded;
  result.rejected += counts.rejected;
  for (const s of skipped) result.skipped[s.reason] = (result.skipped[s.reason] ?? 0) + s.n;
  if (lines.blank) result.skipped.empty = (result.skipped.empty ?? 0) + lines.blank;
  if (hasPeriodWarning(plan)) {
    const n = await wh.value<number>(
      'SELECT CAST(count(*) AS INTEGER) FROM typed WHERE period__warn IS NOT NULL',
    );
    if (n) result.warnings.push(`срок не распознан в ${n} строк(ах): загружены с пустым сроком`);
  }
}

/** Keeps this table's rejects with the file's (few rows: they are reported and landed at commit). */
async function keepRejects(wh: Warehouse): Promise<void> {
  await wh.run('CREATE TEMP TABLE IF NOT EXISTS file_rejects_all AS SELECT * FROM file_rejects WHERE false');
  await wh.run('INSERT INTO file_rejects_all SELECT * FROM file_rejects');
}
