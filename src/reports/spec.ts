import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../cli/errors.js';
import type { Column, ColumnKind } from '../output/column.js';
import { projectPath } from '../warehouse/paths.js';

/** Whom one copy of a report is about: the region, each participant school, each municipality. */
export type Scope = 'region' | 'school' | 'municipality';

/** A table of a report: shown in the HTML/PDF by the `table` partial and written as an XLSX sheet. */
export interface TableSpec {
  name: string;
  /** The query whose rows it shows. */
  query: string;
  /** Caption above the table and the sheet name. */
  title: string;
  columns: Column[];
  /** Named lists «для служебного пользования»: only in a separate XLSX, never in HTML or PDF. */
  restricted: boolean;
}

/** What a report folder's `report.yml` says, one per variant. */
export interface ReportSpec {
  /** The report's name on the command line and in `report_calendar` (a variant's name). */
  name: string;
  /** Its folder in report-templates/. */
  dir: string;
  /** Short title for lists («Показатели для контроля включенности региона»). */
  title: string;
  /** The heading of the note: «Аналитическая справка по итогам …». */
  heading: string;
  scope: Scope;
  /** Long notes get a title page and contents. */
  long: boolean;
  /** Query files (queries/*.sql) by name; a school or municipality report's rows carry its key. */
  queries: Map<string, string>;
  /** Queries whose rows are the same for every copy (regional figures to compare with). */
  shared: Set<string>;
  /** Chart specs (charts/*.vl.json) by name. */
  charts: Map<string, object>;
  tables: TableSpec[];
  /** Session variables the queries read with getvariable() (a variant's own, e.g. stage). */
  variables: Record<string, string | number>;
  /** Who reads it (DOMAIN §5), for the list. */
  reader: string;
  /** The kind of document above the heading («Аналитическая справка»; empty: none). */
  kind: string;
}

export const TEMPLATES_DIR = projectPath('report-templates');
export const SHARED_DIR = join(TEMPLATES_DIR, '_shared');

const KINDS: ColumnKind[] = ['text', 'integer', 'decimal', 'percent', 'date', 'datetime', 'boolean'];
const SCOPES: Scope[] = ['region', 'school', 'municipality'];

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseColumns(raw: unknown, fail: (what: string) => never, table: string): Column[] {
  if (!Array.isArray(raw) || raw.length === 0) fail(`таблица «${table}»: columns — непустой список`);
  return (raw as unknown[]).map((c) => {
    if (!isObject(c) || typeof c.key !== 'string' || typeof c.title !== 'string')
      fail(`таблица «${table}»: у столбца нужны key и title`);
    const col = c as Raw;
    const kind = (col.kind ?? 'text') as ColumnKind;
    if (!KINDS.includes(kind))
      fail(`таблица «${table}», столбец «${col.key}»: kind «${kind}» — одно из ${KINDS.join(', ')}`);
    const column: Column = { key: col.key as string, title: col.title as string, kind };
    if (typeof col.digits === 'number') column.digits = col.digits;
    return column;
  });
}

function readJson(path: string, fail: (what: string) => never): object {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as object;
  } catch (error) {
    return fail(`файл ${basename(path)}: ${(error as Error).message}`);
  }
}

