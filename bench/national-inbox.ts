/**
 * The national inbox for `npm run bench:national`: files of the shape the analyst receives, written
 * from the raw tables of the national warehouse (bench/national-warehouse.ts) by DuckDB `COPY … TO`
 * — one CSV per source and year (ВПР: per year and subject; ОГЭ and ЕГЭ: per year), UTF-8, «;»,
 * Russian headers the ingest recognises (as in data-samples/), dates as ДД.ММ.ГГГГ, «да»/«нет»,
 * decimal comma. Personal columns (ОГЭ/ЕГЭ «ФИО») hold a made-up text that the ingest hashes again.
 * The queries are bench/sql/national-inbox/*.sql: one file per inbox file (or per year, with the
 * placeholder {{year}}), the target path in its first line `-- file: dir/name_{{year}}.csv`.
 * Cached in bench-data/national/inbox-<factor>-<key>/: the key covers the warehouse's directory
 * (its own generator key) and the queries.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { projectPath } from '../src/warehouse/paths.js';

const SQL_DIR = projectPath('bench/sql/national-inbox');

/** Raise when the written files change in a way the SQL text does not show. */
const INBOX_VERSION = 1;

export interface InboxFile {
  path: string;
  rows: number;
  bytes: number;
}

export interface Inbox {
  dir: string;
  files: InboxFile[];
}

interface Query {
  file: string;
  target: string;
  select: string;
  /** Table whose distinct years the file is split by, when the target has {{year}}. */
  yearsOf?: string;
}

function queries(): Query[] {
  return readdirSync(SQL_DIR)
    .filter((f) => f.endsWith('.sql') && f !== 'macros.sql')
    .sort()
    .map((file) => {
      const text = readFileSync(join(SQL_DIR, file), 'utf8');
      const target = text.match(/^--\s*file:\s*(\S+)/m)?.[1];
      if (!target) throw new Error(`${file}: нет строки «-- file: путь»`);
      const yearsOf = text.match(/^--\s*years:\s*(\S+)/m)?.[1];
      const select = text
        .replace(/--[^\n]*/g, '')
        .trim()
        .replace(/;\s*$/, '');
      return { file, target, select, yearsOf };
    });
}

function cacheKey(warehouse: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ INBOX_VERSION, warehouse: basename(dirname(warehouse)) }));
  for (const f of readdirSync(SQL_DIR).sort()) hash.update(f).update(readFileSync(join(SQL_DIR, f)));
  return hash.digest('hex').slice(0, 12);
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const num = (n: number) => n.toLocaleString('ru-RU');
const secs = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} с`;

function listFiles(dir: string, under = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.name.endsWith('.csv')) out.push(rel);
  }
  return out.sort();
}

/** Reads the row counts written beside a cached inbox. */
function readCounts(dir: string): InboxFile[] {
  const counts = JSON.parse(readFileSync(join(dir, '..', `${basename(dir)}.rows.json`), 'utf8')) as Record<
    string,
    number
  >;
  return listFiles(dir).map((path) => ({
    path,
    rows: counts[path] ?? 0,
    bytes: statSync(join(dir, path)).size,
  }));
}

/**
 * The inbox directory for the warehouse at `warehouse` (read only), writing it when no cached copy of
 * the current queries exists.
 */
export async function ensureNationalInbox(
  root: string,
  tag: string,
  warehouse: string,
  options: { threads: number; log: (line: string) => void },
): Promise<Inbox> {
  const key = cacheKey(warehouse);
  const dir = join(root, `inbox-${tag}-${key}`);
  if (existsSync(dir)) {
    options.log(`папка входящих из кэша: ${dir}`);
    return { dir, files: readCounts(dir) };
  }
  mkdirSync(root, { recursive: true });
  for (const d of readdirSync(root)) {
    if (d.startsWith(`inbox-${tag}-`) || d.endsWith('.building'))
      rmSync(join(root, d), { recursive: true, force: true });
  }
  const building = `${dir}.building`;
  mkdirSync(building, { recursive: true });
  options.log(`запись папки входящих из ${warehouse} → ${dir}`);
  const started = performance.now();
  const db = await DuckDBInstance.create(warehouse, {
    access_mode: 'READ_ONLY',
    threads: String(options.threads),
  });
  const con = await db.connect();
  const counts: Record<string, number> = {};
  try {
    await con.run('SET preserve_insertion_order = false');
    await con.run(readFileSync(join(SQL_DIR, 'macros.sql'), 'utf8'));
    for (const q of queries()) {
      let years: (number | null)[] = [null];
      if (q.target.includes('{{year}}')) {
        if (!q.yearsOf) throw new Error(`${q.file}: в пути есть {{year}}, но нет строки «-- years: таблица»`);
        const r = await con.runAndReadAll(`SELECT DISTINCT year FROM ${q.yearsOf} ORDER BY year`);
        years = r.getRows().map((row) => Number(row[0]));
      }
      for (const year of years) {
        const fill = (s: string) => (year === null ? s : s.replaceAll('{{year}}', String(year)));
        const rel = fill(q.target);
        const path = join(building, rel);
        mkdirSync(dirname(path), { recursive: true });
        const t = performance.now();
        const r = await con.runAndReadAll(
          `COPY (${fill(q.select)}) TO ${lit(path)} (FORMAT csv, HEADER true, DELIMITER ';', QUOTE '"')`,
        );
        const rows = Number(r.getRows()[0]?.[0] ?? 0);
        counts[rel] = rows;
        options.log(
          `  ${rel.padEnd(44)} ${num(rows).padStart(12)} строк  ${(statSync(path).size / 2 ** 20).toFixed(0).padStart(6)} МБ  ${secs(performance.now() - t)}`,
        );
      }
    }
  } finally {
    con.closeSync();
    // Its buffer cache would otherwise stay in this process while the pipeline runs.
    db.closeSync();
  }
  writeFileSync(join(root, `${basename(dir)}.rows.json`), JSON.stringify(counts, null, 1));
  renameSync(building, dir);
  options.log(`  папка входящих записана за ${secs(performance.now() - started)}`);
  return { dir, files: readCounts(dir) };
}
