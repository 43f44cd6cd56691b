import { ident } from '../../warehouse/quote.js';
import { sqlFile } from '../../warehouse/sql-file.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { FileResult } from '../result.js';
import type { LoadPlan } from './plan.js';
import { ensureRawTable, rawColumns, rawTableCommitted } from './raw-table.js';
import { reportReplaced } from './replaced.js';
import { rawSelect } from './sql-builder.js';

/**
 * The registry lookups the typed SELECT joins: every school ever registered, and РЦОИ codes.
 * Materialised once per run and after each registry load, not per file, in each connection that loads
 * (TEMP tables); the registry views are (re)made by the first.
 */
export async function prepareRegistryLookups(wh: Warehouse): Promise<void> {
  registryBatches.delete(wh);
  registryBatches.set(wh, await registryBatch(wh));
  if (await wh.tableExists('raw_schools')) {
    if (wh.lane === 0) await wh.exec(sqlFile('warehouse/views.sql'));
    await wh.exec(sqlFile('ingest/registry-lookups.sql'));
  } else await wh.exec(sqlFile('ingest/registry-lookups-empty.sql'));
}

/** The newest registry version: files with rejects are re-checked when it changes. */
export async function registryBatch(wh: Warehouse): Promise<number | null> {
  const known = registryBatches.get(wh);
  if (known !== undefined) return known;
  return (await wh.value<number | null>(sqlFile('ingest/registry-batch.sql'))) ?? null;
}

/** The registry version the lookups were last prepared from, per open warehouse (one query a run, not a file). */
const registryBatches = new WeakMap<Warehouse, number | null>();

/**
 * Lands one file as a new version of the partitions it holds, in one transaction opened before its
 * first row is written: its rows (straight into raw_<source>, no extra copy), its rejects, the
 * partitions' versions and the load log entry. Says which versions it replaces, and warns when rows are
 * gone. A dry run writes nothing.
 */
export class BatchWriter {
  private constructor(
    private readonly wh: Warehouse,
    readonly batch: number,
    private readonly table: string,
  ) {}

  /** Opens the file's transaction. */
  static async begin(wh: Warehouse, plan: LoadPlan): Promise<BatchWriter> {
    await wh.run('BEGIN TRANSACTION');
    try {
      const table = await ensureRawTable(wh, plan.contract);
      const batch = await wh.value<number>(sqlFile('ingest/next-batch.sql'));
      return new BatchWriter(wh, batch, table);
    } catch (error) {
      await wh.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Writes one typed table's good rows (TEMP `typed` minus `bad_line`). */
  async writeRows(plan: LoadPlan): Promise<void> {
    const columns = rawColumns(plan.contract).map((c) => ident(c.name));
    await this.wh.run(
      `INSERT INTO ${ident(this.table)} (${columns.join(', ')})
       SELECT ${rawSelect(plan).join(', ')} FROM typed WHERE _skip IS NULL AND _line NOT IN (SELECT _line FROM bad_line)`,
      { batch: this.batch },
    );
  }

  async rollback(): Promise<void> {
    await this.wh.run('ROLLBACK').catch(() => undefined);
  }

  async commit(plan: LoadPlan, result: FileResult, fingerprint: string, started: Date): Promise<void> {
    const { wh, batch } = this;
    const source = plan.contract.source;
    const snapshot = result.snapshot?.raw ?? '';
    // A file row is one raw row, except in the wide РПШ layout (one raw row per factor).
    const rowsPerLine = plan.match.wideCells.size ? 'count(DISTINCT (_sheet, _line))' : 'count(*)';
    // The summary's reasons were counted from the same rows: none means there is nothing to land.
    if (result.topReasons.length) {
      await wh.run(sqlFile('ingest/land-rejects.sql'), { batch, source, file: result.file });
    }
    const parts = await wh.rows(
      `INSERT INTO batch_partition
       SELECT $batch, $source, _partition, CAST($snapshot AS DATE), CAST(${rowsPerLine} AS INTEGER)
       FROM ${ident(this.table)} WHERE _batch_id = $batch GROUP BY _partition RETURNING 1`,
      { batch, source, snapshot },
    );
    result.partitions = parts.length;
    await reportReplaced(wh, plan.contract, this.table, batch, result);
    const meta = Object.fromEntries(Object.entries(result.meta));
    await wh.run(sqlFile('ingest/land-batch.sql'), {
      batch,
      file: result.file,
      path: result.path,
      sha: result.sha256 ?? '',
      source,
      sheet: result.sheet ?? null,
      snapshot,
      snapOrigin: result.snapshot?.origin ?? '',
      meta: JSON.stringify(meta),
      fingerprint,
      registry: source === 'schools' ? batch : await registryBatch(wh),
      read: result.read,
      loaded: result.loaded,
      rejected: result.rejected,
      skipped: Object.values(result.skipped).reduce((a, b) => a + (b ?? 0), 0),
      skippedBy: JSON.stringify(result.skipped),
      warnings: JSON.stringify(result.warnings),
      started: started.toISOString().replace('T', ' ').replace('Z', ''),
    });
    await wh.run('COMMIT');
    rawTableCommitted(wh, this.table);
    result.batchId = batch;
  }
}
