/**
 * `npm run bench:models`: the whole model run (every model, `--full`) through the project's runner
 * against the bare tool — the same models' SQL as plain CREATE VIEW/TABLE … AS on a bare DuckDB
 * connection — on copies of the same warehouse, in the same run, with the same DuckDB threads and
 * memory limit (DESIGN «How benchmarks compare»). Then the data tests. A benchmark, not a test: it
 * prints figures and targets and asserts nothing about time.
 *
 * Scales (BENCH_SCALES, default samples,region,national):
 *   samples   the warehouse of data-samples/ (ingested once into bench-data/models/samples/);
 *   region    the 1,500-school region (data-samples-region/, or generated into bench-data/);
 *   national  a generated warehouse of the whole country without files (bench/national-warehouse.ts),
 *             times BENCH_NATIONAL_FACTOR (1.0).
 * Env: BENCH_THREADS (2), BENCH_MEMORY (3GB), BENCH_TESTS=0 (skip the data tests), BENCH_KEEP=1
 * (keep the run copies of the warehouse in bench-data/models/<scale>/run/), BENCH_AS_TABLE=a,b
 * (what-if: build these views as tables, on both sides, to measure a suggested change to sql/).
 * Memory: the resident memory of each child process (DuckDB's is native), sampled every 25 ms from
 * /proc/<pid>/status; a model's peak is the highest sample while it ran.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../src/models/project.js';
import { prepareWarehouse } from '../src/models/run-models.js';
import { projectPath } from '../src/warehouse/paths.js';
import { Warehouse } from '../src/warehouse/warehouse.js';
import { benchLock } from './measure.js';
import type { ModelEvent } from './models-child.js';
import { masterWarehouse } from './warehouses.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const env = (name: string, fallback: string) => process.env[name] ?? fallback;

const THREADS = Number(env('BENCH_THREADS', '2'));
const MEMORY = env('BENCH_MEMORY', '3GB');
const FACTOR = Number(env('BENCH_NATIONAL_FACTOR', '1.0'));
const PARAMS = { year: 2026, asOf: '2026-10-31' };
const TARGET_SECONDS = 120;
const TARGET_MB = 4096;
const SAMPLE_MS = 25;

const dec = (n: number, digits = 2) => n.toFixed(digits).replace('.', ',');
const mb = (n: number) => Math.round(n).toLocaleString('ru-RU');
const num = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('ru-RU');
const log = (line: string) => console.log(line);

interface ModelRow extends ModelEvent {
  /** Highest resident memory of the process while the model ran, MB. */
  peakMb: number;
  /** That peak minus the memory when the model started, MB. */
  riseMb: number;
}

interface Side {
  mode: 'project' | 'bare';
  models: ModelRow[];
  /** The runner's wall time (project) or the sum of the models' statements (bare). */
  seconds: number;
  /** Highest sample during the model run, MB. */
  runPeakMb: number;
  /** The process's peak (maxRSS), MB. */
  processPeakMb: number;
  tests?: { seconds: number; total: number; pass: number; fail: number; error: number; errors: string[] };
  testsPeakMb?: number;
  failure?: string;
}

interface ScaleResult {
  scale: string;
  label: string;
  project: Side;
  bare: Side;
}

/** Reference tables current and every raw table present, as a model run would leave them, before copying. */
async function prepareMaster(path: string): Promise<void> {
  const wh = await Warehouse.open(path, { memoryLimit: MEMORY });
  try {
    await prepareWarehouse(wh, PARAMS);
    await wh.run('CHECKPOINT');
  } finally {
    wh.close();
  }
  rmSync(`${path}.tmp`, { recursive: true, force: true });
}

function copyWarehouse(master: string, to: string): void {
  for (const f of [to, `${to}.wal`, `${to}.secret`, `${to}.tmp`]) rmSync(f, { recursive: true, force: true });
  copyFileSync(master, to);
  copyFileSync(`${master}.secret`, `${to}.secret`);
}

function removeWarehouse(path: string): void {
  for (const f of [path, `${path}.wal`, `${path}.secret`, `${path}.tmp`])
    rmSync(f, { recursive: true, force: true });
}

