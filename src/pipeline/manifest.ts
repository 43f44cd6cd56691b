import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { skippedTotal } from '../ingest/result.js';
import { writeAtomic } from '../reports/render.js';
import { projectPath } from '../warehouse/paths.js';
import { referenceFiles } from '../warehouse/reference.js';
import type { PipelineResult, PreviousRun } from './run-pipeline.js';

/** The rejects written for each municipality to fix. */
export interface RejectFile {
  municipality: string;
  path: string;
  values: number;
}

const round = (s: number) => Math.round(s * 1000) / 1000;

/**
 * out/<as-of>/manifest.json: what a run read (each input with its checksum, snapshot date and row
 * counts), built, tested and wrote, with the versions of the project and its reference tables.
 */
export function buildManifest(run: PipelineResult, rejects: RejectFile[], outDir: string, exitCode: number) {
  const version = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string })
    .version;
  const rel = (p: string) => relative(outDir, p).split('\\').join('/');
  return {
    pipeline: run.pipeline.name,
    generated_at: new Date().toISOString(),
    project_version: version,
    parameters: { year: run.params.year, as_of: run.params.asOf },
    reference_tables: referenceFiles().map((r) => ({ name: r.name, sha256: r.sha256 })),
    exit_code: exitCode,
    state: run.state,
    reused_from_previous_run: run.reused,
    seconds: round(run.seconds),
    steps: run.steps.map((s) => ({ ...s, seconds: round(s.seconds) })),
    inputs: run.files.map((f) => ({
      path: relative(run.input, f.path).split('\\').join('/'),
      sha256: f.sha256 ?? null,
      source: f.source ?? null,
      status: f.status,
      version: f.batchId ?? null,
      snapshot_date: f.snapshot?.raw ?? f.snapshotDate ?? null,
      rows: { read: f.read, loaded: f.loaded, rejected: f.rejected, skipped: skippedTotal(f) },
      error: f.error ?? null,
    })),
    models: run.models.map((m) => ({
      model: m.model,
      materialized: m.materialized,
      status: m.status,
      rows: m.rows,
      seconds: round(m.seconds),
    })),
    tests: run.tests.map((t) => ({
      model: t.model,
      test: t.test,
      description: t.description,
      severity: t.severity,
      status: t.status,
      failures: t.failures,
    })),
    reports: {
      due: run.reportsDue,
      stopped: run.reportsStopped ?? null,
      failed: run.reportsFailed ?? null,
      missing_sources: run.missing,
      files: run.reports.map((f) => ({
        report: f.report,
        copy: f.copy,
        format: f.format,
        path: rel(f.path),
      })),
    },
    rejects: rejects.map((r) => ({ municipality: r.municipality, values: r.values, path: rel(r.path) })),
  };
}

/**
 * What the last run for this date left (out/<as-of>/manifest.json): its state, tests, reports and
 * rejects, for a run in which nothing changed. Undefined when there is none, it cannot be read, or its
 * reports were not written (stopped by failed tests, no browser): a run after it writes them.
 */
export function readPreviousRun(outDir: string): (PreviousRun & { rejects: RejectFile[] }) | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    if (!m.state || m.reports.stopped || m.reports.failed) return undefined;
    return {
      state: m.state,
      tests: m.tests.map((t) => ({ ...t, auditTable: null })),
      reports: m.reports.files.map((f) => ({ ...f, path: join(outDir, f.path) })),
      rejects: m.rejects.map((r) => ({ ...r, path: join(outDir, r.path) })),
    };
  } catch {
    return undefined;
  }
}

export type Manifest = ReturnType<typeof buildManifest>;

export function writeManifest(manifest: ReturnType<typeof buildManifest>, outDir: string): string {
  const path = join(outDir, 'manifest.json');
  writeAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}
