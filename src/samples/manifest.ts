/** Facts about every generated file, for integration tests: MANIFEST.md and manifest.json. */
import { iso } from './dates.js';
import type { SampleFile } from './sample-file.js';
import { type Cell, headerRowsOf, lineOf, type Table } from './table.js';

export interface SkipCounts {
  empty: number;
  total: number;
  header: number;
  continuation: number;
}

export interface ManifestEntry {
  path: string;
  source: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  decimal?: ',' | '.';
  sheet?: string;
  snapshot_date: string;
  snapshot_from: 'title' | 'flag';
  title_rows: { row: number; text: string }[];
  /** Row (CSV line) of the header; with a merged multi-row header, its last row. */
  header_row: number;
  merges?: string[];
  headers: Record<string, string | null>;
  /** The headers left to right (an object puts numeric keys such as task «1» first). */
  header_order: string[];
  context?: Table['context'];
  rows: {
    read: number;
    loaded: number;
    skipped: SkipCounts;
    rejected: number;
    rejected_by_reason: Record<string, number>;
  };
  skipped_lines: { line: number; reason: keyof SkipCounts }[];
  rejected_lines: { line: number; reason: string; column: string; value: string }[];
}

const cellText = (c: Cell): string => (c === null ? '' : c instanceof Date ? iso(c) : String(c));

export function entriesOf(file: SampleFile): ManifestEntry[] {
  return file.sheets.map(({ name, table }) => {
    const skipped: SkipCounts = { empty: 0, total: 0, header: 0, continuation: 0 };
    const byReason: Record<string, number> = {};
    const skippedLines: ManifestEntry['skipped_lines'] = [];
    const rejectedLines: ManifestEntry['rejected_lines'] = [];
    table.rows.forEach((row, i) => {
      const line = lineOf(table, i);
      if (row.kind === 'data') return;
      if (row.kind === 'reject') {
        const r = row.reject ?? { reason: 'unspecified', column: '', value: '' };
        byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
        rejectedLines.push({ line, ...r });
        return;
      }
      skipped[row.kind]++;
      skippedLines.push({ line, reason: row.kind });
    });
    const rejected = rejectedLines.length;
    const skippedTotal = skipped.empty + skipped.total + skipped.header + skipped.continuation;
    const headerRows = headerRowsOf(table);
    const entry: ManifestEntry = {
      path: file.path,
      source: file.source,
      format: file.format.kind,
      snapshot_date: iso(file.snapshot),
      snapshot_from: file.snapshotFrom,
      title_rows: table.title
        .map((cells, i) => ({ row: i + 1, text: cells.map(cellText).filter(Boolean).join(' | ') }))
        .filter((t) => t.text !== ''),
      header_row: table.title.length + headerRows.length,
      headers: Object.fromEntries(table.columns.map((c) => [c.header, c.canonical])),
      header_order: table.columns.map((c) => c.header),
      rows: {
        read: table.rows.length,
        loaded: table.rows.length - rejected - skippedTotal,
        skipped,
        rejected,
        rejected_by_reason: byReason,
      },
      skipped_lines: skippedLines,
      rejected_lines: rejectedLines,
    };
    if (file.format.kind === 'csv') {
      entry.encoding = file.format.encoding;
      entry.delimiter = file.format.delimiter;
      entry.decimal = file.format.decimalComma ? ',' : '.';
    } else {
      entry.sheet = name;
    }
    if (table.merges?.length) entry.merges = table.merges;
    if (table.context) entry.context = table.context;
    return entry;
  });
}

const esc = (s: string): string => s.replaceAll('|', '\\|');
const showDelimiter = (d?: string): string => (d === '\t' ? 'tab' : `\`${d}\``);

function groupKey(e: ManifestEntry): string {
  return JSON.stringify([
    e.source,
    e.format,
    e.encoding,
    e.delimiter,
    e.header_row,
    e.header_order,
    e.headers,
  ]);
}

/** Markdown: files grouped by source and shape, one table line per file, then every planted defect. */
export function manifestMarkdown(entries: ManifestEntry[], intro: string): string {
  const out: string[] = [intro.trimEnd(), ''];
  const groups = new Map<string, ManifestEntry[]>();
  for (const e of entries) {
    const key = groupKey(e);
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  out.push('## Files', '');
  out.push('Counts: **read** = rows below the header row; read = loaded + skipped + rejected.', '');
  let n = 0;
  for (const list of groups.values()) {
    const first = list[0] as ManifestEntry;
    n++;
    out.push(`### ${n}. \`${first.source}\` — ${list.length} file(s)`, '');
    const fmt =
      first.format === 'csv'
        ? `CSV, ${first.encoding}, delimiter ${showDelimiter(first.delimiter)}, decimal \`${first.decimal}\``
        : 'XLSX';
    out.push(`- format: ${fmt}; header row: ${first.header_row}`);
    if (first.merges) out.push(`- merged cells: ${first.merges.join(', ')}`);
    if (first.context) {
      const ctx = Object.entries(first.context).map(([k, v]) => `${k} from ${v.from}`);
      out.push(`- values outside the table: ${ctx.join(', ')}`);
    }
    out.push('', '| header | canonical |', '|---|---|');
    for (const h of first.header_order) out.push(`| ${esc(h)} | ${first.headers[h] ?? '— (ignored)'} |`);
    out.push('', '| file | sheet | snapshot | title rows | read | loaded | skipped e/t/h/c | rejected |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const e of list) {
      const titles = e.title_rows.map((t) => `${t.row}: ${esc(t.text)}`).join('<br>');
      const s = e.rows.skipped;
      out.push(
        `| ${e.path} | ${e.sheet ?? ''} | ${e.snapshot_date} (${e.snapshot_from}) | ${titles} | ` +
          `${e.rows.read} | ${e.rows.loaded} | ${s.empty}/${s.total}/${s.header}/${s.continuation} | ${e.rows.rejected} |`,
      );
    }
    out.push('');
  }
  out.push('## Every skipped and rejected row', '');
  out.push('| file | sheet | line | outcome | reason | column | value |', '|---|---|---|---|---|---|---|');
  for (const e of entries) {
    const rows = [
      ...e.skipped_lines.map((s) => ({
        line: s.line,
        what: 'skipped',
        reason: s.reason,
        column: '',
        value: '',
      })),
      ...e.rejected_lines.map((r) => ({ ...r, what: 'rejected' })),
    ].sort((a, b) => a.line - b.line);
    for (const r of rows) {
      out.push(
        `| ${e.path} | ${e.sheet ?? ''} | ${r.line} | ${r.what} | ${r.reason} | ${esc(r.column)} | ${esc(r.value)} |`,
      );
    }
  }
  out.push('');
  return out.join('\n');
}

/** JSON with one compact line per element of an array of records, so large lists stay diffable. */
export function prettyJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((x) => x === null || typeof x !== 'object')) return JSON.stringify(value);
    return `[\n${value.map((x) => `${indent} ${JSON.stringify(x)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const lines = Object.entries(value).map(
      ([k, x]) => `${indent} ${JSON.stringify(k)}: ${prettyJson(x, `${indent} `)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
