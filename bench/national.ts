/**
 * `npm run bench:national`: the whole monthly pipeline (`shnor run monthly`) on a national-scale inbox
 * — 40,000 schools in 85 regions, 3,000 participants, 20 million ВПР rows over 2024–2026, 2.5 million
 * ОГЭ/ЕГЭ rows and 30 million survey answers a year (DOMAIN §6) — into a fresh warehouse, as of
 * 31.10.2026, so the October reports are due (control indicators, 3,000 passports, municipal
 * summaries, teacher deficits). Prints time and peak memory per step (ingest, models, tests,
 * reports) and in total, beside the bare DuckDB `read_csv` of the same ВПР files into a file
 * database with the same threads (DESIGN «How benchmarks compare»). A benchmark, not a test: it
 * prints figures and the target (10 minutes, 4 GB) and asserts nothing about time.
 *
 * The inbox is written from the national warehouse of bench:models (bench/national-warehouse.ts,
 * cached) by bench/national-inbox.ts (cached in bench-data/national/).
 * Memory: the resident memory of the pipeline's process tree (node, DuckDB inside it, Chromium and
 * its children, found through each thread's «children» file in /proc), summed from /proc/<pid>/status
 * every 250 ms; a step's peak is the highest sum while
 * the step ran (steps are told by the pipeline's «== » lines).
 * Env: BENCH_NATIONAL_FACTOR (1.0), BENCH_THREADS (2), BENCH_KEEP=1 (keep the run's warehouse and out/).
 */

import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLock, runChild } from './measure.js';
import { ensureNationalInbox } from './national-inbox.js';
import { ensureNationalWarehouse, nationalVolumes } from './national-warehouse.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const env = (name: string, fallback: string) => process.env[name] ?? fallback;

const FACTOR = Number(env('BENCH_NATIONAL_FACTOR', '1.0'));
const THREADS = Number(env('BENCH_THREADS', '2'));
const AS_OF = '31.10.2026';
const TARGET_SECONDS = 600;
const TARGET_MB = 4096;
const SAMPLE_MS = 250;
/** The pipeline opens DuckDB without a memory limit: DuckDB's default is 80 % of the RAM; the bare side gets the same. */
const BARE_MEMORY = `${Math.floor((totalmem() * 0.8) / 2 ** 30)}GB`;

const dec = (n: number, digits = 1) => n.toFixed(digits).replace('.', ',');
const mb = (n: number) => Math.round(n).toLocaleString('ru-RU');
const num = (n: number) => n.toLocaleString('ru-RU');
const log = (line: string) => console.log(line);

const STEP_NAMES: [RegExp, string][] = [
  [/^Загрузка/, 'ingest'],
  [/^Модели/, 'models'],
  [/^Проверки/, 'tests'],
  [/^Отчёты/, 'reports'],
];
const STEP_TITLES: Record<string, string> = {
  start: 'запуск (хранилище, справочники)',
  ingest: 'загрузка файлов (ingest)',
  models: 'модели (models)',
  tests: 'проверки данных (tests)',
  reports: 'отчёты (reports)',
  finish: 'итоги (манифест, index.html, отклонённые)',
};

// ─── memory of a process tree ──────────────────────────────────────────────────────────────────

/** Children of a process: those of each of its threads (/proc/<pid>/task/<tid>/children). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone meanwhile
  }
  return out;
}

/** A process's resident (RSS) and proportional (PSS: shared pages split among their users) memory, MB. */
function memoryMb(pid: number): { rss: number; pss: number } {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) =>
      Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) / 1024;
    return { rss: field('Rss'), pss: field('Pss') };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/**
 * Memory of a process and all its descendants, MB: the sum of RSS (counts a page shared by Chromium's
 * processes once in each) and the sum of PSS (counts it once in all: the memory the tree really takes).
 */
function treeMemory(root: number): { rss: number; pss: number; processes: number } {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    const m = memoryMb(pid);
    rss += m.rss;
    pss += m.pss;
    processes++;
    stack.push(...childrenOf(pid));
  }
  return { rss, pss, processes };
}

