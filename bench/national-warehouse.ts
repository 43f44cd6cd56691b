/**
 * The national warehouse for `npm run bench:models`, without files: the raw tables are written
 * directly by DuckDB SQL (bench/sql/national/*.sql, hash()-based, deterministic) with the exact
 * columns of the contracts, and each table's rows are registered as loaded versions (load_batch,
 * batch_partition), as the ingest would leave them. Scale: DOMAIN §6, the whole country, times
 * BENCH_NATIONAL_FACTOR. Cached in bench-data/models/national/<factor>-<key>/: the key covers the
 * generator's SQL and volumes, the contracts' raw columns, the scales of marks it reads from
 * sql/seeds and the DuckDB version, so a second run reuses the warehouse and a change builds a new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS } from '../src/ingest/contracts/index.js';
import { ensureRawTable, rawColumns } from '../src/ingest/load/raw-table.js';
import { projectPath } from '../src/warehouse/paths.js';
import { syncReferenceTables } from '../src/warehouse/reference.js';
import { Warehouse } from '../src/warehouse/warehouse.js';

/** Raise when the generated data changes in a way the SQL text does not show. */
export const GENERATOR_VERSION = 1;

/** Volumes at factor 1: the whole country (DOMAIN §6). Rows are per year unless said otherwise. */
const NATIONAL = {
  regions: 85,
  schools: 40_000,
  participants: 3_000,
  /** ФИОКО ШНОР list, per year (2024–2026). */
  shnor: 4_000,
  teachers_per_school: 10,
  /** Survey answers per year (2025 and 2026). */
  survey_rows: 30_000_000,
  /** ВПР works over 2024–2026 together. */
  vpr_rows: 20_000_000,
  /** ОГЭ and ЕГЭ sittings per year (2024–2026): 2.5 million together. */
  oge_rows: 1_800_000,
  ege_rows: 700_000,
};

const SQL_DIR = projectPath('bench/sql/national');
/** Reference tables the generator reads (scales of marks), part of the cache key. */
const SEEDS = ['vpr_scale.csv', 'oge_scale.csv', 'ege_min_score.csv'];

export interface NationalOptions {
  threads: number;
  memoryLimit: string;
  log: (line: string) => void;
}

/** The numbers the SQL files' {{name}} placeholders take at this factor. */
export function nationalVolumes(factor: number): Record<string, number> {
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * factor));
  return {
    regions: NATIONAL.regions,
    schools: scaled(NATIONAL.schools, NATIONAL.regions),
    participants: scaled(NATIONAL.participants, 4),
    shnor: scaled(NATIONAL.shnor, 6),
    teachers_per_school: NATIONAL.teachers_per_school,
    survey_rows: scaled(NATIONAL.survey_rows, 1_000),
    vpr_rows: scaled(NATIONAL.vpr_rows, 1_000),
    oge_rows: scaled(NATIONAL.oge_rows, 100),
    ege_rows: scaled(NATIONAL.ege_rows, 100),
  };
}

/** Batch numbers of a source: 100 × its place among the contracts, plus the year or version. */
const batchBase = (source: string) => 100 * (CONTRACTS.findIndex((c) => c.source === source) + 1);

function sqlFiles(): string[] {
  return readdirSync(SQL_DIR)
    .filter((f) => /^\d\d_.*\.sql$/.test(f))
    .sort();
}

function fill(sql: string, values: Record<string, number | string>): string {
  const out = sql.replace(/\{\{(batch:)?([a-z_]+)\}\}/g, (_m, batch: string | undefined, name: string) => {
    if (batch) {
      if (!CONTRACTS.some((c) => c.source === name))
        throw new Error(`no source «${name}» for {{batch:${name}}}`);
      return String(batchBase(name));
    }
    if (!(name in values)) throw new Error(`no value for {{${name}}}`);
    return String(values[name]);
  });
  return out;
}

