import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { syncReferenceTables } from '../warehouse/reference.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { IngestContext } from './context.js';
import { detectFileKind } from './detect/file-kind.js';
import { findHeader } from './header.js';
import { ingestFile, sha256File } from './ingest-file.js';
import { prepareRegistryLookups } from './load/commit.js';
import { previousLoads, unchangedFile } from './previous-load.js';
import { previewCsv } from './read/csv.js';
import { utf16HeadAsUtf8, utf16Of } from './read/utf16.js';
import { inspectXlsx } from './read/xlsx-inspect.js';
import { readXlsx } from './read/xlsx-rows.js';
import type { FileResult } from './result.js';

const PROBE_XLSX_BYTES = 8 * 1024 * 1024;

/** The source a file most likely holds, only to order the load (the registry first). */
async function guessSource(
  path: string,
  ctx: IngestContext,
  privateTemp: string,
): Promise<string | undefined> {
  if (ctx.source) return ctx.source;
  try {
    const fh = await open(path, 'r');
    const head = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    await fh.close();
    const utf16 = utf16Of(head);
    const bytes = utf16 ? utf16HeadAsUtf8(head.subarray(0, bytesRead), utf16) : head.subarray(0, bytesRead);
    const find = (rows: Parameters<typeof findHeader>[0]) =>
      findHeader(rows, ctx.contracts, ctx.indexes, ctx.parse.factors, basename(path)).best?.contract.source;
    if (detectFileKind(bytes, path) === 'text') return find(previewCsv(bytes).rows);
    // Reading a big workbook twice costs seconds; a registry is small, so big ones are not probed.
    if ((await stat(path)).size > PROBE_XLSX_BYTES) return undefined;
    // Read to the end: a reader abandoned mid-stream was seen to break the next read of the same file.
    let source: string | undefined;
    await readXlsx(
      path,
      await inspectXlsx(path, path),
      async (_sheet, preview) => {
        source ??= find(preview);
        return undefined;
      },
      path,
      privateTemp,
    );
    return source;
  } catch {
    return undefined;
  }
}

/**
 * Loads the files, the registry and reference tables first so that every other source is checked
 * against them; each file in its own transaction.
 */
export async function runIngest(
  wh: Warehouse,
  files: string[],
  ctx: IngestContext,
  onFile: (result: FileResult, index: number, total: number) => void,
): Promise<FileResult[]> {
  if (!ctx.dryRun) await syncReferenceTables(wh);
  const results: FileResult[] = [];
  const rest: string[] = [];
  const sums = new Map<string, string>();
  const loads = await previousLoads(wh);
  for (const path of files) {
    const sha = await sha256File(path);
    const unchanged = unchangedFile(loads, path, sha, ctx);
    if (unchanged) results.push(unchanged);
    else {
      rest.push(path);
      sums.set(path, sha);
    }
  }
  for (const [n, r] of results.entries()) onFile(r, n, files.length);
  const order = new Map(ctx.contracts.map((c, i) => [c.source, i]));
  const ranked: { path: string; i: number; rank: number }[] = [];
  for (const [i, path] of rest.entries()) {
    ranked.push({ path, i, rank: order.get((await guessSource(path, ctx, wh.tempDir)) ?? '') ?? order.size });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  await prepareRegistryLookups(wh);
  const seen = new Set<string>();
  for (const { path } of ranked) {
    // The checksum was taken above; a file changed since is caught by the next run. The earlier loads
    // read above hold for a file unless the same bytes came earlier in this run.
    const sha256 = sums.get(path) ?? '';
    const known = seen.has(sha256) ? undefined : { sha256, previous: loads.get(sha256) };
    seen.add(sha256);
    const result = await ingestFile(wh, path, ctx, known);
    if (result.source === 'schools' && result.status === 'loaded') await prepareRegistryLookups(wh);
    results.push(result);
    onFile(result, results.length - 1, files.length);
  }
  return results;
}