/** Reads one report folder; a folder with `variants` gives one report per variant. */
export function loadReportFolder(dir: string): ReportSpec[] {
  const folder = basename(dir);
  const fail = (what: string): never => {
    throw new UserError(`Отчёт «${folder}» (report-templates/${folder}/report.yml): ${what}.`);
  };
  let doc: unknown;
  try {
    doc = parse(readFileSync(join(dir, 'report.yml'), 'utf8'));
  } catch (error) {
    return fail(`не удалось прочитать YAML — ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc)) return fail('ожидается словарь');
  for (const key of ['title', 'heading'])
    if (typeof doc[key] !== 'string' || !(doc[key] as string).trim()) fail(`нет ${key}`);
  const scope = (doc.scope ?? 'region') as Scope;
  if (!SCOPES.includes(scope)) fail(`scope «${scope}» — одно из ${SCOPES.join(', ')}`);
  if (!existsSync(join(dir, 'template.hbs'))) fail('нет template.hbs');

  const queries = new Map<string, string>();
  const queryDir = join(dir, 'queries');
  if (existsSync(queryDir)) {
    for (const f of readdirSync(queryDir).sort()) {
      if (f.endsWith('.sql')) queries.set(basename(f, '.sql'), readFileSync(join(queryDir, f), 'utf8'));
    }
  }
  const charts = new Map<string, object>();
  const chartDir = join(dir, 'charts');
  if (existsSync(chartDir)) {
    for (const f of readdirSync(chartDir).sort()) {
      if (f.endsWith('.vl.json')) charts.set(basename(f, '.vl.json'), readJson(join(chartDir, f), fail));
    }
  }
  const shared = new Set<string>(Array.isArray(doc.shared) ? (doc.shared as string[]) : []);
  for (const q of shared) if (!queries.has(q)) fail(`shared: нет запроса queries/${q}.sql`);

  const tables: TableSpec[] = [];
  const tablesRaw = doc.tables ?? {};
  if (!isObject(tablesRaw)) return fail('tables — словарь «имя: {query, title, columns}»');
  for (const [name, t] of Object.entries(tablesRaw)) {
    if (!isObject(t)) return fail(`таблица «${name}»: ожидается словарь`);
    // A misspelt key must not pass silently: «restrcted: true» would put named lists into the PDF.
    const unknown = Object.keys(t).filter((k) => !['query', 'title', 'columns', 'restricted'].includes(k));
    if (unknown.length)
      fail(
        `таблица «${name}»: неизвестный ключ «${unknown[0]}» (допустимо query, title, columns, restricted)`,
      );
    const query = typeof t.query === 'string' ? t.query : name;
    if (!queries.has(query)) fail(`таблица «${name}»: нет запроса queries/${query}.sql`);
    if (typeof t.title !== 'string') fail(`таблица «${name}»: нет title`);
    tables.push({
      name,
      query,
      title: t.title as string,
      columns: parseColumns(t.columns, fail, name),
      restricted: t.restricted === true,
    });
  }

  const base = {
    dir,
    title: (doc.title as string).trim(),
    heading: (doc.heading as string).trim(),
    scope,
    long: doc.long === true,
    queries,
    shared,
    charts,
    tables,
    reader: typeof doc.reader === 'string' ? doc.reader : '',
    kind: typeof doc.kind === 'string' ? doc.kind : 'Аналитическая справка',
  };
  const variants = doc.variants;
  if (variants === undefined) return [{ ...base, name: folder, variables: {} }];
  if (!isObject(variants)) return fail('variants — словарь «имя: {title, heading, variables}»');
  return Object.entries(variants).map(([name, v]) => {
    if (!isObject(v)) return fail(`вариант «${name}»: ожидается словарь`);
    const variables = isObject(v.variables) ? (v.variables as Record<string, string | number>) : {};
    return {
      ...base,
      name,
      title: typeof v.title === 'string' ? v.title : base.title,
      heading: typeof v.heading === 'string' ? v.heading : base.heading,
      variables,
    };
  });
}

/** Every report of report-templates/ (folders starting with `_` hold what reports share). */
export function loadReports(root = TEMPLATES_DIR): ReportSpec[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(root, d.name, 'report.yml')))
    .map((d) => d.name)
    .sort()
    .flatMap((name) => loadReportFolder(join(root, name)));
}

/** One report by name, or a Russian message listing the names there are. */
export function findReport(name: string, root = TEMPLATES_DIR): ReportSpec {
  const all = loadReports(root);
  const found = all.find((r) => r.name === name);
  if (!found) {
    throw new UserError(
      `Отчёт «${name}» не найден. Отчёты: ${all.map((r) => r.name).join(', ')} (shnor report --list).`,
    );
  }
  return found;
}
