import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.js';
import { contractBySource } from '../ingest/contracts/index.js';
import type { RunParams } from '../models/params.js';
import { literal } from '../warehouse/quote.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { type ReportSpec, SHARED_DIR } from './spec.js';

export type Row = Record<string, unknown>;
export type Datasets = Record<string, Row[]>;

/** One of the sources a report needs, and what was loaded of it as of the date (the appendix). */
export interface SourceState {
  source: string;
  /** The export's Russian name («протокол ВПР»). */
  title: string;
  files: number;
  /** Files of the report's year (or of a source without years): none means «Нет данных». */
  files_year: number;
  first_snapshot: string | null;
  last_snapshot: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_skipped: number;
}

/** One copy of a report: the region, a school or a municipality, with its rows. */
export interface Copy {
  /** school_login, municipality_code, or 'region'. */
  key: string;
  /** The copy's row of the `targets` query (names for the heading and the file). */
  target: Row;
  data: Datasets;
}

export interface ReportData {
  copies: Copy[];
  sources: SourceState[];
  reference: { version: string; loaded_at: string | null };
}

/** The column that says which copy a row belongs to. */
export const KEY_COLUMN = { school: 'school_login', municipality: 'municipality_code' } as const;

/** A DuckDB value as plain JSON-like data for templates, charts and XLSX. */
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

async function query(wh: Warehouse, sql: string, what: string): Promise<Row[]> {
  try {
    const reader = await wh.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => plain(r) as Row);
  } catch (error) {
    const text = String((error as Error).message ?? error).split('\n')[0];
    throw new UserError(
      `${what}: запрос не выполнен — ${text}\nЕсли витрина не найдена, сначала рассчитайте модели: shnor models run.`,
    );
  }
}

const sharedSql = (name: string) => readFileSync(join(SHARED_DIR, 'queries', `${name}.sql`), 'utf8');

/** Sets the session variables the report's queries read: year, as_of, report, the copy and the variant's own. */
export async function setReportVariables(
  wh: Warehouse,
  spec: ReportSpec,
  params: RunParams,
  only: string | undefined,
): Promise<void> {
  const vars: Record<string, string | number | null> = {
    year: params.year,
    as_of: params.asOf,
    report: spec.name,
    school: spec.scope === 'school' ? (only ?? null) : null,
    municipality: spec.scope === 'municipality' ? (only ?? null) : null,
    ...spec.variables,
  };
  for (const [name, value] of Object.entries(vars)) {
    const sqlValue =
      value === null
        ? 'NULL'
        : name === 'as_of'
          ? `DATE ${literal(String(value))}`
          : typeof value === 'number'
            ? String(value)
            : literal(value);
    await wh.run(`SET VARIABLE ${name} = ${sqlValue}`);
  }
}

/** The sources a report needs (report_calendar) with what was loaded of each as of the date. */
export async function sourceStates(wh: Warehouse, spec: ReportSpec): Promise<SourceState[]> {
  const rows = await query(wh, sharedSql('data_quality'), `Отчёт «${spec.name}», сведения о данных`);
  return rows.map((r) => ({
    ...(r as unknown as SourceState),
    title: contractBySource(String(r.source))?.title ?? String(r.source),
  }));
}

/**
 * Runs a report's queries for (year, as of) and splits their rows into copies: one for the region;
 * for a school or municipality report, one per row of its `targets` query (or only `only`).
 */
export async function loadReportData(
  wh: Warehouse,
  spec: ReportSpec,
  params: RunParams,
  only?: string,
): Promise<ReportData> {
  await setReportVariables(wh, spec, params, only);
  const datasets: Datasets = {};
  for (const [name, sql] of spec.queries) {
    datasets[name] = await query(wh, sql, `Отчёт «${spec.name}», запрос queries/${name}.sql`);
  }
  const sources = await sourceStates(wh, spec);
  const [ref] = await query(wh, sharedSql('reference_version'), 'Версия справочников');
  const reference = { version: String(ref?.version ?? '—'), loaded_at: (ref?.loaded_at as string) ?? null };
  if (spec.scope === 'region')
    return { copies: [{ key: 'region', target: {}, data: datasets }], sources, reference };

  const keyColumn = KEY_COLUMN[spec.scope];
  const targets = datasets.targets;
  if (!targets)
    throw new UserError(`Отчёт «${spec.name}»: нужен запрос queries/targets.sql со списком ${keyColumn}.`);
  const byKey = new Map<string, Copy>();
  for (const target of targets) {
    const key = String(target[keyColumn]);
    if (only !== undefined && key !== only) continue;
    byKey.set(key, { key, target, data: {} });
  }
  if (only !== undefined && byKey.size === 0) {
    const what = spec.scope === 'school' ? 'Школа с логином' : 'Муниципалитет с кодом';
    throw new UserError(
      `${what} «${only}» не найден(а) среди адресатов отчёта «${spec.name}» за ${params.year} год.`,
    );
  }
  for (const copy of byKey.values()) {
    for (const name of spec.queries.keys()) copy.data[name] = spec.shared.has(name) ? datasets[name] : [];
  }
  for (const [name, rows] of Object.entries(datasets)) {
    if (spec.shared.has(name)) continue;
    let matched = 0;
    for (const row of rows) {
      if (!(keyColumn in row)) {
        throw new UserError(
          `Отчёт «${spec.name}», запрос queries/${name}.sql: нет столбца ${keyColumn} — ` +
            'добавьте его или объявите запрос общим (shared в report.yml).',
        );
      }
      const copy = byKey.get(String(row[keyColumn]));
      if (copy) {
        copy.data[name].push(row);
        matched++;
      }
    }
    // Rows of schools that are not copies (a comparison group) may pass by; rows of which none matches
    // a copy are a query mistake (a key of another type or spelling), not an empty section.
    if (only === undefined && rows.length > 0 && matched === 0) {
      throw new UserError(
        `Отчёт «${spec.name}», запрос queries/${name}.sql: ни одна из ${rows.length} строк не относится к адресатам ` +
          `queries/targets.sql (например, ${keyColumn} = «${String(rows[0][keyColumn])}»). Согласуйте тип и написание ключа.`,
      );
    }
  }
  return { copies: [...byKey.values()], sources, reference };
}

/** A value as a table column shows it: ISO date text back to a date for date columns. */
export function columnValue(value: unknown, kind: string | undefined): unknown {
  if (
    (kind === 'date' || kind === 'datetime') &&
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}/.test(value)
  ) {
    return new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
  }
  return value;
}
