import { parse } from 'yaml';
import { UserError } from '../cli/errors.js';

/** How a model is kept in the warehouse. */
export type Materialized = 'view' | 'table' | 'mart';
export type Severity = 'error' | 'warn';

/** One data test: a query over `this` returning the rows that break a rule. */
export interface TestSpec {
  /** Unique within the model. */
  name: string;
  description: string;
  severity: Severity;
  /** The generic test's kind, or 'sql' for a custom assertion. */
  kind: 'not_null' | 'unique' | 'accepted_values' | 'accepted_range' | 'relationships' | 'grain' | 'sql';
  column?: string;
  columns?: string[];
  values?: (string | number | boolean)[];
  min?: number;
  max?: number;
  to?: string;
  field?: string;
  sql?: string;
}

/** What a model's `.yml` says: description, materialisation, grain, column descriptions, tests. */
export interface ModelSpec {
  description: string;
  materialized?: Materialized;
  grain: string[];
  columns: Map<string, string>;
  tests: TestSpec[];
}

const GENERIC = ['not_null', 'unique', 'accepted_values', 'accepted_range', 'relationships'] as const;
type Generic = (typeof GENERIC)[number];

const GENERIC_RU: Record<Generic, (t: TestSpec) => string> = {
  not_null: (t) => `«${t.column}» заполнен`,
  unique: (t) => `«${t.column}» не повторяется`,
  accepted_values: (t) => `«${t.column}» — одно из: ${(t.values ?? []).join(', ')}`,
  accepted_range: (t) => `«${t.column}» в пределах ${t.min ?? '−∞'}…${t.max ?? '+∞'}`,
  relationships: (t) => `каждое значение «${t.column}» есть в ${t.to}.${t.field}`,
};

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a model's `.yml`; a mistake in it is the model author's to fix, named with its file. */
export function parseModelSpec(text: string, file: string): ModelSpec {
  const fail = (what: string): never => {
    throw new UserError(`Описание модели «${file}»: ${what}.`);
  };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return fail(`не удалось прочитать YAML — ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc)) return fail('ожидается словарь с ключами description, columns, tests');
  const description = typeof doc.description === 'string' ? doc.description.trim() : '';
  if (!description) fail('нет описания (description)');
  const materialized = doc.materialized as Materialized | undefined;
  if (materialized !== undefined && !['view', 'table', 'mart'].includes(materialized))
    fail(`materialized: «${String(materialized)}» — допустимо view, table, mart`);
  const grain = doc.grain === undefined ? [] : doc.grain;
  if (!Array.isArray(grain) || grain.some((g) => typeof g !== 'string')) fail('grain — список столбцов');

  const columns = new Map<string, string>();
  const tests: TestSpec[] = [];
  const columnsRaw = doc.columns ?? {};
  if (!isObject(columnsRaw)) return fail('columns — словарь «столбец: описание»');
  for (const [column, value] of Object.entries(columnsRaw)) {
    if (typeof value === 'string') {
      columns.set(column, value);
      continue;
    }
    if (!isObject(value)) return fail(`столбец «${column}»: ожидается описание или словарь`);
    columns.set(column, typeof value.description === 'string' ? value.description : '');
    const list = value.tests ?? [];
    if (!Array.isArray(list)) return fail(`столбец «${column}»: tests — список`);
    for (const entry of list) tests.push(genericTest(column, entry, fail));
  }
  if ((grain as string[]).length) {
    tests.push({
      name: 'grain',
      kind: 'grain',
      columns: grain as string[],
      severity: 'error',
      description: `одна строка на ${(grain as string[]).join(', ')}`,
    });
  }
  const custom = doc.tests ?? [];
  if (!Array.isArray(custom)) return fail('tests — список проверок');
  for (const t of custom) {
    if (!isObject(t) || typeof t.name !== 'string' || typeof t.sql !== 'string')
      return fail('каждая проверка в tests — словарь с name и sql');
    tests.push({
      name: t.name,
      kind: 'sql',
      sql: t.sql,
      severity: severity(t.severity, t.name, fail),
      description: typeof t.description === 'string' ? t.description : t.name,
    });
  }
  const seen = new Set<string>();
  for (const t of tests) {
    if (seen.has(t.name)) fail(`проверка «${t.name}» повторяется`);
    seen.add(t.name);
  }
  return { description, materialized, grain: grain as string[], columns, tests };
}

function genericTest(column: string, entry: unknown, fail: (what: string) => never): TestSpec {
  const [kind, args] =
    typeof entry === 'string'
      ? [entry, {}]
      : isObject(entry)
        ? (Object.entries(entry)[0] ?? ['', {}])
        : ['', {}];
  if (!GENERIC.includes(kind as Generic))
    fail(`столбец «${column}»: неизвестная проверка «${kind}» (допустимо ${GENERIC.join(', ')})`);
  const a = (isObject(args) ? args : {}) as Raw;
  const test: TestSpec = {
    name: `${kind}_${column}`,
    kind: kind as Generic,
    column,
    severity: severity(a.severity, `${kind}_${column}`, fail),
    description: '',
  };
  if (kind === 'accepted_values') {
    if (!Array.isArray(a.values)) fail(`столбец «${column}»: accepted_values требует values: [...]`);
    test.values = a.values as TestSpec['values'];
  }
  if (kind === 'accepted_range') {
    if (a.min === undefined && a.max === undefined)
      fail(`столбец «${column}»: accepted_range требует min и/или max`);
    test.min = a.min as number | undefined;
    test.max = a.max as number | undefined;
  }
  if (kind === 'relationships') {
    if (typeof a.to !== 'string' || typeof a.field !== 'string')
      fail(`столбец «${column}»: relationships требует to и field`);
    test.to = a.to as string;
    test.field = a.field as string;
  }
  test.description = GENERIC_RU[kind as Generic](test);
  return test;
}

function severity(value: unknown, test: string, fail: (what: string) => never): Severity {
  if (value === undefined) return 'error';
  if (value !== 'error' && value !== 'warn') fail(`проверка «${test}»: severity — error или warn`);
  return value as Severity;
}
