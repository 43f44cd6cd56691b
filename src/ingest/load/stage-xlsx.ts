import { type DuckDBAppender, DuckDBDataChunk, INTEGER, VARCHAR } from '@duckdb/node-api';
import { ident } from '../../warehouse/quote.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { SheetRow, SheetSink } from '../read/xlsx-rows.js';
import { personKey, personPart, pseudonym } from './person.js';
import type { LoadPlan } from './plan.js';

/** Rows per data chunk handed to the appender (DuckDB's vector size). */
const CHUNK_ROWS = 2048;

/**
 * Stages XLSX rows into TEMP `src` through DuckDB's appender, a data chunk at a time. Person cells
 * are hashed here, before the appender, so they never reach DuckDB at all; cells that break the row
 * go to `cell_issue`.
 */
export class XlsxStage implements SheetSink {
  private appender?: DuckDBAppender;
  private columns: (string | number | null)[][] = [];
  private readonly types;
  private issues: { line: number; col: number; value: string; reason: string }[] = [];
  rows = 0;
  /** Rows absent from the sheet's XML between data rows: empty rows as a person sees them. */
  gapRows = 0;
  private lastLine: number;

  constructor(
    private readonly wh: Warehouse,
    private readonly plan: LoadPlan,
    private readonly sheet: string,
    readonly firstDataRow: number,
    headerLine: number,
  ) {
    this.lastLine = headerLine;
    // _line, _sheet, c0…c(width−1), _overflow, _person
    this.types = [INTEGER, VARCHAR, ...Array.from({ length: plan.width }, () => VARCHAR), VARCHAR, VARCHAR];
    this.reset();
  }

  async open(): Promise<void> {
    const cols = Array.from({ length: this.plan.width }, (_, i) => `${ident(`c${i}`)} VARCHAR`).join(', ');
    await this.wh.run(
      `CREATE OR REPLACE TEMP TABLE src (_line INTEGER, _sheet VARCHAR, ${cols}, "_overflow" VARCHAR, "_person" VARCHAR)`,
    );
    await this.wh.run(
      'CREATE OR REPLACE TEMP TABLE cell_issue (_line INTEGER, col INTEGER, value VARCHAR, reason VARCHAR)',
    );
    this.appender = await this.wh.connection.createAppender('src', 'main', 'temp');
  }

  add(row: SheetRow): void {
    if (row.line > this.lastLine + 1) this.gapRows += row.line - this.lastLine - 1;
    this.lastLine = row.line;
    const { width, match, contract } = this.plan;
    const person = match.personCells;
    const c = this.columns;
    c[0].push(row.line);
    c[1].push(this.sheet);
    for (let i = 0; i < width; i++)
      c[i + 2].push(person.length && person.includes(i) ? null : (row.cells[i] ?? null));
    let overflow: string | null = null;
    for (let i = width; i < row.cells.length && overflow === null; i++) {
      const v = row.cells[i];
      if (v != null && v.trim() !== '') overflow = v;
    }
    c[width + 2].push(overflow);
    c[width + 3].push(person.length && contract.person ? this.pseudonymOf(row) : null);
    for (const issue of row.issues) {
      if (!person.includes(issue.col)) this.issues.push({ line: row.line, ...issue });
    }
    this.rows++;
    if (c[0].length >= CHUNK_ROWS) this.flush();
  }

  async close(): Promise<void> {
    this.flush();
    this.appender?.flushSync();
    this.appender?.closeSync();
    if (this.issues.length === 0) return;
    const a = await this.wh.connection.createAppender('cell_issue', 'main', 'temp');
    for (const i of this.issues) {
      a.appendInteger(i.line);
      a.appendInteger(i.col);
      a.appendVarchar(i.value);
      a.appendVarchar(i.reason);
      a.endRow();
    }
    a.flushSync();
    a.closeSync();
  }

  private pseudonymOf(row: SheetRow): string | null {
    const { header, personCells } = this.plan.match;
    const parts = personCells.map((i) => ({ part: personPart(header[i]), value: row.cells[i] ?? null }));
    return pseudonym(this.wh.key, personKey(parts));
  }

  private flush(): void {
    const n = this.columns[0].length;
    if (n === 0) return;
    if (!this.appender) throw new Error('XlsxStage used before open()');
    const chunk = DuckDBDataChunk.create(this.types, n);
    chunk.setColumns(this.columns);
    this.appender.appendDataChunk(chunk);
    this.reset();
  }

  private reset(): void {
    this.columns = this.types.map(() => []);
  }
}
