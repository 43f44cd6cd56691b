import { readFileSync } from 'node:fs';
import { projectPath } from '../warehouse/paths.js';
import { ident, literal } from '../warehouse/quote.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { Fingerprints } from './fingerprint.js';
import { builtFingerprint } from './materialize.js';
import { type RunParams, setParamsSql } from './params.js';
import type { Model, Project } from './project.js';
import type { Severity, TestSpec } from './spec.js';

export type TestStatus = 'pass' | 'fail' | 'error';

export interface TestResult {
  test: string;
  model: string | null;
  description: string;
  severity: Severity;
  status: TestStatus;
  failures: number | null;
  /** Where the failing rows are kept (audit schema). */
  auditTable: string | null;
  message?: string;
}

/**
 * Runs the data tests of the selected models (and the singular tests that read them) against the
 * run's rows; failing rows are kept in `audit.<model>__<test>`, outcomes in `test_result`.
 */
export async function runTests(
  wh: Warehouse,
  project: Project,
  params: RunParams,
  names: string[],
  onResult?: (r: TestResult) => void,
): Promise<TestResult[]> {
  for (const sql of setParamsSql(params)) await wh.run(sql);
  const fingerprints = await Fingerprints.create(wh, params, project.models);
  const results: TestResult[] = [];
  const emit = async (r: TestResult) => {
    results.push(r);
    onResult?.(r);
  };
  const selected = new Set(names);
  for (const name of names) {
    const model = project.models.get(name) as Model;
    const missing =
      (await notBuilt(wh, model, params)) ??
      (model.materialized !== 'view' &&
      (await builtFingerprint(wh, model, params)) !== (await fingerprints.of(model))
        ? 'модель устарела: её запрос, входные данные или справочники изменились после расчёта — выполните shnor models run'
        : null);
    if (missing) {
      await emit({
        test: 'built',
        model: name,
        description: 'модель рассчитана',
        severity: 'error',
        status: 'error',
        failures: null,
        auditTable: null,
        message: missing,
      });
      continue;
    }
    // Computed once per model, not once per test (a staging view would re-read its source each time).
    await wh.run(`CREATE OR REPLACE TEMP TABLE this AS ${runRows(model)}`);
    if (model.materialized === 'mart' && Number(await wh.value(sqlFile('runner/temp-this-rows.sql'))) === 0) {
      await emit({
        test: 'not_empty',
        model: name,
        description: 'в витрине есть строки за этот год и дату',
        severity: 'warn',
        status: 'fail',
        failures: 0,
        auditTable: null,
        message: 'витрина пуста: проверки по ней ничего не проверяют',
      });
    }
    for (const test of model.spec.tests) {
      const sql = genericSql(test, project);
      await emit(
        await check(wh, `${name}__${test.name}`, sql, test.description, test.severity, name, test.name),
      );
    }
  }
  await wh.run('DROP TABLE IF EXISTS temp.this');
  for (const t of project.tests) {
    if (selected.size < project.order.length && !t.dependsOn.some((d) => selected.has(d))) continue;
    await emit(await check(wh, t.name, t.sql, t.description, t.severity, null, t.name));
  }
  await record(wh, results, params);
  return results;
}

/** The outcomes of the run in test_result, in one transaction (one write instead of one per test). */
async function record(wh: Warehouse, results: TestResult[], params: RunParams): Promise<void> {
  await wh.transaction(async () => {
    const insert = await wh.connection.prepare(sqlFile('runner/test-result.sql'));
    for (const r of results) {
      insert.bind({
        test: r.model ? `${r.model}.${r.test}` : r.test,
        model: r.model,
        severity: r.severity,
        status: r.status,
        failures: r.failures,
        audit: r.auditTable,
        year: params.year,
        as_of: params.asOf,
        message: r.message ?? null,
      });
      await insert.run();
    }
  });
}

/** The rows of the run being tested: a mart's own (year, as_of), all rows of a view or table. */
function runRows(model: Model): string {
  return model.materialized === 'mart'
    ? `SELECT * FROM ${ident(model.name)} WHERE year = run_year() AND as_of = as_of_date()`
    : `SELECT * FROM ${ident(model.name)}`;
}

async function check(
  wh: Warehouse,
  audit: string,
  sql: string,
  description: string,
  severity: Severity,
  model: string | null,
  test: string,
): Promise<TestResult> {
  const base = { test, model, description, severity, auditTable: `audit.${audit}` };
  const table = `audit.${ident(audit)}`;
  try {
    // Counted first: most tests pass, and a read costs less than writing an empty audit table.
    const failures = Number(await wh.value(`SELECT count(*) FROM (${sql})`));
    if (failures === 0) {
      await wh.run(`DROP TABLE IF EXISTS ${table}`);
      return { ...base, status: 'pass', failures, auditTable: null };
    }
    await wh.run(`CREATE OR REPLACE TABLE ${table} AS ${sql}`);
    return { ...base, status: 'fail', failures };
  } catch (error) {
    return {
      ...base,
      status: 'error',
      failures: null,
      auditTable: null,
      message: String((error as Error).message),
    };
  }
}

async function notBuilt(wh: Warehouse, model: Model, params: RunParams): Promise<string | null> {
  const exists = await wh.value<bigint>(sqlFile('runner/model-exists.sql'), { model: model.name });
  if (Number(exists) === 0) return 'модель ещё не рассчитана: выполните shnor models run';
  if (model.materialized !== 'mart') return null;
  const built = await wh.rows(sqlFile('runner/model-build.sql'), {
    model: model.name,
    year: params.year,
    as_of: params.asOf,
  });
  return built.length === 0
    ? `витрина не рассчитана за ${params.year} год на ${params.asOf}: выполните shnor models run с теми же --year и --as-of`
    : null;
}

const templates = new Map<string, string>();
function template(kind: string): string {
  let t = templates.get(kind);
  if (t === undefined) {
    t = readFileSync(projectPath('sql/generic', `${kind}.sql`), 'utf8').trim();
    templates.set(kind, t);
  }
  return t;
}

/** A generic test's query from its template in sql/generic (identifiers quoted, values as literals). */
function genericSql(test: TestSpec, project: Project): string {
  if (test.kind === 'sql') return test.sql as string;
  const target = test.to ? project.models.get(test.to) : undefined;
  const fill: Record<string, string> = {
    column: test.column ? ident(test.column) : '',
    columns: (test.columns ?? []).map(ident).join(', '),
    values: (test.values ?? []).map((v) => literal(String(v))).join(', '),
    min: test.min === undefined ? "'-infinity'::DOUBLE" : String(Number(test.min)),
    max: test.max === undefined ? "'infinity'::DOUBLE" : String(Number(test.max)),
    to: target ? `(${runRows(target)})` : test.to ? ident(test.to) : '',
    field: test.field ? ident(test.field) : '',
  };
  return template(test.kind).replace(/:([a-z]+)\b/g, (m, key: string) => fill[key] ?? m);
}