// ─── the pipeline, watched ─────────────────────────────────────────────────────────────────────

interface StepFigure {
  step: string;
  seconds: number;
  /** Highest PSS sum of the tree while the step ran, MB. */
  peakMb: number;
  /** Highest RSS sum of the tree while the step ran, MB. */
  peakRssMb: number;
  peakProcesses: number;
}

interface PipelineRun {
  exitCode: number;
  seconds: number;
  peakMb: number;
  peakRssMb: number;
  steps: StepFigure[];
  manifest?: Manifest;
}

interface Manifest {
  seconds: number;
  steps: { step: string; seconds: number; status: string }[];
  inputs: {
    path: string;
    status: string;
    rows: { read: number; loaded: number; rejected: number; skipped: number };
  }[];
  models: { model: string; status: string; seconds: number }[];
  tests: { status: string; severity: string }[];
  reports: {
    due: string[];
    files: { report: string; copy?: string; format: string; path: string }[];
    failed: unknown;
    stopped: unknown;
  };
}

function runPipeline(inbox: string, db: string, out: string, logFile: string): Promise<PipelineRun> {
  const args = [
    join(ROOT, 'dist/src/cli/bin.js'),
    'run',
    'monthly',
    '--input',
    inbox,
    '--db',
    db,
    '--out',
    out,
    '--as-of',
    AS_OF,
    '--snapshot-date',
    AS_OF,
  ];
  const logStream = createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const steps: StepFigure[] = [];
    let current: StepFigure = { step: 'start', seconds: 0, peakMb: 0, peakRssMb: 0, peakProcesses: 0 };
    let stepStarted = started;
    let peak = 0;
    let peakRss = 0;
    const enter = (step: string) => {
      const now = performance.now();
      current.seconds = (now - stepStarted) / 1000;
      steps.push(current);
      current = { step, seconds: 0, peakMb: 0, peakRssMb: 0, peakProcesses: 0 };
      stepStarted = now;
      log(`  [${dec((now - started) / 1000)} с] → ${STEP_TITLES[step] ?? step}`);
    };
    const sample = () => {
      if (child.pid === undefined) return;
      const s = treeMemory(child.pid);
      if (s.pss > current.peakMb) {
        current.peakMb = s.pss;
        current.peakProcesses = s.processes;
      }
      current.peakRssMb = Math.max(current.peakRssMb, s.rss);
      peak = Math.max(peak, s.pss);
      peakRss = Math.max(peakRss, s.rss);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      logStream.write(d);
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = line.match(/^== (.*)$/);
        if (!m) continue;
        const name = STEP_NAMES.find(([re]) => re.test(m[1]))?.[1];
        if (name && name !== current.step) enter(name);
      }
    });
    child.stderr.on('data', (d: Buffer) => logStream.write(d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const end = performance.now();
      // Past the reports: the summary, manifest and index.html. The last step's end is the manifest's.
      current.seconds = (end - stepStarted) / 1000;
      steps.push(current);
      logStream.end();
      const manifestPath = join(out, '2026-10-31', 'manifest.json');
      const manifest = existsSync(manifestPath)
        ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
        : undefined;
      resolve({
        exitCode: code ?? -1,
        seconds: (end - started) / 1000,
        peakMb: peak,
        peakRssMb: peakRss,
        steps,
        manifest,
      });
    });
  });
}

// ─── the bare tool ─────────────────────────────────────────────────────────────────────────────

async function bareReadCsv(
  files: string[],
  dir: string,
): Promise<{ seconds: number; peakMb: number; rows: number }> {
  let seconds = 0;
  let peakMb = 0;
  let rows = 0;
  for (const file of files) {
    const db = join(dir, 'bare.duckdb');
    const r = await runChild(join(HERE, 'bare.js'), ['csv', file, db, '1'], {
      BENCH_THREADS: String(THREADS),
      BENCH_MEMORY: BARE_MEMORY,
    });
    seconds += r.seconds;
    peakMb = Math.max(peakMb, r.peakMb);
    rows += Number(r.rows ?? 0);
    for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
  }
  return { seconds, peakMb, rows };
}

