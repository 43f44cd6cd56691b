import { ident, literal } from '../../warehouse/quote.js';
import type { ColumnSpec, Contract } from '../contracts/types.js';
import type { HeaderMatch } from '../header.js';
import type { MetaValue } from '../meta.js';
import { type ParseContext, type ParsedValue, parseValue, UNPARSED } from '../parse/value.js';

/** A contract column and the SQL expression that gives its raw text in the staged rows. */
export interface ColumnSource {
  spec: ColumnSpec;
  /** SQL expression over the `data` view (a cell, a constant, or the pseudonym). */
  expr: string;
  /** The header text shown in rejects. */
  header: string;
  /** The value is the same for all rows (from a title, the file name or a flag). */
  constant?: MetaValue;
  /** A constant's parsed value, parsed once in TypeScript (no dictionary needed). */
  parsed?: ParsedValue;
}

/** Everything the load step needs to know about one file, once its header is matched. */
export interface LoadPlan {
  contract: Contract;
  match: HeaderMatch;
  sources: ColumnSource[];
  /** Number of cell columns c0…c(width−1) in the staged rows. */
  width: number;
}

export const cell = (i: number) => ident(`c${i}`);

export function planColumns(
  contract: Contract,
  match: HeaderMatch,
  meta: Map<string, MetaValue>,
  width: number,
): LoadPlan {
  const sources: ColumnSource[] = [];
  for (const spec of contract.columns) {
    const at = match.columns.get(spec.name);
    if (at !== undefined) {
      sources.push({ spec, expr: cell(at), header: match.header[at]?.trim() || spec.title });
      continue;
    }
    if (match.wideCells.size > 0 && contract.wide?.keyColumn === spec.name) {
      sources.push({ spec, expr: '"_wkey"', header: 'заголовок столбца фактора' });
      continue;
    }
    if (match.wideCells.size > 0 && contract.wide?.valueColumn === spec.name) {
      sources.push({ spec, expr: '"_wval"', header: 'уровень риска' });
      continue;
    }
    if (contract.person?.column === spec.name && match.personCells.length > 0) {
      sources.push({ spec, expr: '"_person"', header: 'ФИО / документ (обезличены)' });
      continue;
    }
    const constant = meta.get(spec.name);
    if (constant) {
      sources.push({
        spec,
        expr: literal(constant.raw),
        header: `${spec.title} (${constant.origin})`,
        constant,
      });
    }
  }
  return { contract, match, sources, width };
}

/** Parses the constants of a plan (values from titles, file names, flags) once. */
export function parseConstants(plan: LoadPlan, ctx: ParseContext): void {
  for (const s of plan.sources) {
    if (s.constant && !UNPARSED.has(s.spec.kind)) s.parsed = parseValue(s.spec, s.constant.raw, ctx);
  }
}
