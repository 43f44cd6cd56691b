import { ident, literal } from '../../warehouse/quote.js';
import { fold } from '../aliases.js';
import { SQL_TYPE, UNPARSED } from '../parse/value.js';
import { MAX_CELL_CHARS, TOO_LONG_REASON } from '../read/xlsx-rows.js';
import { type ColumnSource, cell, type LoadPlan } from './plan.js';
import { rawColumns } from './raw-table.js';

/**
 * The load step's SQL, assembled from the contract (DESIGN: the only SQL TypeScript assembles).
 * Tables are TEMP: src (staged cells) → data (+ skip reason) → dict → typed → rejects; rows → raw_<source>.
 */

const blank = (e: string) => `(${e} IS NULL OR trim(${e}) = '')`;
/** The raw text of a column in the `data` view (`d`), or its constant. */
const rawOf = (s: ColumnSource) => (s.constant ? s.expr : `d.${s.expr}`);
const cells = (plan: LoadPlan) => Array.from({ length: plan.width }, (_, i) => cell(i));

/** Prefix tests need no string copies, unlike lower(): the spellings a total row starts with. */
const TOTAL_PREFIXES = ['Итого', 'ИТОГО', 'итого', 'Всего', 'ВСЕГО', 'всего'];

/** Why a staged row is skipped (DOMAIN §3.4): empty, a repeated header, «Итого»/«Всего»; NULL if not. */
function skipReason(plan: LoadPlan): string {
  const all = cells(plan);
  const headerCells = plan.match.header
    .map((h, i) => ({ h: fold(h ?? ''), i }))
    .filter((x) => x.h && x.i < plan.width);
  const threshold = Math.max(1, Math.ceil(headerCells.length / 2));
  const folded = (i: number) => `lower(replace(trim(${cell(i)}), 'ё', 'е'))`;
  // A repeated header: gated by its first header cell, so only candidate rows pay for the full count
  // (DuckDB evaluates the right side of AND only on rows the left side selected).
  const headerHits = headerCells.length
    ? `${folded(headerCells[0].i)} = ${literal(headerCells[0].h)} AND ` +
      `(${headerCells.map((x) => `(CASE WHEN ${folded(x.i)} = ${literal(x.h)} THEN 1 ELSE 0 END)`).join(' + ')}) >= ${threshold}`
    : 'false';
  const totals = all
    .slice(0, 3)
    // The cheap prefix test first; the word-boundary regex only on the few rows that pass it.
    .map(
      (c) =>
        `((${TOTAL_PREFIXES.map((p) => `starts_with(${c}, '${p}')`).join(' OR ')}) ` +
        `AND regexp_matches(lower(${c}), '^(итого|всего)([^а-я]|$)'))`,
    )
    .join(' OR ');
  return `CASE
    WHEN ${all.map(blank).join(' AND ')} THEN 'empty'
    WHEN ${headerHits} THEN 'header'
    WHEN ${totals || 'false'} THEN 'total'
  END`;
}

const continuationAt = (plan: LoadPlan) => {
  const key = plan.contract.continuationKey;
  return key ? plan.match.columns.get(key) : undefined;
};

/**
 * Skipped lines, before typing — only where continuation rows must be merged first (roadmaps).
 * Elsewhere the reason is a column of the typed rows (one pass fewer over a big file) and `skipped`
 * is a view over them (`skippedViewSql`).
 */
export function skippedSql(plan: LoadPlan): string | undefined {
  if (continuationAt(plan) === undefined) return undefined;
  return `CREATE OR REPLACE TEMP TABLE skipped AS
SELECT _line, reason FROM (SELECT _line, ${skipReason(plan)} AS reason FROM src) WHERE reason IS NOT NULL`;
}

export function skippedViewSql(plan: LoadPlan): string | undefined {
  if (continuationAt(plan) !== undefined) return undefined;
  return 'CREATE OR REPLACE TEMP VIEW skipped AS SELECT DISTINCT _line, _skip AS reason FROM typed WHERE _skip IS NOT NULL';
}

/** Roadmap rows without an item number continue the previous row: marked, then merged into it. */
export function continuationSql(plan: LoadPlan): string | undefined {
  const at = continuationAt(plan);
  if (at === undefined) return undefined;
  const others = cells(plan).filter((_, i) => i !== at);
  return `INSERT INTO skipped
SELECT _line, 'continuation' FROM src
WHERE _line NOT IN (SELECT _line FROM skipped) AND ${blank(cell(at))} AND NOT (${others.map(blank).join(' AND ') || 'true'})
  AND _line > (SELECT min(_line) FROM src WHERE NOT ${blank(cell(at))})`;
}

