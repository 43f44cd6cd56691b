import { basename } from 'node:path';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { IngestContext } from './context.js';
import { contractBySource } from './contracts/index.js';
import { emptyResult, type FileResult } from './result.js';

/** The latest load of a file with these bytes. */
export interface PreviousLoad {
  batch_id: number;
  source: string;
  contract_fingerprint: string;
  rows_rejected: number;
  registry_batch: number | null;
  snapshot_date: string;
}

export async function previousLoad(wh: Warehouse, sha: string): Promise<PreviousLoad | undefined> {
  const rows = await wh.rows<PreviousLoad>(
    `SELECT batch_id, source, contract_fingerprint, rows_rejected, registry_batch,
            strftime(snapshot_date, '%Y-%m-%d') AS snapshot_date
     FROM load_batch
     WHERE sha256 = $1 AND status = 'loaded' ORDER BY batch_id DESC LIMIT 1`,
    [sha],
  );
  return rows[0];
}

/**
 * A file loaded before byte for byte, under the same rules of its source and with nothing rejected, is
 * known unchanged from its checksum alone, without reading it: a re-run over the same inbox costs a
 * hash a file. (A file with rejects goes the whole way: a newer registry may take its rows now.)
 */
export async function unchangedFile(
  wh: Warehouse,
  path: string,
  sha256: string,
  ctx: IngestContext,
): Promise<FileResult | undefined> {
  if (ctx.reload || ctx.dryRun) return undefined;
  const previous = await previousLoad(wh, sha256);
  if (!previous || previous.rows_rejected > 0) return undefined;
  if (ctx.source && previous.source !== ctx.source) return undefined;
  if (previous.contract_fingerprint !== ctx.fingerprints.get(previous.source)) return undefined;
  const result = emptyResult(basename(path), path);
  result.status = 'unchanged';
  result.sha256 = sha256;
  result.batchId = previous.batch_id;
  result.snapshotDate = previous.snapshot_date;
  result.source = previous.source;
  result.sourceTitle = contractBySource(previous.source)?.title;
  return result;
}
