import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UserError } from '../cli/errors.js';
import type { RunParams } from '../models/params.js';
import { ruDate } from '../text/russian.js';
import { Warehouse } from '../warehouse/warehouse.js';
import { PdfPrinter } from './browser.js';
import { type Format, type ReportFile, renderReport } from './render.js';
import { type ReportSpec, SHARED_DIR } from './spec.js';

export interface RunReportsOptions {
  db: string;
  reports: readonly ReportSpec[];
  params: RunParams;
  formats: readonly Format[];
  only?: string;
  /** out/: each as-of date gets its own folder in it. */
  outRoot: string;
  commentaryDir: string;
  progress?: (spec: ReportSpec) => (done: number, total: number) => void;
  /** A printer the caller keeps warm across calls (benchmarks, the monthly run). */
  printer?: PdfPrinter;
}

/** Refuses to write reports from marts that were never computed for this (year, as of). */
async function requireModels(wh: Warehouse, params: RunParams): Promise<void> {
  await wh.run(`SET VARIABLE year = ${params.year}`);
  await wh.run(`SET VARIABLE as_of = DATE '${params.asOf}'`);
  const built = await wh.value<number>(readFileSync(join(SHARED_DIR, 'queries', 'models_built.sql'), 'utf8'));
  if (!built) {
    throw new UserError(
      `Модели за ${params.year} год по состоянию на ${ruDate(params.asOf)} не рассчитаны. ` +
        `Сначала: shnor models run --year ${params.year} --as-of ${ruDate(params.asOf)}`,
      EXIT.cannotRun,
    );
  }
}

/** Opens the warehouse read-only and one browser (when PDFs are asked), and writes the reports. */
export async function renderReports(options: RunReportsOptions): Promise<ReportFile[]> {
  const wh = await Warehouse.open(options.db, { readOnly: true });
  let printer = options.printer;
  const ownPrinter = !printer && options.formats.includes('pdf');
  try {
    await requireModels(wh, options.params);
    if (ownPrinter) printer = await PdfPrinter.launch(2);
    const files: ReportFile[] = [];
    for (const spec of options.reports) {
      files.push(
        ...(await renderReport(wh, spec, options.params, {
          formats: options.formats,
          outDir: join(options.outRoot, options.params.asOf),
          only: options.only,
          printer,
          commentaryDir: options.commentaryDir,
          onProgress: spec.scope === 'region' ? undefined : options.progress?.(spec),
        })),
      );
      // A variant's own variables (stage) must not leak into the next report's queries.
      for (const name of Object.keys(spec.variables)) await wh.run(`RESET VARIABLE ${name}`);
    }
    return files;
  } finally {
    if (ownPrinter) await printer?.close();
    wh.close();
  }
}
