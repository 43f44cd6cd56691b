/**
 * The bare tool, run as a child: `node dist/bench/bare.js csv|xlsx FILE DB SKIP`.
 * CSV: DuckDB read_csv (all_varchar) into a table of a fresh file database.
 * XLSX: exceljs streaming WorkbookReader → DuckDB appender with data chunks of VARCHAR.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, DuckDBDataChunk, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { READER_OPTIONS } from '../src/xlsx/reader-options.js';
import { HEADER } from './generate.js';
import { report } from './measure.js';

const CHUNK = 2048;

export async function openDb(path: string): Promise<{ db: DuckDBInstance; con: DuckDBConnection }> {
  for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
  const db = await DuckDBInstance.create(path, {
    threads: process.env.BENCH_THREADS ?? '2',
    memory_limit: process.env.BENCH_MEMORY ?? '1GB',
  });
  return { db, con: await db.connect() };
}

async function bareCsv(con: DuckDBConnection, file: string, skip: number): Promise<number> {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await con.run(
    `CREATE TABLE t AS SELECT * FROM read_csv(${lit(file)}, all_varchar = true, delim = ';', header = false, skip = ${skip})`,
  );
  const reader = await con.runAndReadAll('SELECT count(*)::INTEGER FROM t');
  return reader.getRows()[0][0] as number;
}

function text(v: ExcelJS.CellValue): string | null {
  if (v == null) return null;
  if (typeof v !== 'object') return String(v);
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return v.result == null ? null : String(v.result);
  if ('text' in v) return String(v.text);
  return String(v);
}

async function bareXlsx(con: DuckDBConnection, file: string, skip: number): Promise<number> {
  const width = HEADER.length;
  await con.run(`CREATE TABLE t (${HEADER.map((_, i) => `c${i} VARCHAR`).join(', ')})`);
  const appender = await con.createAppender('t');
  const types = Array.from({ length: width }, () => VARCHAR);
  let columns: (string | null)[][] = types.map(() => []);
  let rows = 0;
  const flush = () => {
    const chunk = DuckDBDataChunk.create(types, columns[0].length);
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
    columns = types.map(() => []);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, READER_OPTIONS);
  for await (const ws of reader) {
    for await (const row of ws) {
      const r = row as ExcelJS.Row;
      if (r.number <= skip) continue;
      const values = r.values as ExcelJS.CellValue[];
      for (let i = 0; i < width; i++) columns[i].push(text(values[i + 1]));
      rows++;
      if (columns[0].length === CHUNK) flush();
    }
  }
  if (columns[0].length) flush();
  appender.flushSync();
  appender.closeSync();
  return rows;
}

async function main(): Promise<void> {
  const [mode, file, dbPath, skip] = process.argv.slice(2);
  const { db, con } = await openDb(dbPath);
  const t = performance.now();
  const rows =
    mode === 'xlsx' ? await bareXlsx(con, file, Number(skip)) : await bareCsv(con, file, Number(skip));
  await con.run('CHECKPOINT');
  const seconds = (performance.now() - t) / 1000;
  con.closeSync();
  db.closeSync();
  report(seconds, { rows });
}

// Run only as the child entry point (steps.ts imports openDb from here).
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
