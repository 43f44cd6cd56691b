import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../cli/errors.js';
import { readUserAliases } from '../ingest/aliases.js';
import { createContext } from '../ingest/context.js';
import { listInputFiles } from '../ingest/files.js';
import { runIngest } from '../ingest/ingest.js';
import type { FileResult } from '../ingest/result.js';
import type { RunParams } from '../models/params.js';
import { loadProject } from '../models/project.js';
import { type ModelResult, runModels } from '../models/run-models.js';
import { writeRunResults } from '../models/run-results.js';
import { runTests, type TestResult } from '../models/run-tests.js';
import { selectModels } from '../models/select.js';
import { checkWritableFolder } from '../output/write-file.js';
import { setReportVariables, sourceStates } from '../reports/data.js';
import type { ReportFile } from '../reports/render.js';
import { renderReports } from '../reports/run-reports.js';
import { loadReports, type ReportSpec } from '../reports/spec.js';
import { projectPath } from '../warehouse/paths.js';
import { sqlFile } from '../warehouse/sql-file.js';
import { Warehouse } from '../warehouse/warehouse.js';
import { matchesPattern, type PipelineSpec } from './definition.js';
import { runState } from './run-state.js';

export type StepName = 'ingest' | 'models' | 'tests' | 'reports';

/** What the last run for the same date left in out/<as-of>/manifest.json that a run may reuse. */
export interface PreviousRun {
  state: string;
  tests: TestResult[];
  reports: ReportFile[];
}

/** What a run tells its caller as it goes (the CLI prints it; tests and benchmarks listen). */
export interface PipelineEffects {
  step(step: StepName, title: string): void;
  file(result: FileResult, index: number, total: number): void;
  model(result: ModelResult): void;
  test(result: TestResult): void;
  reportProgress(spec: ReportSpec): (done: number, total: number) => void;
}

export interface PipelineOptions {
  db: string;
  /** The last run's outcome for the same date, if any. */
  previous?: PreviousRun;
  params: RunParams;
  input: string;
  outRoot: string;
  snapshotDate?: string;
  /** Write the reports even after error-level test failures. */
  force: boolean;
  commentaryDir: string;
}

export interface StepTiming {
  step: StepName;
  seconds: number;
  /** unchanged: nothing it depends on changed since the last run, its outcome is taken from there. */
  status: 'done' | 'skipped' | 'stopped' | 'unchanged' | 'failed';
}

/** Everything a run did, for the summary, the manifest and the exit code. */
export interface PipelineResult {
  pipeline: PipelineSpec;
  params: RunParams;
  input: string;
  files: FileResult[];
  models: ModelResult[];
  tests: TestResult[];
  reportsDue: string[];
  reports: ReportFile[];
  /** Sources a due report needs that have no file as of the date: «Нет данных» in it. */
  missing: { report: string; sources: string[] }[];
  /** Why the reports were not written (error-level test failures without --force). */
  reportsStopped?: string;
  /** Why writing the reports failed (no browser, a template mistake). */
  reportsFailed?: string;
  steps: StepTiming[];
  seconds: number;
  /** The run state (run-state.ts) the manifest keeps for the next run. */
  state: string;
  /** Tests and reports taken from the last run (nothing changed). */
  reused: boolean;
}

/** The files of the inbox grouped by the source a pattern of the pipeline gives them (undefined: guessed). */
function filesBySource(spec: PipelineSpec, input: string): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const path of listInputFiles([input], spec.exclude)) {
    const rel = relative(input, path);
    const source = Object.entries(spec.sources).find(([, patterns]) =>
      patterns.some((p) => matchesPattern(rel, p)),
    )?.[0];
    groups.set(source, [...(groups.get(source) ?? []), path]);
  }
  return groups;
}

async function timed<T>(steps: StepTiming[], step: StepName, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  steps.push({ step, seconds: (performance.now() - started) / 1000, status: 'done' });
  return result;
}

async function ingestStep(
  wh: Warehouse,
  spec: PipelineSpec,
  options: PipelineOptions,
  effects: PipelineEffects,
) {
  const aliases = readUserAliases(projectPath('pipelines/aliases.csv'));
  const groups = filesBySource(spec, options.input);
  const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const results: FileResult[] = [];
  for (const [source, files] of groups) {
    const ctx = createContext(aliases, { flags: { snapshotDate: options.snapshotDate, set: {} }, source });
    const offset = results.length;
    results.push(...(await runIngest(wh, files, ctx, (r, i) => effects.file(r, offset + i, total))));
  }
  return results;
}

async function dueReports(wh: Warehouse, spec: PipelineSpec, all: ReportSpec[]): Promise<ReportSpec[]> {
  if (spec.reports === 'all') return all;
  const names =
    spec.reports === 'due'
      ? (await wh.rows<{ report: string }>(sqlFile('runner/due-reports.sql'))).map((r) => r.report)
      : spec.reports;
  return names.map((n) => {
    const found = all.find((r) => r.name === n);
    if (!found) throw new Error(`report «${n}» of the pipeline is not in report-templates/`);
    return found;
  });
}