/**
 * Time of each due report, from its files' modification times (the reports are written one after
 * another, each copy in HTML, XLSX and PDF): first to last file, and per copy.
 */
function reportTimes(m: Manifest, dir: string): string[] {
  const spans = new Map<string, { first: number; last: number; copies: Set<string> }>();
  for (const f of m.reports.files) {
    const path = join(dir, f.path);
    if (!existsSync(path)) continue;
    const t = statSync(path).mtimeMs;
    const s = spans.get(f.report) ?? { first: t, last: t, copies: new Set<string>() };
    s.first = Math.min(s.first, t);
    s.last = Math.max(s.last, t);
    s.copies.add(f.copy ?? f.path);
    spans.set(f.report, s);
  }
  return [...spans].map(
    ([report, s]) =>
      `  ${report}: копий ${num(s.copies.size)}, ≈ ${dec((s.last - s.first) / 1000)} с от первого файла до последнего` +
      (s.copies.size > 1 ? `, ≈ ${Math.round((s.last - s.first) / (s.copies.size - 1))} мс на копию` : ''),
  );
}

// ─── main ──────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const root = join(ROOT, 'bench-data', 'national');
  const unlock = benchLock(root, 'bench:national');
  process.on('exit', unlock);
  const v = nationalVolumes(FACTOR);
  log(
    `bench:national — ежемесячный расчёт на всю страну (масштаб ${FACTOR}): ${num(v.schools)} школ в ` +
      `${v.regions} регионах, ${num(v.participants)} участников, ВПР ${num(v.vpr_rows)} строк за 2024–2026, ` +
      `ОГЭ и ЕГЭ ${num(v.oge_rows + v.ege_rows)} в год, ответов анкет ${num(v.survey_rows)} в год; ` +
      `дата расчёта ${AS_OF}; потоков DuckDB ${THREADS}`,
  );
  const warehouse = await ensureNationalWarehouse(join(ROOT, 'bench-data/models/national'), FACTOR, {
    threads: THREADS,
    memoryLimit: '3GB',
    log,
  });
  const inbox = await ensureNationalInbox(root, `f${FACTOR}`, warehouse, { threads: THREADS, log });
  const totalRows = inbox.files.reduce((s, f) => s + f.rows, 0);
  const totalBytes = inbox.files.reduce((s, f) => s + f.bytes, 0);
  log(
    `папка входящих: ${inbox.files.length} файлов, ${num(totalRows)} строк, ${dec(totalBytes / 2 ** 30, 2)} ГБ`,
  );

  const run = join(root, 'run');
  rmSync(run, { recursive: true, force: true });
  mkdirSync(run, { recursive: true });
  const db = join(run, 'warehouse.duckdb');
  const out = join(run, 'out');
  const logFile = join(run, 'pipeline.log');
  log(`\nshnor run monthly --as-of ${AS_OF} (вывод — в ${logFile})`);
  const result = await runPipeline(inbox.dir, db, out, logFile);

  const vpr = inbox.files.filter((f) => f.path.startsWith('vpr/'));
  const vprRows = vpr.reduce((s, f) => s + f.rows, 0);
  log(
    `\nголый DuckDB read_csv тех же файлов ВПР (${vpr.length}, ${num(vprRows)} строк, all_varchar, потоков ${THREADS})`,
  );
  const bare = await bareReadCsv(
    vpr.map((f) => join(inbox.dir, f.path)),
    run,
  );

  // ─── figures ───
  const m = result.manifest;
  const manifestSeconds = new Map((m?.steps ?? []).map((s) => [s.step, s.seconds]));
  log(
    '\nшаг                                          время, с   по манифесту, с   пик PSS, МБ   пик RSS, МБ   процессов',
  );
  for (const s of result.steps) {
    const ms = manifestSeconds.get(s.step);
    log(
      `${(STEP_TITLES[s.step] ?? s.step).padEnd(44)} ${dec(s.seconds).padStart(8)}   ${(ms === undefined ? '—' : dec(ms)).padStart(15)}   ${mb(s.peakMb).padStart(11)}   ${mb(s.peakRssMb).padStart(11)}   ${String(s.peakProcesses).padStart(9)}`,
    );
  }
  log(
    `${'всего'.padEnd(44)} ${dec(result.seconds).padStart(8)}   ${(m ? dec(m.seconds) : '—').padStart(15)}   ${mb(result.peakMb).padStart(11)}   ${mb(result.peakRssMb).padStart(11)}`,
  );
  const ingestSeconds = manifestSeconds.get('ingest');
  log(
    `\nголый read_csv файлов ВПР: ${dec(bare.seconds)} с, пик ${mb(bare.peakMb)} МБ, строк ${num(bare.rows)}` +
      (ingestSeconds ? `; загрузка всей папки (${num(totalRows)} строк) — ${dec(ingestSeconds)} с` : ''),
  );

  if (m) {
    const st = (s: string) => m.inputs.filter((i) => i.status === s).length;
    const rows = m.inputs.reduce(
      (a, i) => ({
        read: a.read + i.rows.read,
        loaded: a.loaded + i.rows.loaded,
        rejected: a.rejected + i.rows.rejected,
      }),
      { read: 0, loaded: 0, rejected: 0 },
    );
    const statuses = [...new Set(m.inputs.map((i) => i.status))].map((s) => `${s} ${st(s)}`).join(', ');
    log(
      `файлы: ${statuses}; строк прочитано ${num(rows.read)}, загружено ${num(rows.loaded)}, отклонено ${num(rows.rejected)}`,
    );
    const failedModels = m.models.filter((x) => x.status !== 'built' && x.status !== 'unchanged');
    const slow = [...m.models].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
    log(
      `модели: ${m.models.length}${failedModels.length ? `, не рассчитано ${failedModels.length}` : ''}; самые долгие: ` +
        slow.map((x) => `${x.model} ${dec(x.seconds)} с`).join(', '),
    );
    for (const line of reportTimes(m, join(out, '2026-10-31'))) log(line);
    const testFail = m.tests.filter((t) => t.status !== 'pass').length;
    log(`проверки данных: ${m.tests.length}, не пройдено ${testFail}`);
    const byReport = new Map<string, number>();
    for (const f of m.reports.files)
      byReport.set(`${f.report} (${f.format})`, (byReport.get(`${f.report} (${f.format})`) ?? 0) + 1);
    log(
      `отчёты: положены ${m.reports.due.join(', ') || '—'}; файлов ${m.reports.files.length}: ` +
        [...byReport].map(([k, n]) => `${k} ${num(n)}`).join(', ') +
        (m.reports.stopped ? `; остановлены: ${JSON.stringify(m.reports.stopped)}` : '') +
        (m.reports.failed ? `; ошибка: ${JSON.stringify(m.reports.failed)}` : ''),
    );
  } else log('манифест не записан: см. вывод расчёта');
  const dbSize = existsSync(db) ? statSync(db).size : 0;
  log(`хранилище после расчёта: ${dec(dbSize / 2 ** 30, 2)} ГБ; код завершения расчёта ${result.exitCode}`);
  log(
    `цель: до ${TARGET_SECONDS / 60} минут и до ${mb(TARGET_MB)} МБ — время ${result.seconds <= TARGET_SECONDS ? 'в пределах' : 'сверх цели'}, ` +
      `память ${result.peakMb <= TARGET_MB ? 'в пределах' : 'сверх цели'}`,
  );
  if (env('BENCH_KEEP', '0') !== '1') {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    rmSync(`${db}.tmp`, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
