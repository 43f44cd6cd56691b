import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { contractBySource } from '../../src/ingest/contracts/index.js';
import { ensureRawTable, rawColumns } from '../../src/ingest/load/raw-table.js';
import type { RunParams } from '../../src/models/params.js';
import { loadProject, type Project } from '../../src/models/project.js';
import { type ModelResult, runModels } from '../../src/models/run-models.js';
import { runTests, type TestResult } from '../../src/models/run-tests.js';
import { selectModels } from '../../src/models/select.js';
import { literal } from '../../src/warehouse/quote.js';
import { type Row, Warehouse } from '../../src/warehouse/warehouse.js';

export type FixtureRow = Record<string, string | number | boolean | null>;

let project: Project | undefined;

/**
 * A fresh warehouse per test, filled by hand: `load(source, snapshot, rows)` lands rows as one
 * version of the source (as if a file dated `snapshot` had been loaded), `run(params)` builds the
 * models, `rows(sql)` reads. Rows name columns of raw_<source> (DOMAIN §3.6 names).
 */
export function fixtureWarehouse() {
  let dir = '';
  let wh: Warehouse | undefined;
  let file = 0;
  const fx = {
    /** The warehouse file, for commands that open it themselves (close the fixture's handle first). */
    get path(): string {
      return join(dir, 'fixture.duckdb');
    },
    /** Releases the warehouse so another opener (the CLI in-process) can take the write lock. */
    close(): void {
      wh?.close();
      wh = undefined;
    },
    get wh(): Warehouse {
      if (!wh) throw new Error('fixture warehouse is not open');
      return wh;
    },
    /** Lands `rows` as one version (one batch) of `source`, snapshot date ISO. Returns the batch id. */
    async load(source: string, snapshot: string, rows: FixtureRow[]): Promise<number> {
      const contract = contractBySource(source);
      if (!contract) throw new Error(`unknown source ${source}`);
      const w = fx.wh;
      const table = await ensureRawTable(w, contract);
      const batch = Number(await w.value("SELECT nextval('load_batch_seq')"));
      const columns = rawColumns(contract);
      const known = new Set(columns.map((c) => c.name));
      for (const r of rows) {
        for (const k of Object.keys(r)) if (!known.has(k)) throw new Error(`${source} has no column ${k}`);
      }
      const partitionOf = (r: FixtureRow) =>
        contract.partitionKey
          .map((k) => {
            const v =
              k === 'year' && contract.yearFromDate ? String(r[contract.yearFromDate]).slice(0, 4) : r[k];
            return `${k}=${v ?? ''}`;
          })
          .join('|');
      const full = rows.map((r, i) => ({
        ...r,
        ...(contract.yearFromDate && r.year === undefined
          ? { year: Number(String(r[contract.yearFromDate]).slice(0, 4)) }
          : {}),
        _batch_id: batch,
        _partition: partitionOf(r),
        _line: i + 2,
        _sheet: null,
      }));
      const path = join(dir, `rows-${++file}.json`);
      writeFileSync(path, JSON.stringify(full));
      const types = `{${columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ')}}`;
      await w.transaction(async () => {
        if (full.length) {
          await w.run(
            `INSERT INTO ${table} BY NAME SELECT * FROM read_json(${literal(path)}, format = 'array', columns = ${types})`,
          );
        }
        await w.run(
          `INSERT INTO load_batch (batch_id, file_name, file_path, sha256, source, snapshot_date, snapshot_origin,
             contract_fingerprint, rows_read, rows_loaded, rows_rejected, rows_skipped, status, started_at, ended_at)
           VALUES ($1, $2, $2, $3, $4, CAST($5 AS DATE), 'flag', 'fixture', $6, $6, 0, 0, 'loaded', now(), now())`,
          [batch, `${source}-${batch}.csv`, `fixture-${batch}`, source, snapshot, full.length],
        );
        const partitions = new Map<string, number>();
        for (const r of full) partitions.set(r._partition, (partitions.get(r._partition) ?? 0) + 1);
        if (partitions.size === 0 && contract.partitionKey.length === 0) partitions.set('', 0);
        for (const [key, n] of partitions) {
          await w.run('INSERT INTO batch_partition VALUES ($1, $2, $3, CAST($4 AS DATE), $5)', [
            batch,
            source,
            key,
            snapshot,
            n,
          ]);
        }
      });
      return batch;
    },
    /** Builds the selected models (all when none) for the parameters. */
    /** `full`: rebuild even when the fingerprint did not change (a reference table edited in place). */
    async run(
      params: RunParams,
      select: string[] = [],
      options: { full?: boolean } = {},
    ): Promise<ModelResult[]> {
      project ??= loadProject();
      const results = await runModels(fx.wh, project, params, {
        names: selectModels(project, select),
        ...options,
      });
      const failed = results.filter((r) => r.status === 'error' || r.status === 'skipped');
      if (failed.length) throw new Error(failed.map((r) => `${r.model}: ${r.message}`).join('\n'));
      return results;
    },
    async test(params: RunParams, select: string[] = []): Promise<TestResult[]> {
      project ??= loadProject();
      return runTests(fx.wh, project, params, selectModels(project, select));
    },
    /** Rows of a query, numbers as numbers (BIGINT and DECIMAL converted). */
    async rows<T = Row>(sql: string): Promise<T[]> {
      const rows = await fx.wh.rows(sql);
      return rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
      ) as T[];
    },
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shnor-fixture-'));
    wh = await Warehouse.open(fx.path);
  });
  afterEach(() => {
    wh?.close();
    wh = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return fx;
}