/** The rows to type: not skipped; continuations merged; a wide layout unpivoted. */
export function dataSql(plan: LoadPlan): string {
  const all = cells(plan);
  const extra = ['"_person"', '"_overflow"'];
  let from = `SELECT *, ${skipReason(plan)} AS _skip FROM src`;
  const at = continuationAt(plan);
  if (at !== undefined) {
    from = `SELECT min(_line) AS _line, any_value(_sheet) AS _sheet, CAST(NULL AS VARCHAR) AS _skip,
  ${all.map((c) => `string_agg(${c}, ' ' ORDER BY _line) AS ${c}`).join(',\n  ')},
  ${extra.map((c) => `any_value(${c}) AS ${c}`).join(', ')}
FROM (
  SELECT s.*, sum(CASE WHEN _line IN (SELECT _line FROM skipped WHERE reason = 'continuation') THEN 0 ELSE 1 END)
    OVER (ORDER BY _line) AS _grp
  FROM src s WHERE _line NOT IN (SELECT _line FROM skipped WHERE reason <> 'continuation')
) GROUP BY _grp`;
  }
  if (plan.match.wideCells.size > 0) {
    const parts = [...plan.match.wideCells].map(
      ([i, code]) => `SELECT *, '${code}' AS _wkey, ${cell(i)} AS _wval FROM (${from})`,
    );
    from = parts.join('\nUNION ALL\n');
  }
  return `CREATE OR REPLACE TEMP VIEW data AS ${from}`;
}

/** Columns whose distinct values are parsed in TypeScript (the dictionaries). */
export function parsedSources(plan: LoadPlan): ColumnSource[] {
  return plan.sources.filter((s) => !UNPARSED.has(s.spec.kind));
}

/** The alias under which the typed SELECT joins a column's part of the dictionary. */
export const dictName = (s: ColumnSource) => ident(`d_${s.spec.name}`);

/** One dictionary per file: (column, raw text) → parsed value as text, reason, absence. */
export const DICTIONARY_DDL =
  'CREATE OR REPLACE TEMP TABLE dict (col VARCHAR, raw VARCHAR, v VARCHAR, err VARCHAR, absent BOOLEAN)';

/**
 * The distinct raw values of every parsed column, in one statement. Read from the staged cells
 * (skipped rows included: their values are parsed but never used) unless the rows are reshaped.
 */
export function distinctSql(plan: LoadPlan, sources: ColumnSource[]): string {
  const from = plan.match.wideCells.size || continuationAt(plan) !== undefined ? 'data' : 'src';
  return sources
    .map(
      (s) =>
        `SELECT DISTINCT ${literal(s.spec.name)} AS col, ${s.expr} AS raw FROM ${from} ` +
        `WHERE NOT ${blank(s.expr)} AND length(${s.expr}) <= ${MAX_CELL_CHARS}`,
    )
    .join('\nUNION ALL\n');
}

export interface TypedOptions {
  /** Registry lookups exist (not for the registry itself). */
  checkSchools: boolean;
}

/** Whether the typed rows carry `period__warn` (a period parsed through the dictionary). */
export function hasPeriodWarning(plan: LoadPlan): boolean {
  return plan.sources.some((s) => s.spec.kind === 'period' && !UNPARSED.has(s.spec.kind) && !s.parsed);
}