function cacheKey(factor: number): string {
  const hash = createHash('sha256');
  const duckdb = JSON.parse(readFileSync(projectPath('node_modules/@duckdb/node-api/package.json'), 'utf8'));
  hash.update(
    JSON.stringify({ GENERATOR_VERSION, factor, volumes: nationalVolumes(factor), duckdb: duckdb.version }),
  );
  for (const c of CONTRACTS) hash.update(JSON.stringify([c.source, c.partitionKey, rawColumns(c)]));
  for (const f of [...sqlFiles(), 'register.sql']) hash.update(readFileSync(join(SQL_DIR, f)));
  // The scales the generated marks follow.
  for (const seed of SEEDS) hash.update(readFileSync(projectPath('sql/seeds', seed)));
  return hash.digest('hex').slice(0, 12);
}

/** Statements of a file: split at a `;` that ends a line (the generator's files are written so). */
function statements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}

const num = (n: number) => n.toLocaleString('ru-RU');
const secs = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} с`;

/**
 * The path of the national warehouse at this factor, generating it when no cached copy of the
 * current generator exists.
 */
export async function ensureNationalWarehouse(
  root: string,
  factor: number,
  options: NationalOptions,
): Promise<string> {
  const tag = `f${factor}`;
  const key = cacheKey(factor);
  const dir = join(root, `${tag}-${key}`);
  const path = join(dir, 'warehouse.duckdb');
  if (existsSync(path)) {
    options.log(`национальное хранилище из кэша: ${path}`);
    return path;
  }
  mkdirSync(root, { recursive: true });
  // An older generator's warehouse of the same factor, or an interrupted build, is of no more use.
  for (const d of readdirSync(root)) {
    if (d.startsWith(`${tag}-`) || d.endsWith('.building'))
      rmSync(join(root, d), { recursive: true, force: true });
  }
  const building = `${dir}.building`;
  mkdirSync(building, { recursive: true });
  const volumes = nationalVolumes(factor);
  options.log(
    `генерация национального хранилища (масштаб ${factor}): ${num(volumes.schools)} школ, ` +
      `${num(volumes.participants)} участников в год, ВПР ${num(volumes.vpr_rows)}, ` +
      `ответов анкет ${num(volumes.survey_rows)} в год → ${dir}`,
  );
  const started = performance.now();
  const wh = await Warehouse.open(join(building, 'warehouse.duckdb'), { memoryLimit: options.memoryLimit });
  try {
    await wh.run(`SET threads = ${options.threads}`);
    await wh.run('SET preserve_insertion_order = false');
    await syncReferenceTables(wh);
    for (const contract of CONTRACTS) await ensureRawTable(wh, contract);
    for (const file of sqlFiles()) {
      const script = fill(readFileSync(join(SQL_DIR, file), 'utf8'), volumes);
      for (const sql of statements(script)) {
        const t = performance.now();
        await wh.run(sql);
        const target = sql.replace(/--[^\n]*\n/g, '').match(/^\s*INSERT INTO (raw_[a-z_]+)/)?.[1];
        if (target) {
          const rows = Number(await wh.value(`SELECT count(*) FROM ${target}`));
          options.log(
            `  ${file.padEnd(18)} ${target.padEnd(28)} ${num(rows).padStart(12)} строк  ${secs(performance.now() - t)}`,
          );
        }
      }
    }
    const register = readFileSync(join(SQL_DIR, 'register.sql'), 'utf8');
    for (const contract of CONTRACTS) {
      const rows = Number(await wh.value(`SELECT count(*) FROM raw_${contract.source}`));
      if (rows === 0) continue;
      for (const sql of statements(fill(register.replaceAll('{{source}}', contract.source), volumes)))
        await wh.run(sql);
    }
    const summary = await wh.rows<{ batches: number; partitions: number }>(
      'SELECT CAST(count(DISTINCT batch_id) AS INTEGER) AS batches, CAST(count(*) AS INTEGER) AS partitions FROM batch_partition',
    );
    await wh.run('CHECKPOINT');
    options.log(
      `  зарегистрировано версий ${num(summary[0].batches)}, частей ${num(summary[0].partitions)}; ` +
        `всего ${secs(performance.now() - started)}`,
    );
  } finally {
    wh.close();
  }
  rmSync(join(building, 'warehouse.duckdb.tmp'), { recursive: true, force: true });
  renameSync(building, dir);
  return path;
}
