import { join } from 'node:path';
import { UserError } from '../cli/errors.js';
import type { RunParams } from '../models/params.js';
import { keyedFileName } from '../output/file-name.js';
import { removeOutput, writeFileAtomic } from '../output/write-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { PdfPrinter } from './browser.js';
import { externalDatasets, renderChart } from './charts.js';
import { readCommentary } from './commentary.js';
import { type Copy, loadReportData, type ReportData } from './data.js';
import { renderDocument, renderParts, type TemplateContext, withPages } from './document.js';
import { pdfBookmarks } from './pdf-outline.js';
import type { ReportSpec } from './spec.js';
import { loadSettings, reportHandlebars } from './templates.js';
import { writeReportXlsx } from './xlsx.js';

export type Format = 'pdf' | 'html' | 'xlsx';
export const FORMATS: readonly Format[] = ['pdf', 'html', 'xlsx'];

export interface RenderOptions {
  formats: readonly Format[];
  /** The as-of folder: out/<as-of>. */
  outDir: string;
  /** One school (login) or municipality (code) only. */
  only?: string;
  /** Needed when formats include pdf. */
  printer?: PdfPrinter;
  /** Where the analyst's commentary/<report>/<as-of>.md files are. */
  commentaryDir: string;
  onProgress?: (done: number, total: number) => void;
}

/** A file a report wrote. */
export interface ReportFile {
  report: string;
  /** 'region', a school login or a municipality code. */
  copy: string;
  format: Format | 'xlsx-restricted';
  path: string;
}

/** Writes a file whole or not at all: a reader never finds half a PDF under the final name. */
export const writeAtomic = writeFileAtomic;

/** The path of a copy without extension: out/<as-of>/<report> for the region, else a folder of copies. */
export function copyBasePath(spec: ReportSpec, copy: Copy, outDir: string): string {
  if (spec.scope === 'region') return join(outDir, spec.name);
  const name = String(
    copy.target.school_short_name ?? copy.target.school_name ?? copy.target.municipality ?? '',
  );
  // The key first, checksummed when it is not plain (codes «03/1» and «03:1»): two copies never share a file.
  const file = keyedFileName(copy.key, name);
  const group =
    spec.scope === 'school' && copy.target.municipality_code
      ? keyedFileName(String(copy.target.municipality_code))
      : '';
  return join(outDir, spec.name, group, file);
}

/** The datasets templates may read: without the queries that only restricted tables show. */
function visibleData(spec: ReportSpec, data: Copy['data']): Copy['data'] {
  const restrictedOnly = new Set(
    spec.tables
      .filter((t) => t.restricted)
      .map((t) => t.query)
      .filter((q) => !spec.tables.some((t) => !t.restricted && t.query === q)),
  );
  return Object.fromEntries(Object.entries(data).filter(([name]) => !restrictedOnly.has(name)));
}

async function renderCharts(spec: ReportSpec, copy: Copy): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [name, chart] of spec.charts) {
    const needed = [...externalDatasets(chart)];
    // A chart of the report's rows is left out when a dataset it reads is empty.
    if (needed.some((d) => (copy.data[d]?.length ?? 0) === 0)) {
      out[name] = null;
      continue;
    }
    try {
      out[name] = await renderChart(chart, copy.data);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(
        `Отчёт «${spec.name}», диаграмма charts/${name}.vl.json не строится: ${(error as Error).message}. ` +
          'Проверьте спецификацию Vega-Lite (поля, типы, отметки).',
      );
    }
  }
  return out;
}

/** Whether a full run may clear a report's folder of copies written before (a school that left the list). */
function clearCopies(spec: ReportSpec, options: RenderOptions): void {
  if (spec.scope !== 'region' && options.only === undefined) {
    removeOutput(join(options.outDir, spec.name));
  }
}

async function renderCopy(
  spec: ReportSpec,
  data: ReportData,
  copy: Copy,
  params: RunParams,
  options: RenderOptions,
  hb: ReturnType<typeof reportHandlebars>,
  settings: Record<string, unknown>,
): Promise<ReportFile[]> {
  const ctx: TemplateContext = {
    settings,
    report: {
      name: spec.name,
      title: spec.title,
      heading: spec.heading,
      long: spec.long,
      kind: spec.kind,
      scope: spec.scope,
    },
    params,
    target: copy.target,
    // Rows only a table «для служебного пользования» shows never reach the templates or charts.
    data: visibleData(spec, copy.data),
    charts: await renderCharts(spec, copy),
    sources: data.sources,
    reference: data.reference,
  };
  // The heading may name the year or the copy: «по итогам реализации проекта в {{params.year}} году».
  ctx.report.heading = hb.compile(spec.heading, { noEscape: true })(ctx);
  const commentary =
    spec.scope === 'region' ? readCommentary(options.commentaryDir, spec.name, params.asOf) : undefined;
  const parts = renderParts(hb, spec, ctx, commentary);
  const html = renderDocument(hb, ctx, parts);
  const base = copyBasePath(spec, copy, options.outDir);
  const files: ReportFile[] = [];
  const add = (format: ReportFile['format'], path: string) =>
    files.push({ report: spec.name, copy: copy.key, format, path });
  if (options.formats.includes('html')) {
    writeAtomic(`${base}.html`, html);
    add('html', `${base}.html`);
  }
  if (options.formats.includes('pdf')) {
    if (!options.printer) throw new Error('a PdfPrinter is needed for PDF output');
    let pdf = await options.printer.print(html);
    if (spec.long && parts.contents.length > 0) {
      // The contents' page numbers: print, read where the headings fell, print again.
      const paged = withPages(parts.contents, pdfBookmarks(pdf));
      pdf = await options.printer.print(renderDocument(hb, ctx, parts, paged));
    }
    writeAtomic(`${base}.pdf`, pdf);
    add('pdf', `${base}.pdf`);
  }
  if (options.formats.includes('xlsx')) {
    for (const written of await writeReportXlsx(spec, copy, params, base)) add(written.format, written.path);
  }
  return files;
}

/** Renders every copy of a report for (year, as of) in the formats asked; returns the files written. */
export async function renderReport(
  wh: Warehouse,
  spec: ReportSpec,
  params: RunParams,
  options: RenderOptions,
): Promise<ReportFile[]> {
  const data = await loadReportData(wh, spec, params, options.only);
  const settings = loadSettings();
  const hb = reportHandlebars(spec, settings);
  const files: ReportFile[] = [];
  let next = 0;
  let done = 0;
  let failure: unknown;
  clearCopies(spec, options);
  options.onProgress?.(0, data.copies.length);
  // As many copies in flight as the printer has pages; templates and charts run in between. The first
  // error stops every worker before its next copy.
  const width = Math.max(1, Math.min(options.printer?.size ?? 2, data.copies.length));
  const workers = Array.from({ length: width }, async () => {
    while (failure === undefined && next < data.copies.length) {
      const copy = data.copies[next++];
      try {
        files.push(...(await renderCopy(spec, data, copy, params, options, hb, settings)));
      } catch (error) {
        failure ??= error;
        return;
      }
      options.onProgress?.(++done, data.copies.length);
    }
  });
  await Promise.allSettled(workers);
  if (failure !== undefined) throw failure;
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
