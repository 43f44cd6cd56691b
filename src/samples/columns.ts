/** Small helpers shared by the source generators. */
import type { Cell, Column, Row } from './table.js';

export const col = (header: string, canonical: string | null, opts: Partial<Column> = {}): Column => ({
  header,
  canonical,
  ...opts,
});

/** A login as a person typed it: `SCH053012` and `edu053012` mean `sch053012` (DOMAIN §3.5). */
export function spell(login: string, how: 'upper' | 'edu' | 'plain'): string {
  if (how === 'upper') return login.toUpperCase();
  if (how === 'edu') return login.replace(/^sch/, 'edu');
  return login;
}

/** A login of the region that no registry holds: the row must be rejected naming it. */
export const UNKNOWN_LOGIN = 'sch059901';

export const yesNo = (b: boolean): string => (b ? 'да' : 'нет');

export const rejectRow = (cells: Cell[], reason: string, column: string, value: string): Row => ({
  cells,
  kind: 'reject',
  reject: { reason, column, value },
});

export const totalRow = (cells: Cell[]): Row => ({ cells, kind: 'total' });
export const emptyRow = (): Row => ({ cells: [], kind: 'empty' });
export const repeatedHeader = (columns: Column[]): Row => ({
  cells: columns.map((c) => c.header),
  kind: 'header',
});
export const continuation = (cells: Cell[]): Row => ({ cells, kind: 'continuation' });

/** Inserts a row at a position (clamped), returning the list. */
export function insertAt<T>(list: T[], index: number, item: T): T[] {
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return list;
}
