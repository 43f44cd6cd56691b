import { basename } from 'node:path';
import { sqlFile } from '../warehouse/sql-file.js';
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

const LOADS = sqlFile('ingest/previous-loads.sql');

export async function previousLoad(wh: Warehouse, sha: string): Promise<PreviousLoad | undefined> {
  return (await wh.rows<PreviousLoad>(LOADS, { sha }))[0];
}

/** The latest load of every file loaded so far, by checksum (one query for a whole inbox). */
export async function previousLoads(wh: Warehouse): Promise<Map<string, PreviousLoad>> {
  const rows = await wh.rows<PreviousLoad & { sha256: string }>(LOADS, { sha: null });
  return new Map(rows.map((r) => [r.sha256, r]));
}

/**
 * A file loaded before byte for byte, under the same rules of its source and with nothing rejected, is
 * known unchanged from its checksum alone, without reading it: a re-run over the same inbox costs a
 * hash a file. (A file with rejects goes the whole way: a newer registry may take its rows now.)
 */
export function unchangedFile(
  loads: Map<string, PreviousLoad>,
  path: string,
  sha256: string,
  ctx: IngestContext,
): FileResult | undefined {
  if (ctx.reload || ctx.dryRun) return undefined;
  const previous = loads.get(sha256);
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
