import { ident } from '../../warehouse/quote.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Contract } from '../contracts/types.js';
import { type MetaFlags, type MetaValue, resolveMeta } from '../meta.js';
import { type ParseContext, parseValue } from '../parse/value.js';
import type { FileResult } from '../result.js';
import type { LoadPlan } from './plan.js';

/** Values shown in a warning; the rest are counted. */
const SHOWN = 3;
/**
 * Compared only where a title or a file name states the value exactly (a subject is found by its
 * spellings: «Математика (базовая)» says «математика» of a column of math_base).
 */
const COMPARED = new Set(['year', 'school_login']);

/**
 * What the title rows, the file name or a flag say about columns the table has anyway («ШНОР 2024.csv»
 * with a column «Год»). The column wins; these are only compared with it.
 */
export function metaHints(
  contract: Contract,
  present: Set<string>,
  title: string,
  fileName: string,
  flags: MetaFlags,
): Map<string, MetaValue> {
  const hints = new Map<string, MetaValue>();
  for (const spec of contract.columns) {
    if (!spec.meta || !COMPARED.has(spec.name) || !present.has(spec.name)) continue;
    const without = new Set([...present].filter((name) => name !== spec.name));
    try {
      const hint = resolveMeta(contract, without, title, fileName, flags, fileName).get(spec.name);
      if (hint) hints.set(spec.name, hint);
    } catch {
      // Another meta value found nowhere: that is the load's own error, not this comparison's.
    }
  }
  return hints;
}

const WHERE: Record<MetaValue['origin'], string> = {
  столбец: 'в столбце',
  заголовок: 'в заголовке',
  'имя файла': 'в имени файла',
  флаг: 'во флаге',
  'дата изменения файла': 'в дате изменения файла',
};

/** Warns when a hint matches none of the column's values in the typed rows (TEMP `typed`): a wrong file or name. */
export async function warnMetaConflicts(
  wh: Warehouse,
  plan: LoadPlan,
  hints: Map<string, MetaValue>,
  parse: ParseContext,
  result: FileResult,
): Promise<void> {
  for (const [name, hint] of hints) {
    const source = plan.sources.find((s) => s.spec.name === name && !s.constant);
    if (!source) continue;
    const parsed = parseValue(source.spec, hint.raw, parse);
    if (parsed.reason !== null || parsed.value === null) continue;
    const values = (
      await wh.rows<{ v: string }>(
        `SELECT DISTINCT CAST(${ident(name)} AS VARCHAR) AS v FROM typed WHERE _skip IS NULL AND ${ident(name)} IS NOT NULL ORDER BY 1`,
      )
    ).map((r) => r.v);
    if (values.length === 0 || values.includes(String(parsed.value))) continue;
    const shown = values.slice(0, SHOWN).join(', ') + (values.length > SHOWN ? ' …' : '');
    const warning =
      `${WHERE[hint.origin]} ${source.spec.title} — ${hint.raw}, а в столбце «${source.header}» — ${shown}; ` +
      'загружены значения столбца. Проверьте, тот ли это файл, и исправьте имя файла или значения';
    if (!result.warnings.includes(warning)) result.warnings.push(warning);
  }
}