/** One row per data row: each column's value, its error (NULL if fine), and the raw text when in error. */
export function typedSql(plan: LoadPlan, options: TypedOptions): string {
  const { contract } = plan;
  const joins: string[] = [];
  const selects: string[] = ['d._line', 'd._sheet', 'd._skip'];
  const errors: { name: string; err: string; raw: string }[] = [];
  const absence = contract.absence;
  const markSources = plan.sources.filter((s) => absence?.markColumns.includes(s.spec.name));
  const scoreSources = plan.sources.filter((s) => absence?.scoreColumns.includes(s.spec.name));
  const identity = plan.sources.find((x) => x.spec.name === absence?.identityColumn);
  const absentExpr = absence
    ? `(${identity ? `NOT ${blank(rawOf(identity))}` : 'false'} AND (${[
        ...markSources
          .filter((s) => !UNPARSED.has(s.spec.kind) && !s.constant)
          .map((s) => `coalesce(${dictName(s)}.absent, false)`),
        `(${[...markSources, ...scoreSources].map((s) => blank(rawOf(s))).join(' AND ') || 'false'})`,
        ...plan.sources
          .filter((s) => s.spec.name === absence.noteColumn)
          .map((s) => `regexp_matches(lower(coalesce(${rawOf(s)}, '')), 'отсутств|не явил|неявк|н/я')`),
      ].join(' OR ')}))`
    : 'false';
  // Computed once and referred to by its alias (a lateral alias, as for the *__err columns below):
  // inlined into every required column, the expression made planning the statement cost more than
  // running it on a small file.
  if (absence) selects.push(`${absentExpr} AS is_absent`);
  const absent = absence ? 'is_absent' : 'false';

  for (const s of plan.sources) {
    const raw = rawOf(s);
    const name = s.spec.name;
    let value: string;
    let err: string;
    const missing = s.spec.required
      ? `CASE WHEN NOT ${absent} THEN 'обязательное поле не заполнено' END`
      : 'NULL';
    if (UNPARSED.has(s.spec.kind)) {
      value = `NULLIF(trim(${raw}), '')`;
      err = `CASE WHEN ${blank(raw)} THEN ${missing} WHEN length(${raw}) > ${MAX_CELL_CHARS} THEN ${literal(TOO_LONG_REASON)} END`;
    } else if (s.parsed) {
      const v = s.parsed.value;
      value =
        v === null
          ? `CAST(NULL AS ${SQL_TYPE[s.spec.kind]})`
          : `CAST(${literal(String(v))} AS ${SQL_TYPE[s.spec.kind]})`;
      err = s.parsed.reason === null ? 'NULL' : literal(s.parsed.reason);
    } else {
      const dict = dictName(s);
      joins.push(`LEFT JOIN dict ${dict} ON ${dict}.col = ${literal(name)} AND ${dict}.raw = ${raw}`);
      value = `CAST(${dict}.v AS ${SQL_TYPE[s.spec.kind]})`;
      const parseErr = s.spec.kind === 'period' ? 'NULL' : `${dict}.err`;
      err = `CASE WHEN ${blank(raw)} THEN ${missing} WHEN length(${raw}) > ${MAX_CELL_CHARS} THEN ${literal(TOO_LONG_REASON)} ELSE ${parseErr} END`;
      if (s.spec.kind === 'period')
        selects.push(`${dict}.err AS period__warn`, `NULLIF(trim(${raw}), '') AS period_text`);
    }
    if (s.spec.kind === 'login' && options.checkSchools) {
      joins.push(`LEFT JOIN known_school ks_${name} ON ks_${name}.school_login = ${value}`);
      err = `coalesce(${err}, CASE WHEN ${value} IS NOT NULL AND ks_${name}.school_login IS NULL THEN 'школа ' || ${value} || ' не найдена в реестре ОО: исправьте логин или загрузите актуальный реестр' END)`;
    }
    if (s.spec.kind === 'rcoi_code' && options.checkSchools) {
      joins.push(`LEFT JOIN rcoi_school rs ON rs.rcoi_code = ${value}`);
      err = `coalesce(${err}, CASE WHEN ${value} IS NOT NULL AND rs.school_login IS NULL THEN 'код ОО ' || ${value} || ' не найден в реестре ОО (столбец «Код ОО»): исправьте код или дополните реестр' END)`;
      selects.push('rs.school_login AS school_login');
    }
    selects.push(`${value} AS ${ident(name)}`);
    selects.push(`${err} AS ${ident(`${name}__err`)}`);
    errors.push({ name, err: ident(`${name}__err`), raw: ident(`${name}__raw`) });
    selects.push(
      `CASE WHEN ${ident(`${name}__err`)} IS NOT NULL THEN left(${raw}, 200) END AS ${ident(`${name}__raw`)}`,
    );
  }
  if (contract.requireOneOf) {
    const among = plan.sources.filter((s) => contract.requireOneOf?.includes(s.spec.name));
    const none = among.map((s) => blank(rawOf(s))).join(' AND ') || 'true';
    selects.push(
      `CASE WHEN NOT ${absent} AND ${none} THEN 'нужно заполнить одно из полей: ${contract.requireOneOf.join(', ')}' END AS _oneof__err`,
    );
  }
  selects.push(
    `CASE WHEN d._overflow IS NOT NULL THEN 'в строке есть значения правее последнего столбца заголовка (лишний разделитель или заметка вне таблицы?)' END AS _overflow__err`,
  );
  selects.push('left(d._overflow, 200) AS _overflow__raw');
  if (contract.taskScores && plan.match.taskCells.length > 0) {
    const pairs = plan.match.taskCells.map((i) => `${literal(plan.match.header[i].trim())}, d.${cell(i)}`);
    selects.push(`json_object(${pairs.join(', ')}) AS task_scores`);
  }
  // Lateral references to the *__err aliases are resolved by DuckDB in the same SELECT.
  return `CREATE OR REPLACE TEMP TABLE typed AS
SELECT ${selects.join(',\n  ')}
FROM data d
${joins.join('\n')}`;
}

