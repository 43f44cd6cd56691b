import { BUILT_IN_ALIASES, fold, type UserAlias } from './aliases.js';
import { SCHOOL_PERSON_HEADERS } from './contracts/columns.js';
import type { ColumnSpec, Contract } from './contracts/types.js';
import type { Lookup } from './parse/codes.js';
import type { PreviewRow } from './read/preview.js';

/** Where each canonical column of a contract is in the file. */
export interface HeaderMatch {
  contract: Contract;
  /** Index of the header row among the preview rows. */
  headerIndex: number;
  header: string[];
  /** canonical column → 0-based cell index. */
  columns: Map<string, number>;
  /** Cells with personal data: never stored; hashed into the contract's person column when it has one. */
  personCells: number[];
  /** Wide layout: cell index → factor code. */
  wideCells: Map<number, number>;
  /** Header cells that look like task numbers (ВПР «1», «3(1)», «Задание 5»). */
  taskCells: number[];
  /** Header cells the contract does not know (reported, not loaded). */
  ignored: string[];
  /** Required columns missing from the header that must come from titles, the file name or a flag. */
  metaMissing: ColumnSpec[];
  score: number;
}

const TASK_HEADER = /^(?:задание\s*(?:№\s*)?)?(\d{1,2}(?:\s*\(\s*\d\s*\)|\.\d)?)(?:\s*\(к\d\))?$/;

/** Every spelling that names a column of a contract (canonical, built-in, contract, user aliases). */
export function aliasIndex(contract: Contract, user: UserAlias[]): Map<string, ColumnSpec[]> {
  const index = new Map<string, ColumnSpec[]>();
  const add = (spelling: string, spec: ColumnSpec) => {
    const key = fold(spelling);
    const list = index.get(key) ?? [];
    if (!list.includes(spec)) list.push(spec);
    index.set(key, list);
  };
  for (const spec of contract.columns) {
    add(spec.name, spec);
    for (const a of BUILT_IN_ALIASES[spec.name] ?? []) add(a, spec);
    for (const a of spec.aliases ?? []) add(a, spec);
    for (const u of user)
      if (u.column === spec.name && (!u.source || u.source === contract.source)) add(u.alias, spec);
  }
  return index;
}

const PERSON = new Set(SCHOOL_PERSON_HEADERS.map(fold));
const PERSON_WORDS =
  /^ф\.?\s*и\.?\s*о(?![а-я])|фамилия|(?<![а-я])имя(?![а-я])|отчество|дата рожд|паспорт|снилс|документ/;

/** A header of a person's name, document or birth date (folded). */
function isPersonHeader(key: string, contract: Contract): boolean {
  return (
    PERSON.has(key) ||
    PERSON_WORDS.test(key) ||
    (contract.person?.headers.some((h) => fold(h) === key) ?? false)
  );
}

/** How many cells of a row name a column of some contract, or a person's name, document or birth date. */
export function knownHeaderCells(
  cells: string[],
  contracts: readonly Contract[],
  indexes: Map<string, Map<string, ColumnSpec[]>>,
): number {
  return cells.filter((cell) => {
    const key = fold(cell ?? '');
    return key !== '' && contracts.some((c) => indexes.get(c.source)?.has(key) || isPersonHeader(key, c));
  }).length;
}

