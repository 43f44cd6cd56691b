/**
 * `npm run bench:reports`: every passport of the 1,500-school region written as PDF by the project
 * (queries, templates, charts, a locked-down page pool) against the same HTML printed by a bare warm
 * Chromium (the same number of pages in parallel, `setContent` + `pdf`), in the same run, with the
 * same browser. Prints ms per PDF and the ratio; the target is ≤ 1.2× the bare print (issue 4). A
 * benchmark, not a test: it asserts nothing about time.
 *
 * Env: BENCH_REPORT (school_passport), BENCH_PAGES (2 pages in parallel on each side).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { captureIo } from '../src/cli/io.js';
import { main as shnor } from '../src/cli/main.js';
import { findChrome, PdfPrinter } from '../src/reports/browser.js';
import { renderReports } from '../src/reports/run-reports.js';
import { findReport } from '../src/reports/spec.js';
import { masterWarehouse } from './warehouses.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PARAMS = { year: 2026, asOf: '2026-10-31' };
const REPORT = process.env.BENCH_REPORT ?? 'school_passport';
const PAGES = Number(process.env.BENCH_PAGES ?? '2');
const TARGET_RATIO = 1.2;
const dec = (n: number, digits = 1) => n.toFixed(digits).replace('.', ',');
const log = (line: string) => console.log(line);

/** A copy of the region's warehouse with the models built for PARAMS (kept while the master is unchanged). */
async function regionWarehouse(dir: string): Promise<string> {
  const master = await masterWarehouse('region', join(ROOT, 'bench-data/models/region'), {
    factor: 1,
    threads: 2,
    memoryLimit: '3GB',
    log,
  });
  const db = join(dir, 'warehouse.duckdb');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(db)) {
    copyFileSync(master, db);
    copyFileSync(`${master}.secret`, `${db}.secret`);
  }
  const io = captureIo();
  const args = [
    'models',
    'run',
    '--year',
    '2026',
    '--as-of',
    '31.10.2026',
    '--db',
    db,
    '--out',
    join(dir, 'out'),
  ];
  const code = await shnor(args, io);
  if (code !== 0) throw new Error(`shnor models run: ${io.stderr.join('\n')}`);
  return db;
}

/** Prints each HTML file on `pages` pages of one warm browser, as a bare script would. */
async function barePrint(htmlFiles: string[], pages: number): Promise<number> {
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const pool = await Promise.all(Array.from({ length: pages }, () => browser.newPage()));
    const print = async (page: (typeof pool)[number], file: string) => {
      await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
      await page.pdf({ preferCSSPageSize: true, printBackground: true });
    };
    await print(pool[0], htmlFiles[0]); // warm-up
    let next = 0;
    const started = performance.now();
    await Promise.all(
      pool.map(async (page) => {
        while (next < htmlFiles.length) await print(page, htmlFiles[next++]);
      }),
    );
    return performance.now() - started;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const dir = join(ROOT, 'bench-data/reports');
  const db = await regionWarehouse(dir);
  const spec = findReport(REPORT);
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });

  // The HTML the bare side prints: written by the project first, not timed.
  const html = await renderReports({
    db,
    reports: [spec],
    params: PARAMS,
    formats: ['html'],
    outRoot: join(out, 'html'),
    commentaryDir: join(dir, 'commentary'),
  });
  const htmlFiles = html.map((f) => f.path);
  log(
    `«${spec.title}»: ${htmlFiles.length} копий (регион, 2026 год на 31.10.2026), ${PAGES} стр. браузера параллельно`,
  );

  const printer = await PdfPrinter.launch(PAGES);
  let projectMs: number;
  try {
    await printer.print(readFileSync(htmlFiles[0], 'utf8')); // warm-up, as on the bare side
    const started = performance.now();
    const pdf = await renderReports({
      db,
      reports: [spec],
      params: PARAMS,
      formats: ['pdf'],
      outRoot: join(out, 'pdf'),
      commentaryDir: join(dir, 'commentary'),
      printer,
    });
    projectMs = performance.now() - started;
    if (pdf.length !== htmlFiles.length)
      throw new Error(`${pdf.length} PDF against ${htmlFiles.length} HTML`);
  } finally {
    await printer.close();
  }
  const bareMs = await barePrint(htmlFiles, PAGES);

  const per = (ms: number) => ms / htmlFiles.length;
  const ratio = projectMs / bareMs;
  log('');
  log(
    `проект (запросы, шаблоны, диаграммы, PDF): ${dec(per(projectMs))} мс на PDF, всего ${dec(projectMs / 1000)} с`,
  );
  log(
    `голый Chromium (тот же HTML, setContent + pdf): ${dec(per(bareMs))} мс на PDF, всего ${dec(bareMs / 1000)} с`,
  );
  log(
    `отношение: ${dec(ratio, 2)}× (цель ≤ ${dec(TARGET_RATIO, 1)}×) — ${ratio <= TARGET_RATIO ? 'выполнена' : 'НЕ выполнена'}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