// ─── one side, in a child process, with its memory sampled ─────────────────────────────────────

function rssMb(pid: number): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const TAG = { project: 'проект', bare: 'голый ' } as const;
const MARK: Record<string, string> = { built: '✓', up_to_date: '=', skipped: '–', error: '✗' };

function runSide(mode: 'project' | 'bare', db: string, sqlRoot: string): Promise<Side> {
  return new Promise((resolve) => {
    const side: Side = { mode, models: [], seconds: 0, runPeakMb: 0, processPeakMb: 0 };
    const child: ChildProcess = spawn(process.execPath, [join(HERE, 'models-child.js'), mode, db, sqlRoot], {
      cwd: ROOT,
      env: { ...process.env, BENCH_THREADS: String(THREADS), BENCH_MEMORY: MEMORY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rss = 0;
    let windowStart = 0;
    let windowMax = 0;
    let phase: 'models' | 'tests' | 'after' = 'models';
    const sample = () => {
      const v = child.pid ? rssMb(child.pid) : null;
      if (v === null) return;
      rss = v;
      windowMax = Math.max(windowMax, v);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    const closeWindow = () => {
      sample();
      const peak = Math.max(windowMax, rss);
      const rise = Math.max(0, peak - windowStart);
      windowStart = rss;
      windowMax = rss;
      return { peak, rise };
    };
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    let buffer = '';
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        let event: Record<string, unknown>;
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        if (event.type === 'start') closeWindow();
        else if (event.type === 'model') {
          const { peak, rise } = closeWindow();
          const row = { ...(event as unknown as ModelEvent), peakMb: peak, riseMb: rise };
          side.models.push(row);
          side.runPeakMb = Math.max(side.runPeakMb, peak);
          if (mode === 'project' || row.status === 'error' || row.seconds >= 1) log(progressLine(mode, row));
        } else if (event.type === 'run') {
          side.runPeakMb = Math.max(side.runPeakMb, closeWindow().peak);
          side.seconds =
            mode === 'project' ? (event.seconds as number) : side.models.reduce((s, m) => s + m.seconds, 0);
          phase = 'tests';
          log(`  [${TAG[mode]}] модели рассчитаны за ${dec(side.seconds)} с, пик ${mb(side.runPeakMb)} МБ`);
          if (mode === 'project' && env('BENCH_TESTS', '1') !== '0') log('  [проект] проверки данных…');
        } else if (event.type === 'tests') {
          side.tests = event as unknown as Side['tests'];
          side.testsPeakMb = closeWindow().peak;
          phase = 'after';
        } else if (event.type === 'done') {
          side.processPeakMb = event.peakMb as number;
        }
      }
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0 || phase === 'models')
        side.failure = `код ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`;
      resolve(side);
    });
  });
}

function progressLine(mode: 'project' | 'bare', r: ModelRow): string {
  const rows = r.rows === null ? '' : `, ${num(r.rows)} строк`;
  const msg = r.message ? ` — ${r.message.split('\n')[0].slice(0, 160)}` : '';
  return `  [${TAG[mode]}] ${MARK[r.status] ?? '?'} ${r.model} (${r.materialized})${rows}, ${dec(r.seconds)} с, пик ${mb(r.peakMb)} МБ${msg}`;
}

// ─── report ────────────────────────────────────────────────────────────────────────────────────

/** Each model's SQL (or TypeScript) file, to name the bottlenecks. */
const FILES = new Map<string, string>();
const fileOf = (model: string) => FILES.get(model) ?? '';

