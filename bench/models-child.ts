/**
 * One side of `npm run bench:models`, run as a child so its memory is its own:
 * `node dist/bench/models-child.js project|bare DB SQL_ROOT` (SQL_ROOT: the copy of sql/ both sides
 * read). Prints one JSON line per event on stdout:
 * `start` (the models in run order), `model` (each model's outcome), `tests`, `done`.
 * The parent samples this process's resident memory from /proc while it runs.
 *
 * project: the project's runner, as `shnor models run --full` does (runModels), then the data
 *   tests (runTests).
 * bare: the same models' SQL on a bare DuckDB connection in the same order, each as a plain
 *   `CREATE OR REPLACE VIEW|TABLE name AS <sql>` (a mart with `run_year() AS year, as_of_date() AS
 *   as_of` in front, the shape other marts read), with the session variables set; a TypeScript
 *   model's build() runs the same way, its rows become the table.
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { type RunParams, setParamsSql } from '../src/models/params.js';
import { loadProject, type Project } from '../src/models/project.js';
import { runModels } from '../src/models/run-models.js';
import { runTests } from '../src/models/run-tests.js';
import { selectModels } from '../src/models/select.js';
import { ident } from '../src/warehouse/quote.js';
import { Warehouse } from '../src/warehouse/warehouse.js';

export const PARAMS: RunParams = { year: 2026, asOf: '2026-10-31' };

export interface ModelEvent {
  type: 'model';
  model: string;
  layer: string;
  materialized: string;
  status: string;
  rows: number | null;
  seconds: number;
  message?: string;
}

const threads = Number(process.env.BENCH_THREADS ?? 2);
const memoryLimit = process.env.BENCH_MEMORY ?? '3GB';

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function project(dbPath: string, models: Project): Promise<void> {
  const wh = await Warehouse.open(dbPath, { memoryLimit });
  await wh.run(`SET threads = ${threads}`);
  const names = selectModels(models, []);
  emit({ type: 'start', order: names });
  const started = performance.now();
  await runModels(wh, models, PARAMS, {
    names,
    full: true,
    onResult: (r) => emit({ type: 'model', ...r }),
  });
  emit({ type: 'run', seconds: (performance.now() - started) / 1000 });
  if (process.env.BENCH_TESTS === '0') {
    wh.close();
    return;
  }
  const testsStarted = performance.now();
  const tests = await runTests(wh, models, PARAMS, names);
  const count = (s: string) => tests.filter((t) => t.status === s).length;
  emit({
    type: 'tests',
    seconds: (performance.now() - testsStarted) / 1000,
    total: tests.length,
    pass: count('pass'),
    fail: count('fail'),
    error: count('error'),
    errors: tests
      .filter((t) => t.status === 'error')
      .slice(0, 5)
      .map((t) => `${t.model ?? ''}.${t.test}: ${t.message}`),
  });
  wh.close();
}

/** What a TypeScript model's build() needs of a warehouse, over the bare connection. */
function bareWarehouse(con: DuckDBConnection): Warehouse {
  const rows = async (sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>) =>
    (await con.runAndReadAll(sql, params)).getRowObjectsJS();
  const shim = {
    connection: con,
    run: async (sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>) => {
      await con.run(sql, params);
    },
    exec: async (script: string) => {
      const extracted = await con.extractStatements(script);
      for (let i = 0; i < extracted.count; i++) await (await extracted.prepare(i)).run();
    },
    rows,
    value: async (sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>) =>
      Object.values((await rows(sql, params))[0] ?? {})[0],
    tableExists: async (name: string, schema = 'main') =>
      (
        await rows(
          `SELECT 1 FROM duckdb_tables() WHERE table_name = $1 AND schema_name = $2 AND NOT temporary`,
          [name, schema],
        )
      ).length > 0,
    transaction: async <T>(fn: () => Promise<T>) => {
      await con.run('BEGIN TRANSACTION');
      try {
        const out = await fn();
        await con.run('COMMIT');
        return out;
      } catch (error) {
        await con.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
  return shim as unknown as Warehouse;
}

async function bare(dbPath: string, models: Project): Promise<void> {
  const db = await DuckDBInstance.create(dbPath, { threads: String(threads), memory_limit: memoryLimit });
  const con = await db.connect();
  for (const sql of setParamsSql(PARAMS)) await con.run(sql);
  const names = selectModels(models, []);
  emit({ type: 'start', order: names });
  const failed = new Set<string>();
  const started = performance.now();
  for (const name of names) {
    const model = models.models.get(name);
    if (!model) continue;
    const base = { type: 'model', model: name, layer: model.layer, materialized: model.materialized };
    const blocker = model.dependsOn.find((d) => failed.has(d));
    if (blocker) {
      failed.add(name);
      emit({
        ...base,
        status: 'skipped',
        rows: null,
        seconds: 0,
        message: `не рассчитана модель «${blocker}»`,
      });
      continue;
    }
    const t = performance.now();
    try {
      let select = model.sql as string;
      if (model.typescript) {
        await model.typescript.build(bareWarehouse(con), PARAMS);
        select = `SELECT * FROM temp.${ident(`${name}__rows`)}`;
      }
      const kind = model.materialized === 'view' ? 'VIEW' : 'TABLE';
      // A mart has the run's year and as_of in front, as the runner stores it (marts read marts).
      if (model.materialized === 'mart')
        select = `SELECT run_year() AS year, as_of_date() AS as_of, * FROM (${select})`;
      await con.run(`CREATE OR REPLACE ${kind} ${ident(name)} AS ${select}`);
      const seconds = (performance.now() - t) / 1000;
      // Counted outside the timed part: only to check both sides produced the same rows.
      const rows =
        kind === 'VIEW'
          ? null
          : Number((await con.runAndReadAll(`SELECT count(*) FROM ${ident(name)}`)).getRows()[0][0]);
      emit({ ...base, status: 'built', rows, seconds });
    } catch (error) {
      failed.add(name);
      emit({
        ...base,
        status: 'error',
        rows: null,
        seconds: (performance.now() - t) / 1000,
        message: String((error as Error)?.message ?? error),
      });
    }
  }
  emit({ type: 'run', seconds: (performance.now() - started) / 1000 });
  con.closeSync();
  db.closeSync();
}

/**
 * What-if, without touching sql/ (BENCH_AS_TABLE, comma-separated model names): these views are
 * built as tables, once, instead of being re-evaluated inside every model that reads them.
 */
function asTables(models: Project): void {
  for (const name of (process.env.BENCH_AS_TABLE ?? '').split(',').map((s) => s.trim())) {
    const model = models.models.get(name);
    if (model?.materialized === 'view') model.materialized = 'table';
    else if (name) throw new Error(`BENCH_AS_TABLE: «${name}» — не модель-представление`);
  }
}

async function main(): Promise<void> {
  const [mode, dbPath, sqlRoot] = process.argv.slice(2);
  const models = loadProject(sqlRoot);
  asTables(models);
  if (mode === 'project') await project(dbPath, models);
  else if (mode === 'bare') await bare(dbPath, models);
  else throw new Error(`mode: project | bare, not ${mode}`);
  emit({ type: 'done', peakMb: peakMb() });
}

await main();
