/**
 * The project's ingest, run as a child: `node dist/bench/run-project.js REGISTRY FILE DB`.
 * Opens the warehouse as `shnor ingest` does (with the bench's threads and memory limit), loads the
 * registry untimed, then times runIngest of the big file (and a CHECKPOINT, as the bare load does).
 * BENCH_TRACE=1 prints every SQL statement's time to stderr, to see where the time goes.
 */
import { rmSync } from 'node:fs';
import { createContext } from '../src/ingest/context.js';
import { runIngest } from '../src/ingest/ingest.js';
import type { FileResult } from '../src/ingest/result.js';
import { Warehouse } from '../src/warehouse/warehouse.js';
import { report } from './measure.js';

type Traced = Pick<Warehouse, 'run' | 'rows' | 'exec'>;

/** Wraps the warehouse's SQL methods to log each statement's start, duration and text. */
function trace(wh: Warehouse, t0: () => number): () => number {
  let sqlMs = 0;
  const target = wh as unknown as Record<keyof Traced, (sql: string, ...rest: unknown[]) => Promise<unknown>>;
  for (const name of ['run', 'rows', 'exec'] as const) {
    const original = target[name].bind(wh);
    target[name] = async (sql: string, ...rest: unknown[]) => {
      const start = performance.now();
      try {
        return await original(experiment(sql), ...rest);
      } finally {
        const ms = performance.now() - start;
        sqlMs += ms;
        if (ms >= 50) {
          const head = sql.replace(/\s+/g, ' ').slice(0, 140);
          process.stderr.write(
            `  [${((start - t0()) / 1000).toFixed(2)}s] ${(ms / 1000).toFixed(2)}s ${head}\n`,
          );
        }
      }
    };
  }
  return () => sqlMs;
}

/**
 * What-if rewrites of the project's SQL, to measure a suggested change without touching src/
 * (BENCH_EXPERIMENT, comma-separated): `src-table` stages `src` as a table instead of a view that
 * repeats its ASOF join in every later query; `no-person` drops the pseudonym hash of person cells.
 */
function experiment(sql: string): string {
  const on = (process.env.BENCH_EXPERIMENT ?? '').split(',');
  let out = sql;
  if (on.includes('src-table'))
    out = out.replace('CREATE OR REPLACE TEMP VIEW src AS', 'CREATE OR REPLACE TEMP TABLE src AS');
  if (on.includes('no-person')) {
    out = out.replace(
      /"_overflow", [\s\S]*? AS "_person"\nFROM read_csv/,
      '"_overflow", CAST(NULL AS VARCHAR) AS "_person"\nFROM read_csv',
    );
  }
  return out;
}

async function main(): Promise<void> {
  const [registry, file, dbPath] = process.argv.slice(2);
  for (const f of [dbPath, `${dbPath}.wal`, `${dbPath}.secret`]) rmSync(f, { force: true });
  const wh = await Warehouse.open(dbPath, { memoryLimit: process.env.BENCH_MEMORY ?? '1GB' });
  await wh.run(`SET threads = ${Number(process.env.BENCH_THREADS ?? 2)}`);
  const ctx = createContext([], { flags: {} });
  const none = () => undefined;
  const [reg] = await runIngest(wh, [registry], ctx, none);
  if (reg.status !== 'loaded') throw new Error(`registry not loaded: ${JSON.stringify(reg)}`);

  let start = performance.now();
  const sqlMs = process.env.BENCH_TRACE ? trace(wh, () => start) : () => 0;
  start = performance.now();
  const [result]: FileResult[] = await runIngest(wh, [file], ctx, none);
  await wh.run('CHECKPOINT');
  const seconds = (performance.now() - start) / 1000;
  if (process.env.BENCH_TRACE) {
    process.stderr.write(`  total ${seconds.toFixed(2)}s, in SQL ${(sqlMs() / 1000).toFixed(2)}s\n`);
  }
  wh.close();
  const { status, read, loaded, rejected, skipped, topReasons, warnings, error } = result;
  report(seconds, { status, read, loaded, rejected, skipped, topReasons, warnings, error });
}

await main();