function scaleReport(r: ScaleResult): void {
  const bareBy = new Map(r.bare.models.map((m) => [m.model, m]));
  log(`\n${r.label}: модели (проект — runModels, голый — CREATE … AS на голом DuckDB)`);
  log(
    `${'модель'.padEnd(34)} ${'вид'.padEnd(5)} ${'статус'.padEnd(7)} ${'строк'.padStart(12)} ` +
      `${'проект с'.padStart(9)} ${'пик МБ'.padStart(7)} ${'+МБ'.padStart(6)} ${'голый с'.padStart(8)} ${'пик МБ'.padStart(7)}`,
  );
  let hidden = 0;
  let hiddenSeconds = 0;
  for (const m of r.project.models) {
    const b = bareBy.get(m.model);
    const notable =
      m.seconds >= 0.1 || (b?.seconds ?? 0) >= 0.1 || m.status !== 'built' || b?.status !== 'built';
    if (!notable) {
      hidden++;
      hiddenSeconds += m.seconds;
      continue;
    }
    const rowsDiffer =
      b && m.rows !== null && b.rows !== null && b.rows !== m.rows ? ' (голый: другое число строк)' : '';
    log(
      `${m.model.padEnd(34)} ${m.materialized.padEnd(5)} ${m.status.padEnd(7)} ${num(m.rows).padStart(12)} ` +
        `${dec(m.seconds).padStart(9)} ${mb(m.peakMb).padStart(7)} ${mb(m.riseMb).padStart(6)} ` +
        `${(b ? dec(b.seconds) : '—').padStart(8)} ${(b ? mb(b.peakMb) : '—').padStart(7)}` +
        (b && b.status !== 'built' ? ` голый: ${b.status}` : '') +
        rowsDiffer,
    );
  }
  if (hidden)
    log(`… и ещё ${hidden} моделей быстрее 0,1 с с обеих сторон (вместе ${dec(hiddenSeconds)} с в проекте)`);
  const count = (s: Side, st: string) => s.models.filter((m) => m.status === st).length;
  for (const s of [r.project, r.bare]) {
    log(
      `${s.mode === 'project' ? 'проект' : 'голый '}: моделей ${s.models.length}; рассчитано ${count(s, 'built')}, ` +
        `с ошибкой ${count(s, 'error')}, пропущено ${count(s, 'skipped')}; время ${dec(s.seconds)} с; ` +
        `пик за расчёт ${mb(s.runPeakMb)} МБ, пик процесса ${mb(s.processPeakMb)} МБ` +
        (s.failure ? `; СБОЙ: ${s.failure}` : ''),
    );
  }
  for (const m of r.project.models.filter((x) => x.status === 'error'))
    log(`  ошибка ${m.model} (${fileOf(m.model)}): ${(m.message ?? '').split('\n')[0].slice(0, 300)}`);
  const t = r.project.tests;
  if (t) {
    log(
      `проверки данных: ${t.total}, прошли ${t.pass}, нарушены ${t.fail}, с ошибкой ${t.error}; ` +
        `${dec(t.seconds)} с, пик ${mb(r.project.testsPeakMb ?? 0)} МБ`,
    );
    for (const e of t.errors) log(`  ошибка проверки ${e.split('\n')[0].slice(0, 200)}`);
  }
  const top = [...r.project.models].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
  const total = r.project.seconds || 1;
  log('самые долгие модели (проект):');
  for (const m of top) {
    const b = bareBy.get(m.model);
    log(
      `  ${m.model} (${fileOf(m.model)}): ${dec(m.seconds)} с, ${dec((100 * m.seconds) / total, 0)} % расчёта; ` +
        `голый ${b ? dec(b.seconds) : '—'} с; прирост памяти ${mb(m.riseMb)} МБ`,
    );
  }
}