/** Every error of the typed rows and the cell issues, one row per (line, column). */
export function rejectsSql(plan: LoadPlan): string {
  // A cell with its own issue (an uncached formula) is reported once, not again as «not filled».
  const notIssue = (s: ColumnSource) => {
    const at = plan.match.columns.get(s.spec.name);
    return at === undefined
      ? ''
      : ` AND NOT EXISTS (SELECT 1 FROM cell_issue ci WHERE ci._line = typed._line AND ci.col = ${at})`;
  };
  // In a file with personal data, a row with extra values is shifted: its cells may hold a name or a
  // birth date, so none of its values is kept in rejects.
  const value = (raw: string) =>
    plan.match.personCells.length ? `CASE WHEN _overflow__err IS NULL THEN ${raw} END` : raw;
  const parts = plan.sources.map(
    (s) =>
      `SELECT _line, _sheet, ${literal(s.header)} AS column_name, ${value(ident(`${s.spec.name}__raw`))} AS value, ` +
      `${ident(`${s.spec.name}__err`)} AS reason, ${schoolExpr(plan)} AS school_login FROM typed ` +
      `WHERE _skip IS NULL AND ${ident(`${s.spec.name}__err`)} IS NOT NULL${notIssue(s)}`,
  );
  if (plan.contract.requireOneOf) {
    parts.push(
      `SELECT _line, _sheet, ${literal(plan.contract.requireOneOf.join(' / '))}, NULL, _oneof__err, ${schoolExpr(plan)} FROM typed WHERE _skip IS NULL AND _oneof__err IS NOT NULL`,
    );
  }
  parts.push(
    `SELECT _line, _sheet, 'лишние значения', ${plan.match.personCells.length ? 'NULL' : '_overflow__raw'}, _overflow__err, ${schoolExpr(plan)} FROM typed WHERE _skip IS NULL AND _overflow__err IS NOT NULL`,
  );
  parts.push(
    `SELECT c._line, s._sheet, coalesce(h.header, 'столбец ' || (c.col + 1)), c.value, c.reason, NULL FROM cell_issue c ` +
      `LEFT JOIN (SELECT DISTINCT _line, _sheet FROM src) s ON s._line = c._line LEFT JOIN header_cell h ON h.col = c.col WHERE c._line NOT IN (SELECT _line FROM skipped)`,
  );
  return `CREATE OR REPLACE TEMP TABLE file_rejects AS
SELECT DISTINCT * FROM (
${parts.join('\nUNION ALL\n')}
)`;
}

function schoolExpr(plan: LoadPlan): string {
  return plan.sources.some((s) => s.spec.name === 'school_login') ||
    plan.sources.some((s) => s.spec.kind === 'rcoi_code')
    ? 'school_login'
    : 'NULL';
}

/** Expressions over `typed` for each raw column (NULL where the file has no such column). */
export function rawSelect(plan: LoadPlan): string[] {
  const have = new Set(plan.sources.map((s) => s.spec.name));
  const { contract } = plan;
  const partition = contract.partitionKey.length
    ? `concat_ws('|', ${contract.partitionKey.map((k) => `${literal(`${k}=`)} || ${partitionValue(plan, k)}`).join(', ')})`
    : "''";
  return rawColumns(plan.contract).map(({ name, type }) => {
    if (name === 'period_start')
      return `make_date(coalesce(CAST(json_extract(period, '$.startYear') AS INTEGER), year), CAST(json_extract(period, '$.startMonth') AS INTEGER), 1)`;
    if (name === 'period_end')
      return `last_day(make_date(coalesce(CAST(json_extract(period, '$.endYear') AS INTEGER), year), CAST(json_extract(period, '$.endMonth') AS INTEGER), 1))`;
    if (name === 'period') return 'period_text';
    if (name === 'year' && contract.yearFromDate)
      return `CAST(year(${ident(contract.yearFromDate)}) AS INTEGER)`;
    if (name === 'task_scores') return plan.match.taskCells.length ? 'task_scores' : 'NULL';
    if (name === 'is_absent') return 'is_absent';
    if (name === 'school_login' && plan.sources.some((s) => s.spec.kind === 'rcoi_code'))
      return 'school_login';
    if (name === '_batch_id') return '$batch';
    if (name === '_partition') return partition;
    if (name === '_line' || name === '_sheet') return name;
    const fallback = contract.columns.find((c) => c.name === name)?.defaultFrom;
    if (fallback) return have.has(name) ? `coalesce(${ident(name)}, ${ident(fallback)})` : ident(fallback);
    return have.has(name) ? ident(name) : `CAST(NULL AS ${type})`;
  });
}

function partitionValue(plan: LoadPlan, key: string): string {
  if (key === 'year' && plan.contract.yearFromDate)
    return `CAST(year(${ident(plan.contract.yearFromDate)}) AS VARCHAR)`;
  return `coalesce(CAST(${ident(key)} AS VARCHAR), '')`;
}