/** Matches one header row against one contract; `sample` are rows below it, for value-dependent aliases. */
export function matchRow(
  contract: Contract,
  index: Map<string, ColumnSpec[]>,
  row: string[],
  sample: string[][],
  factors: Lookup,
): Omit<HeaderMatch, 'headerIndex'> {
  const columns = new Map<string, number>();
  const personCells: number[] = [];
  const wideCells = new Map<number, number>();
  const taskCells: number[] = [];
  const ignored: string[] = [];
  row.forEach((cell, i) => {
    const key = fold(cell ?? '');
    if (!key) return;
    const specs = (index.get(key) ?? []).filter((s) => !columns.has(s.name));
    const spec =
      specs.length > 1
        ? byValues(
            specs,
            sample.map((r) => r[i] ?? ''),
          )
        : specs[0];
    if (spec && spec.kind !== 'person') {
      columns.set(spec.name, i);
      return;
    }
    // Personal data is never a plain column, even when an alias names the person column itself.
    if (spec || isPersonHeader(key, contract)) {
      personCells.push(i);
      return;
    }
    if (contract.wide) {
      const code =
        factors.get(key.replace(/^\d+\.\s*/, '')) ?? /^фактор\s*(?:риска\s*)?(\d{1,2})$/.exec(key)?.[1];
      if (code !== undefined) {
        wideCells.set(i, Number(code));
        return;
      }
    }
    if (contract.taskScores && TASK_HEADER.test(key)) {
      taskCells.push(i);
      return;
    }
    ignored.push(cell.trim());
  });
  const isWide = contract.wide !== undefined && wideCells.size >= contract.wide.minColumns;
  const present = (name: string) =>
    columns.has(name) ||
    (isWide && (name === contract.wide?.keyColumn || name === contract.wide?.valueColumn)) ||
    (contract.person?.column === name && personCells.length > 0);
  const required = contract.columns.filter((c) => c.required);
  const missing = required.filter((c) => !present(c.name));
  const metaMissing = missing.filter((c) => c.meta);
  const hardMissing = missing.filter((c) => !c.meta);
  const matched = columns.size + (isWide ? 2 : 0);
  const score = hardMissing.length > 0 || matched === 0 ? -1 : matched;
  return {
    contract,
    header: row,
    columns,
    personCells,
    wideCells: isWide ? wideCells : new Map(),
    taskCells,
    ignored: isWide ? ignored : [...ignored, ...[...wideCells.keys()].map((i) => row[i])],
    metaMissing,
    score,
  };
}

/** Picks among specs sharing a header spelling («Класс»: grade when a number, class_name when «5А»). */
function byValues(specs: ColumnSpec[], values: string[]): ColumnSpec {
  const filled = values.filter((v) => v.trim());
  let best = specs[0];
  let bestHits = -1;
  for (const spec of specs) {
    const hits = spec.valuePattern ? filled.filter((v) => spec.valuePattern?.test(v)).length : 0;
    if (hits > bestHits) {
      best = spec;
      bestHits = hits;
    }
  }
  return best;
}

/** Explains why no header was found: what each close contract lacked. */
export function missingColumnsText(
  contract: Contract,
  row: string[],
  index: Map<string, ColumnSpec[]>,
): string {
  const found = new Set(row.map((c) => index.get(fold(c ?? ''))?.[0]?.name).filter(Boolean));
  return contract.columns
    .filter((c) => c.required && !c.meta && !found.has(c.name))
    .map((c) => `«${c.title}» (${c.name})`)
    .join(', ');
}

/** Scans the preview rows for the header row of the best-matching contract. */
export function findHeader(
  rows: PreviewRow[],
  contracts: readonly Contract[],
  indexes: Map<string, Map<string, ColumnSpec[]>>,
  factors: Lookup,
  fileName: string,
): { best?: HeaderMatch; ties: HeaderMatch[] } {
  const candidates: HeaderMatch[] = [];
  rows.forEach((row, r) => {
    if (row.cells.filter((c) => c?.trim()).length === 0) return;
    const sample = rows.slice(r + 1, r + 21).map((x) => x.cells);
    const keys = row.cells.map((c) => fold(c ?? ''));
    for (const contract of contracts) {
      const index = indexes.get(contract.source);
      if (!index) continue;
      // A row naming no column of a (long) contract scores nothing: data rows are passed over without
      // matching each of their cells against every contract.
      if (!contract.wide && !keys.some((k) => k && index.has(k))) continue;
      const m = matchRow(contract, index, row.cells, sample, factors);
      if (m.score > 0) candidates.push({ ...m, headerIndex: r });
    }
  });
  if (candidates.length === 0) return { ties: [] };
  // Hints are read in the file name and the title rows above each candidate header, never in data rows.
  const above = (m: HeaderMatch) =>
    rows
      .slice(0, m.headerIndex)
      .map((r) => r.cells.join(' '))
      .join(' ');
  const hinted = (m: HeaderMatch) =>
    (m.contract.fileHints ?? []).some((re) => re.test(`${fileName} ${above(m)}`));
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(hinted(b)) - Number(hinted(a)) ||
      a.metaMissing.length - b.metaMissing.length ||
      a.headerIndex - b.headerIndex,
  );
  const best = candidates[0];
  const ties = candidates.filter(
    (c) =>
      c !== best &&
      c.contract !== best.contract &&
      c.headerIndex === best.headerIndex &&
      c.score === best.score &&
      hinted(c) === hinted(best) &&
      c.metaMissing.length === best.metaMissing.length,
  );
  return { best, ties };
}
