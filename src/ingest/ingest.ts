import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { syncReferenceTables } from '../warehouse/reference.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { IngestContext } from './context.js';
import { detectFileKind } from './detect/file-kind.js';
import { findHeader } from './header.js';
import { ingestFile, type KnownFile, sha256File } from './ingest-file.js';
import { prepareRegistryLookups } from './load/commit.js';
import { previousLoads, unchangedFile } from './previous-load.js';
import { RankOrder } from './rank-order.js';
import { previewCsv } from './read/csv.js';
import { utf16HeadAsUtf8, utf16Of } from './read/utf16.js';
import { inspectXlsx } from './read/xlsx-inspect.js';
import { readXlsx } from './read/xlsx-rows.js';
import type { FileResult } from './result.js';

const PROBE_XLSX_BYTES = 8 * 1024 * 1024;

/**
 * The sources a file's tables most likely hold (none when not recognised), to order the load (the
 * registry first) and to know which files may be read side by side.
 */
async function guessSources(path: string, ctx: IngestContext, privateTemp: string): Promise<Set<string>> {
  const sources = new Set<string>();
  if (ctx.source) return sources.add(ctx.source);
  try {
    const fh = await open(path, 'r');
    const head = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    await fh.close();
    const utf16 = utf16Of(head);
    const bytes = utf16 ? utf16HeadAsUtf8(head.subarray(0, bytesRead), utf16) : head.subarray(0, bytesRead);
    const find = (rows: Parameters<typeof findHeader>[0]) => {
      const source = findHeader(rows, ctx.contracts, ctx.indexes, ctx.parse.factors, basename(path)).best
        ?.contract.source;
      if (source) sources.add(source);
    };
    if (detectFileKind(bytes, path) === 'text') {
      find(previewCsv(bytes).rows);
      return sources;
    }
    // Reading a big workbook twice costs seconds; a registry is small, so big ones are not probed.
    if ((await stat(path)).size > PROBE_XLSX_BYTES) return sources;
    // Read to the end: a reader abandoned mid-stream was seen to break the next read of the same file.
    await readXlsx(
      path,
      await inspectXlsx(path, path),
      async (_sheet, preview) => {
        find(preview);
        return undefined;
      },
      path,
      privateTemp,
    );
    return sources;
  } catch {
    return sources;
  }
}

/** Files bigger than this are read alone: DuckDB already gives one file every core, and they need the memory. */
const ALONE_BYTES = 16 * 1024 * 1024;

/**
 * Connections reading files side by side (small files spend most of their time in single-threaded
 * planning): one per core, at most 4; SHNOR_INGEST_LANES overrides (1 = one file at a time).
 */
const lanesWanted = () =>
  Number(process.env.SHNOR_INGEST_LANES) || Math.max(1, Math.min(availableParallelism(), 4));

interface Planned {
  path: string;
  sha256: string;
  /** The earlier load of these bytes, as read before the run; none when the same bytes come earlier in it. */
  known?: KnownFile;
  /** Read with no other file in progress: the registry, a big or unrecognised file, bytes seen earlier in this run. */
  alone: boolean;
}

/**
 * Loads the files, the registry and reference tables first so that every other source is checked
 * against them; each file in its own transaction. Small files are read side by side on several
 * connections and land in the order ranked here (`RankOrder`), so the warehouse ends the same as
 * after loading them one at a time.
 */