/** The sources each report needs that have no file as of the date (its «Нет данных» sections). */
async function missingSources(wh: Warehouse, reports: ReportSpec[], params: RunParams) {
  const out: { report: string; sources: string[] }[] = [];
  for (const r of reports) {
    await setReportVariables(wh, r, params, undefined);
    const sources = (await sourceStates(wh, r)).filter((s) => s.files_year === 0).map((s) => s.source);
    if (sources.length) out.push({ report: r.name, sources });
  }
  return out;
}

/**
 * The monthly run: ingest the inbox → build the models → test them → write the reports due. The
 * warehouse is held for writing through the first three steps (a second run is refused by its lock);
 * each file and each mart lands in its own transaction, so a run stopped at any point leaves what was
 * done whole and the next run completes the rest. Reports read the warehouse read-only.
 */
export async function runPipeline(
  spec: PipelineSpec,
  options: PipelineOptions,
  effects: PipelineEffects,
): Promise<PipelineResult> {
  const started = performance.now();
  const steps: StepTiming[] = [];
  const result: PipelineResult = {
    pipeline: spec,
    params: options.params,
    input: resolve(options.input),
    files: [],
    models: [],
    tests: [],
    reportsDue: [],
    reports: [],
    missing: [],
    steps,
    seconds: 0,
    state: '',
    reused: false,
  };
  const project = loadProject();
  const names = selectModels(project, spec.models === 'all' ? [] : spec.models);
  const allReports = loadReports();
  let due: ReportSpec[] = [];

  // A read-only folder or a file in the way is said before the inbox is loaded, not after.
  checkWritableFolder(join(options.outRoot, options.params.asOf));
  const wh = await Warehouse.open(options.db, { memoryLimit: spec.memoryLimit });
  try {
    effects.step('ingest', `Загрузка: ${result.input}`);
    result.files = await timed(steps, 'ingest', () => ingestStep(wh, spec, options, effects));

    effects.step('models', `Модели за ${options.params.year} год по состоянию на ${options.params.asOf}`);
    const modelsStarted = performance.now();
    result.models = await timed(steps, 'models', () =>
      runModels(wh, project, options.params, { names, onResult: (r) => effects.model(r) }),
    );
    writeRunResults(
      options.outRoot,
      options.params,
      spec.models === 'all' ? [] : spec.models,
      result.models,
      (performance.now() - modelsStarted) / 1000,
    );

    result.state = await runState(wh, options.params, spec.name, options.commentaryDir);
    due = await dueReports(wh, spec, allReports);
    result.reportsDue = due.map((r) => r.name);
    result.missing = await missingSources(wh, due, options.params);
    const previous = options.previous;
    if (previous?.state === result.state && previous.reports.every((f) => existsSync(f.path))) {
      // Nothing the tests and reports follow from has changed: the last run's stand.
      result.reused = true;
      result.tests = previous.tests;
      result.reports = previous.reports;
      steps.push(
        { step: 'tests', seconds: 0, status: 'unchanged' },
        { step: 'reports', seconds: 0, status: 'unchanged' },
      );
      result.seconds = (performance.now() - started) / 1000;
      return result;
    }
    if (spec.tests) {
      effects.step('tests', 'Проверки данных');
      result.tests = await timed(steps, 'tests', () =>
        runTests(wh, project, options.params, names, (r) => effects.test(r)),
      );
    } else steps.push({ step: 'tests', seconds: 0, status: 'skipped' });
  } finally {
    wh.close();
  }

  const errors = result.tests.filter(
    (t) => t.status !== 'pass' && (t.severity === 'error' || t.status === 'error'),
  );
  if (errors.length && !options.force) {
    result.reportsStopped = `ошибок в проверках данных: ${errors.length}`;
    steps.push({ step: 'reports', seconds: 0, status: 'stopped' });
  } else if (due.length === 0) {
    steps.push({ step: 'reports', seconds: 0, status: 'skipped' });
  } else {
    effects.step('reports', `Отчёты: ${due.map((r) => r.name).join(', ')}`);
    const reportsStarted = performance.now();
    try {
      result.reports = await renderReports({
        db: options.db,
        reports: due,
        params: options.params,
        formats: ['pdf', 'html', 'xlsx'],
        outRoot: options.outRoot,
        commentaryDir: options.commentaryDir,
        progress: effects.reportProgress,
      });
      steps.push({ step: 'reports', seconds: (performance.now() - reportsStarted) / 1000, status: 'done' });
    } catch (error) {
      // No browser, a broken template: the loaded data and the models stand; the run says why the
      // reports are missing and its manifest is still written.
      if (!(error instanceof UserError)) throw error;
      result.reportsFailed = error.message;
      steps.push({ step: 'reports', seconds: (performance.now() - reportsStarted) / 1000, status: 'failed' });
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
