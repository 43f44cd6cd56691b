import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { contractBySource } from '../ingest/contracts/index.js';
import { skippedTotal } from '../ingest/result.js';
import { registerHelpers } from '../reports/helpers.js';
import type { ReportFile } from '../reports/render.js';
import { writeAtomic } from '../reports/render.js';
import { loadReports, SHARED_DIR } from '../reports/spec.js';
import { loadSettings } from '../reports/templates.js';
import type { RejectFile } from './manifest.js';
import type { PipelineResult } from './run-pipeline.js';

const LABEL: Record<ReportFile['format'], string> = {
  pdf: 'PDF',
  html: 'HTML',
  xlsx: 'XLSX',
  'xlsx-restricted': 'XLSX (ДСП)',
};

const href = (outDir: string, path: string) =>
  relative(outDir, path).split(/[\\/]/).map(encodeURIComponent).join('/');

/** The reports of a run, each with its links (region) or its copies with theirs (schools, municipalities). */
function reportRows(files: ReportFile[], outDir: string, titles: Map<string, string>) {
  const byReport = new Map<string, ReportFile[]>();
  for (const f of files) byReport.set(f.report, [...(byReport.get(f.report) ?? []), f]);
  const links = (list: ReportFile[]) =>
    ['pdf', 'html', 'xlsx', 'xlsx-restricted'].flatMap((format) =>
      list
        .filter((f) => f.format === format)
        .map((f) => ({ href: href(outDir, f.path), label: LABEL[f.format] })),
    );
  return [...byReport].map(([report, list]) => {
    const copies = new Map<string, ReportFile[]>();
    for (const f of list) if (f.copy !== 'region') copies.set(f.copy, [...(copies.get(f.copy) ?? []), f]);
    return {
      title: titles.get(report) ?? report,
      links: links(list),
      copies: [...copies].map(([copy, mine]) => ({
        // The file name says whom the copy is about: «<login> <name>».
        label: (mine[0].path.split(/[\\/]/).pop() ?? copy).replace(/\.[^.]+$/, ''),
        links: links(mine),
      })),
    };
  });
}

/** out/<as-of>/index.html: every report of the run and the rejects for each municipality, one page. */
export function writeIndexHtml(
  run: PipelineResult,
  rejects: RejectFile[],
  outDir: string,
  exitCode: number,
): string {
  const hb = Handlebars.create();
  registerHelpers(hb, loadSettings());
  const template = hb.compile(readFileSync(join(SHARED_DIR, 'run-index.hbs'), 'utf8'));
  const count = <T>(list: T[], test: (x: T) => boolean) => list.filter(test).length;
  const titles = new Map(loadReports().map((r) => [r.name, r.title]));
  const html = template({
    title: run.pipeline.title,
    params: run.params,
    input: run.input,
    generated: new Date().toLocaleString('ru-RU'),
    seconds: run.seconds,
    exitCode,
    files: {
      total: run.files.length,
      loaded: count(run.files, (f) => f.status === 'loaded'),
      unchanged: count(run.files, (f) => f.status === 'unchanged'),
      failed: count(run.files, (f) => f.status === 'failed'),
    },
    rows: {
      read: run.files.reduce((n, f) => n + f.read, 0),
      loaded: run.files.reduce((n, f) => n + f.loaded, 0),
      rejected: run.files.reduce((n, f) => n + f.rejected, 0),
      skipped: run.files.reduce((n, f) => n + skippedTotal(f), 0),
    },
    models: {
      total: run.models.length,
      built: count(run.models, (m) => m.status === 'built'),
      up_to_date: count(run.models, (m) => m.status === 'up_to_date'),
      failed: count(run.models, (m) => m.status === 'error' || m.status === 'skipped'),
    },
    tests: {
      total: run.tests.length,
      pass: count(run.tests, (t) => t.status === 'pass'),
      warnings: count(run.tests, (t) => t.status === 'fail' && t.severity === 'warn'),
      errors: count(
        run.tests,
        (t) => t.status !== 'pass' && (t.severity === 'error' || t.status === 'error'),
      ),
    },
    stopped: run.reportsStopped,
    failed: run.reportsFailed,
    missing: run.missing.map((m) => ({
      title: titles.get(m.report) ?? m.report,
      sources: m.sources.map((s) => `«${contractBySource(s)?.title ?? s}»`),
    })),
    reports: reportRows(run.reports, outDir, titles),
    rejects: rejects.map((r) => ({ ...r, href: href(outDir, r.path) })),
  });
  const path = join(outDir, 'index.html');
  writeAtomic(path, html);
  return path;
}
