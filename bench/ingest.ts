/**
 * `npm run bench:ingest`: the project's ingest against the bare tool on the same inputs, in the same
 * run, with the same DuckDB threads and memory limit (DESIGN «How benchmarks compare»). A benchmark,
 * not a test: it prints figures and targets and asserts nothing about time.
 * Env: BENCH_ROWS (CSV rows, 5,000,000), BENCH_XLSX_ROWS (200,000), BENCH_REPS (3),
 * BENCH_THREADS (2), BENCH_MEMORY (1GB), BENCH_CASES (utf8,cp1251,xlsx), BENCH_TRACE=1 (SQL timings).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInputs, SKIP } from './generate.js';
import { type Measured, median, runChild } from './measure.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const env = (name: string, fallback: string) => process.env[name] ?? fallback;

interface Case {
  name: string;
  file: string;
  /** What the bare tool reads: cp1251 has no bare DuckDB reader, so it reads the UTF-8 twin. */
  bareFile: string;
  bareMode: 'csv' | 'xlsx';
  rows: number;
  target: number;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const pad = (s: string, n: number) => s.padStart(n);

async function main(): Promise<void> {
  const dir = join(ROOT, 'bench-data');
  const inputs = await ensureInputs(
    dir,
    Number(env('BENCH_ROWS', '5000000')),
    Number(env('BENCH_XLSX_ROWS', '200000')),
  );
  const dbDir = join(dir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const reps = Number(env('BENCH_REPS', '3'));
  const wanted = env('BENCH_CASES', 'utf8,cp1251,xlsx').split(',');
  const cases: Case[] = [
    {
      name: 'utf8',
      file: inputs.utf8,
      bareFile: inputs.utf8,
      bareMode: 'csv' as const,
      rows: inputs.csvRows,
      target: 1.5,
    },
    {
      name: 'cp1251',
      file: inputs.cp1251,
      bareFile: inputs.utf8,
      bareMode: 'csv' as const,
      rows: inputs.csvRows,
      target: 1.9,
    },
    {
      name: 'xlsx',
      file: inputs.xlsx,
      bareFile: inputs.xlsx,
      bareMode: 'xlsx' as const,
      rows: inputs.xlsxRows,
      target: 1.2,
    },
  ].filter((c) => wanted.includes(c.name));
  console.log(
    `threads ${env('BENCH_THREADS', '2')}, memory_limit ${env('BENCH_MEMORY', '1GB')}, ${reps} runs per case, median`,
  );

  const lines: string[] = [];
  const accounting: string[] = [];
  for (const c of cases) {
    const project: Measured[] = [];
    const bare: Measured[] = [];
    for (let i = 0; i < reps; i++) {
      const p = await runChild(join(HERE, 'run-project.js'), [
        inputs.registry,
        c.file,
        join(dbDir, `project-${c.name}.duckdb`),
      ]);
      const b = await runChild(join(HERE, 'bare.js'), [
        c.bareMode,
        c.bareFile,
        join(dbDir, `bare-${c.name}.duckdb`),
        String(SKIP),
      ]);
      console.log(
        `${c.name} run ${i + 1}: project ${fmt(p.seconds)} s (${p.status}), bare ${fmt(b.seconds)} s`,
      );
      project.push(p);
      bare.push(b);
    }
    const p = median(project.map((m) => m.seconds));
    const b = median(bare.map((m) => m.seconds));
    const pMb = Math.max(...project.map((m) => m.peakMb));
    const bMb = Math.max(...bare.map((m) => m.peakMb));
    const ratio = p / b;
    lines.push(
      [
        c.name.padEnd(7),
        pad(fmt(p), 8),
        pad(fmt(b), 7),
        pad(fmt(ratio), 6),
        pad(fmt(pMb, 0), 8),
        pad(fmt(bMb, 0), 7),
        pad(fmt(c.rows / p, 0), 10),
        pad(fmt(c.rows / b, 0), 10),
        `  ≤ ${c.target}×: ${ratio <= c.target ? 'да' : 'нет'}; < 2 ГБ: ${pMb < 2048 ? 'да' : 'нет'}`,
      ].join(' '),
    );
    const last = project[project.length - 1];
    accounting.push(
      `${c.name}: ${last.status}; read ${last.read}, loaded ${last.loaded}, rejected ${last.rejected}, ` +
        `skipped ${JSON.stringify(last.skipped)}; bare rows ${bare[bare.length - 1].rows}` +
        (last.error ? `; error: ${last.error}` : '') +
        ((last.topReasons as unknown[])?.length ? `; reasons ${JSON.stringify(last.topReasons)}` : ''),
    );
  }
  console.log('\ncase    project s  bare s  ratio  proj MB  bare MB  proj row/s  bare row/s  targets');
  for (const l of lines) console.log(l);
  console.log('\nproject row accounting (read = loaded + rejected + skipped):');
  for (const a of accounting) console.log(`  ${a}`);
}

await main();
