import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { RunParams } from '../../src/models/params.js';
import { plain } from '../../src/reports/data.js';
import type { ReportFile } from '../../src/reports/render.js';
import { renderReports } from '../../src/reports/run-reports.js';
import { loadReports } from '../../src/reports/spec.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import ExcelJS from '../../src/xlsx/exceljs.js';

/** A school name that would run as markup, template or formula if anything let it. */
export const HOSTILE_NAME =
  '=HYPERLINK("http://evil.example/x";"МКОУ <script>alert(1)</script> {{name}} <b>№ 1</b>")';

/** The analyst's own conclusions for the control-indicators note (they replace the generated ones). */
export const ANALYST_CONCLUSIONS = 'Аналитик: показатели включенности в целом выполнены, отстаёт мониторинг.';

/** What the samples' reports test reads: the warehouse, the files written, and a way to query. */
export interface SamplesReports {
  dir: string;
  db: string;
  params: RunParams;
  files: ReportFile[];
  /** The path of the region copy of a report in a format; an error when it was not written. */
  file(report: string, format: ReportFile['format']): string;
  /** The participant whose name was made hostile. */
  hostileLogin: string;
  /** Reads the warehouse (read-only) with the run's session variables set; values as the reports see them. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  cleanup(): void;
}

const params: RunParams = { year: 2026, asOf: '2026-10-31' };

async function cli(args: string[]): Promise<void> {
  const io = captureIo();
  const code = await main(args, io);
  if (code > 1) throw new Error(`shnor ${args[0]} exited ${code}: ${io.stderr.join('\n')}`);
}

/** A copy of the newer school registry where one participant's name is HOSTILE_NAME (a later version). */
async function hostileRegistry(dir: string, login: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(projectPath('data-samples/schools/reestr_oo_2026-09-01.xlsx'));
  let changed = 0;
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells = row.values as unknown[];
      const at = cells.indexOf(login);
      if (at < 0) return;
      // The name is the longest text of the row (the registry's «Наименование ОО»).
      let best = -1;
      cells.forEach((v, i) => {
        if (typeof v === 'string' && i !== at && (best < 0 || v.length > String(cells[best]).length))
          best = i;
      });
      row.getCell(best).value = HOSTILE_NAME;
      changed++;
    });
  });
  if (changed !== 1) throw new Error(`expected one registry row of ${login}, found ${changed}`);
  const path = join(dir, 'reestr_oo_2026-09-02.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * Loads the samples (as the samples test does: every file but most per-school ВПР protocols), makes
 * one participant's name hostile, builds the models for 2026 as of 31.10.2026 and writes every report
 * in every format.
 */
export async function samplesReports(): Promise<SamplesReports> {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-reports-'));
  const db = join(dir, 's.duckdb');
  const root = projectPath('data-samples');
  const manifest: { path: string }[] = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).files;
  const chosen = [...new Set(manifest.map((m) => m.path))].filter(
    (p) => !/^vpr\/\d{4}\/sch/.test(p) || /sch050107|sch050123/.test(p),
  );
  await cli(['ingest', ...chosen.map((p) => join(root, p)), '--snapshot-date', '31.10.2026', '--db', db]);

  let wh = await Warehouse.open(db, { readOnly: true });
  const [{ login }] = await wh.rows<{ login: string }>(
    'SELECT min(school_login) AS login FROM raw_participants WHERE year = 2026',
  );
  wh.close();
  await cli(['ingest', await hostileRegistry(dir, login), '--db', db]);
  await cli([
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
  ]);

  mkdirSync(join(dir, 'commentary', 'control_indicators'), { recursive: true });
  writeFileSync(
    join(dir, 'commentary', 'control_indicators', '31.10.2026.md'),
    `## Выводы\n\n${ANALYST_CONCLUSIONS}\n\n## Рекомендации\n\n- МОУО: **проверить** списки.\n`,
  );
  // SHNOR_TEST_REPORTS=a,b renders only those while a report is being written (never set in CI).
  const only = process.env.SHNOR_TEST_REPORTS?.split(',');
  const files = await renderReports({
    db,
    reports: loadReports().filter((r) => !only || only.includes(r.name)),
    params,
    formats: ['pdf', 'html', 'xlsx'],
    outRoot: join(dir, 'out'),
    commentaryDir: join(dir, 'commentary'),
  });
  return {
    dir,
    db,
    params,
    files,
    hostileLogin: login,
    file(report, format) {
      const found = files.find((f) => f.report === report && f.format === format);
      if (!found) throw new Error(`${report}.${format} was not written`);
      return found.path;
    },
    async rows<T>(sql: string) {
      wh = await Warehouse.open(db, { readOnly: true });
      try {
        await wh.run(`SET VARIABLE year = ${params.year}`);
        await wh.run(`SET VARIABLE as_of = DATE '${params.asOf}'`);
        return (await wh.rows(sql)).map((r) => plain(r) as T);
      } finally {
        wh.close();
      }
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
