import { ident, literal } from '../../warehouse/quote.js';
import type { ColumnSource, LoadPlan } from './plan.js';

/**
 * Rows that repeat the key of an earlier row of the same file (DOMAIN §3.4: never a silent drop): the
 * first is loaded, each repeat is rejected naming the line it repeats. The key is the contract's
 * `key` (its staging model's grain); rows rejected for another reason never count as the first.
 * Earlier sheets of a workbook are remembered in TEMP `file_key` (one row per key: repeats never enter it).
 */

/** The key's columns present in this table (a key column absent from the file is the same for every row). */
function keySources(plan: LoadPlan): ColumnSource[] {
  const key = plan.contract.key ?? [];
  return plan.sources.filter((s) => key.includes(s.spec.name));
}

/** Statements run after `file_rejects` holds the table's other rejects: they add the repeats to it. */
export function duplicatesSql(plan: LoadPlan): string[] {
  const sources = keySources(plan);
  if (sources.length === 0) return [];
  const cols = sources.map((s) => ident(s.spec.name));
  const wideKey = plan.match.wideCells.size ? plan.contract.wide?.keyColumn : undefined;
  // Shown in the reject: the values read from cells (a pseudonym or a value from the title is no help).
  const shown = sources.filter((s) => !s.constant && s.expr !== '"_person"' && s.spec.name !== wideKey);
  const titles = sources.filter((s) => s.spec.name !== wideKey).map((s) => s.spec.title);
  const same = titles.length > 1 ? `${titles.slice(0, -1).join(', ')} и ${titles.at(-1)}` : titles[0];
  const school = plan.sources.some((s) => s.spec.name === 'school_login') ? 'school_login' : 'NULL';
  const reason =
    `'повторяет строку ' || first_line || CASE WHEN first_sheet IS DISTINCT FROM _sheet ` +
    `THEN ' листа «' || first_sheet || '»' ELSE '' END || ${literal(`: те же ${same}; загружена только строка `)} || ` +
    `first_line || ${literal(' — удалите лишнюю строку или исправьте значения')}`;
  const value = shown.length
    ? `concat_ws(', ', ${shown.map((s) => `CAST(${ident(s.spec.name)} AS VARCHAR)`).join(', ')})`
    : 'NULL';
  const label = literal(shown.map((s) => s.header).join(', ') || titles.join(', '));
  const nullSafe = cols.map((c) => `f.${c} IS NOT DISTINCT FROM r.${c}`).join(' AND ');
  return [
    `CREATE TEMP TABLE IF NOT EXISTS file_key AS SELECT _sheet, _line, ${cols.join(', ')} FROM typed WHERE false`,
    `INSERT INTO file_rejects
SELECT DISTINCT _line, _sheet, ${label}, ${value}, ${reason}, ${school}
FROM (
  SELECT r.*, coalesce(f._sheet, r._sheet) AS first_sheet, coalesce(f._line, r._first) AS first_line
  FROM (
    SELECT *, min(_line) OVER (PARTITION BY ${cols.join(', ')}) AS _first FROM typed
    WHERE _skip IS NULL AND _line NOT IN (SELECT _line FROM file_rejects)
  ) r
  LEFT JOIN file_key f ON ${nullSafe}
  WHERE r._line > r._first OR f._line IS NOT NULL
)`,
  ];
}

/** After the table's rejects are final: its loaded rows' keys, for the next sheets of the file. */
export function rememberKeysSql(plan: LoadPlan): string | undefined {
  const sources = keySources(plan);
  if (sources.length === 0) return undefined;
  const cols = sources.map((s) => ident(s.spec.name)).join(', ');
  return `INSERT INTO file_key SELECT _sheet, _line, ${cols} FROM typed
WHERE _skip IS NULL AND _line NOT IN (SELECT _line FROM bad_line)`;
}