function summary(results: ScaleResult[]): void {
  log(
    `\nИтог (потоков DuckDB ${THREADS}, memory_limit ${MEMORY}, расчёт за ${PARAMS.year} год на ${PARAMS.asOf})`,
  );
  log(
    `${'масштаб'.padEnd(22)} ${'моделей'.padStart(7)} ${'ошибок'.padStart(6)} ${'проект с'.padStart(9)} ` +
      `${'голый с'.padStart(8)} ${'проект÷голый'.padStart(12)} ${'пик проект'.padStart(10)} ${'пик голый'.padStart(9)} ` +
      `${'проверки с'.padStart(10)}`,
  );
  for (const r of results) {
    const errors = r.project.models.filter((m) => m.status !== 'built').length;
    const ratio = r.bare.seconds > 0 ? r.project.seconds / r.bare.seconds : Number.NaN;
    log(
      `${r.label.padEnd(22)} ${String(r.project.models.length).padStart(7)} ${String(errors).padStart(6)} ` +
        `${dec(r.project.seconds).padStart(9)} ${dec(r.bare.seconds).padStart(8)} ${dec(ratio).padStart(12)} ` +
        `${`${mb(r.project.runPeakMb)} МБ`.padStart(10)} ${`${mb(r.bare.runPeakMb)} МБ`.padStart(9)} ` +
        `${(r.project.tests ? dec(r.project.tests.seconds) : '—').padStart(10)}` +
        (r.project.failure || r.bare.failure ? '  СБОЙ' : ''),
    );
  }
  const national = results.find((r) => r.scale === 'national');
  if (national) {
    const p = national.project;
    const failed = Boolean(p.failure) || p.models.some((m) => m.status !== 'built');
    const timeOk = !failed && p.seconds < TARGET_SECONDS;
    const memOk = !failed && p.runPeakMb < TARGET_MB;
    const note = FACTOR === 1 ? '' : ` (масштаб ${FACTOR}: цели заданы для 1.0)`;
    log(
      `\nЦели национального масштаба${note}, ${THREADS} потока:` +
        `\n  расчёт моделей < ${TARGET_SECONDS} с: ${dec(p.seconds, 1)} с — цель ${timeOk ? 'достигнута' : 'НЕ достигнута'}` +
        `\n  пик памяти < 4 ГБ: ${mb(p.runPeakMb)} МБ — цель ${memOk ? 'достигнута' : 'НЕ достигнута'}` +
        (failed ? '\n  (не все модели рассчитаны: цели не засчитываются)' : ''),
    );
  }
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const scales = env('BENCH_SCALES', 'samples,region,national')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scales.filter((s) => !['samples', 'region', 'national'].includes(s));
  if (unknown.length) throw new Error(`BENCH_SCALES: неизвестные масштабы ${unknown.join(', ')}`);
  const unlock = benchLock(join(ROOT, 'bench-data', 'models'), 'bench:models');
  process.on('exit', unlock);
  log(
    `bench:models — потоков DuckDB ${THREADS}, memory_limit ${MEMORY}, ` +
      `расчёт за ${PARAMS.year} год на ${PARAMS.asOf}; масштабы: ${scales.join(', ')}`,
  );
  if (process.env.BENCH_AS_TABLE)
    log(`опыт: представления ${process.env.BENCH_AS_TABLE} строятся таблицами (sql/ не меняется)`);
  const results: ScaleResult[] = [];
  for (const scale of scales) {
    const label = scale === 'national' && FACTOR !== 1 ? `national ×${FACTOR}` : scale;
    log(`\n═══ ${label} ═══`);
    const dir = join(ROOT, 'bench-data', 'models', scale);
    const master = await masterWarehouse(scale, dir, {
      factor: FACTOR,
      threads: THREADS,
      memoryLimit: MEMORY,
      log,
    });
    await prepareMaster(master);
    log(`хранилище ${master}: ${dec(statSync(master).size / 2 ** 30)} ГБ`);
    const runDir = join(dir, 'run');
    mkdirSync(runDir, { recursive: true });
    const projectDb = join(runDir, 'project.duckdb');
    const bareDb = join(runDir, 'bare.duckdb');
    copyWarehouse(master, projectDb);
    copyWarehouse(master, bareDb);
    // Both sides read one copy of sql/, taken now: models edited during the run do not split them.
    const sqlRoot = join(runDir, 'sql');
    rmSync(sqlRoot, { recursive: true, force: true });
    cpSync(projectPath('sql'), sqlRoot, { recursive: true });
    const models = loadProject(sqlRoot);
    FILES.clear();
    for (const [name, m] of models.models) FILES.set(name, m.file);
    log(`моделей ${models.order.length} (копия sql/ на начало замера: ${sqlRoot})`);
    log('расчёт моделей проектом (runModels, --full)…');
    const project = await runSide('project', projectDb, sqlRoot);
    log('те же модели на голом DuckDB…');
    const bare = await runSide('bare', bareDb, sqlRoot);
    const result = { scale, label, project, bare };
    results.push(result);
    scaleReport(result);
    if (env('BENCH_KEEP', '') !== '1') {
      removeWarehouse(projectDb);
      removeWarehouse(bareDb);
    }
  }
  summary(results);
}

await main();