export async function runIngest(
  wh: Warehouse,
  files: string[],
  ctx: IngestContext,
  onFile: (result: FileResult, index: number, total: number) => void,
): Promise<FileResult[]> {
  if (!ctx.dryRun) await syncReferenceTables(wh);
  const unchanged: FileResult[] = [];
  const rest: { path: string; sha256: string }[] = [];
  const loads = await previousLoads(wh);
  for (const path of files) {
    const sha256 = await sha256File(path);
    const known = unchangedFile(loads, path, sha256, ctx);
    if (known) unchanged.push(known);
    else rest.push({ path, sha256 });
  }
  for (const [n, r] of unchanged.entries()) onFile(r, n, files.length);
  const order = new Map(ctx.contracts.map((c, i) => [c.source, i]));
  const ranked: (Planned & { i: number; rank: number })[] = [];
  for (const [i, { path, sha256 }] of rest.entries()) {
    const sources = await guessSources(path, ctx, wh.tempDir);
    const [first] = sources;
    const alone = sources.size !== 1 || first === 'schools' || (await stat(path)).size > ALONE_BYTES;
    ranked.push({ path, sha256, i, rank: order.get(first ?? '') ?? order.size, alone });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  // The earlier loads hold for a file unless the same bytes came earlier in this run: then they are
  // asked again, once that file has landed.
  const seen = new Set<string>();
  for (const item of ranked) {
    if (seen.has(item.sha256)) item.alone = true;
    else item.known = { sha256: item.sha256, previous: loads.get(item.sha256) };
    seen.add(item.sha256);
  }
  const results = await loadSideBySide(wh, ranked, ctx, (r, k) =>
    onFile(r, unchanged.length + k, files.length),
  );
  return [...unchanged, ...results];
}

/** Loads the ranked files on up to `lanesWanted()` connections; results and `onFile` come in ranked order. */
async function loadSideBySide(
  wh: Warehouse,
  files: Planned[],
  ctx: IngestContext,
  onFile: (result: FileResult, k: number) => void,
): Promise<FileResult[]> {
  const lanes = [wh];
  for (let n = 1; n < Math.min(lanesWanted(), files.filter((f) => !f.alone).length); n++)
    lanes.push(await wh.fork(n));
  /** Files' transactions, in ranked order. */
  const commits = new RankOrder();
  /** Files done with, lookups remade included: what a file read alone waits for. */
  const finished = new RankOrder();
  const results: FileResult[] = [];
  let reported = 0;
  let cursor = 0;
  /** Set while a file that is read alone is in progress: the other lanes wait for it. */
  let aloneDone: Promise<void> | undefined;
  /** Lanes whose registry lookups predate the last registry load. */
  const stale = new Set<Warehouse>();
  for (const conn of lanes) await prepareRegistryLookups(conn);
  // Side by side each small file's statements take one core (their parallel plans only contend);
  // a file read alone gets them all back.
  const threads = await wh.value<number>(sqlFile('warehouse/meta/threads.sql'));
  const setThreads = (n: number) => (lanes.length > 1 ? wh.run(`SET threads = ${n}`) : Promise.resolve());
  await setThreads(1);
  const lane = async (conn: Warehouse) => {
    for (;;) {
      while (aloneDone) await aloneDone;
      const k = cursor++;
      if (k >= files.length) return;
      try {
        const { path, known, alone } = files[k];
        if (alone) {
          const done: Promise<void> = finished.earlierDone(k + 1).then(() => {
            if (aloneDone === done) aloneDone = undefined;
          });
          aloneDone = done;
          await finished.earlierDone(k);
          await setThreads(threads);
        }
        if (stale.delete(conn)) await prepareRegistryLookups(conn);
        const result = await ingestFile(conn, path, ctx, known, commits.turn(k));
        if (result.source === 'schools' && result.status === 'loaded') {
          // A registry is read alone: the other lanes are idle, so their lookups are remade now, lane 0's
          // (with the views) first. Were one read beside others, each lane would remake its own next.
          for (const other of lanes) stale.add(other);
          if (alone) for (const other of lanes) if (stale.delete(other)) await prepareRegistryLookups(other);
        }
        if (alone) await setThreads(1);
        results[k] = result;
        while (results[reported]) onFile(results[reported], reported++);
      } catch (error) {
        cursor = files.length;
        throw error;
      } finally {
        commits.finish(k);
        finished.finish(k);
      }
    }
  };
  const settled = await Promise.allSettled(lanes.map(lane));
  for (const fork of lanes.slice(1)) fork.close();
  await setThreads(threads);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return results;
}
