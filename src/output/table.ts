import { type Column, cellText, isNumeric, type RowObject } from './column.js';

export interface TableOptions {
  /** What NULL shows as (default «—»). */
  empty?: string;
  /** Longest cell shown; longer text is cut with «…» (default 60). */
  maxWidth?: number;
}

/** Display width of text in a terminal: one per character, none for combining marks. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/\p{Mn}/u.test(ch)) continue;
    width += 1;
  }
  return width;
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\r?\n/g, ' ⏎ ').replace(/\t/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  return `${[...flat].slice(0, Math.max(1, max - 1)).join('')}…`;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * An aligned text table: a header, a rule, the rows. Numbers right-aligned with a decimal comma and
 * non-breaking thousand separators; text left-aligned; NULL as «—».
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly RowObject[],
  options: TableOptions = {},
): string[] {
  const empty = options.empty ?? '—';
  const max = options.maxWidth ?? 60;
  const cells = rows.map((row) =>
    columns.map((c) => cut(cellText(row[c.key], c, { grouping: true, empty }), c.maxWidth ?? max)),
  );
  const headers = columns.map((c) => cut(c.title, c.maxWidth ?? max));
  const widths = columns.map((_, i) =>
    Math.max(displayWidth(headers[i]), ...cells.map((r) => displayWidth(r[i]))),
  );
  const line = (values: string[], header: boolean) =>
    values
      .map((v, i) => (!header && isNumeric(columns[i].kind) ? padStart(v, widths[i]) : padEnd(v, widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(headers, true),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map((r) => line(r, false)),
  ];
}
