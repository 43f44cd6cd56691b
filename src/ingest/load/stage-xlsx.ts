import type { DuckDBAppender } from '@duckdb/node-api';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { ident } from '../../warehouse/quote.js';
import type { SheetRow, SheetSink } from '../read/xlsx-rows.js';
import { personKey, personPart, pseudonym } from './person.js';
import type { LoadPlan } from './plan.js';

/**
 * Stages XLSX rows into TEMP `src` through DuckDB's appender. Person cells are hashed here, before
 * the appender, so they never reach DuckDB at all; cells that break the row go to `cell_issue`.
 */
export class XlsxStage implements SheetSink {
  private appender?: DuckDBAppender;
  private issues: { line: number; col: number; value: string; reason: string }[] = [];
  rows = 0;
  /** Rows absent from the sheet's XML between data rows: empty rows as a person sees them. */
  gapRows = 0;
  private lastLine?: number;

  constructor(
    private readonly wh: Warehouse,
    private readonly plan: LoadPlan,
    private readonly sheet: string,
    readonly firstDataRow: number,
    headerLine: number,
  ) {
    this.lastLine = headerLine;
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
    const a = this.appender;
    if (!a) throw new Error('XlsxStage.add before open');
    if (this.lastLine !== undefined && row.line > this.lastLine + 1)
      this.gapRows += row.line - this.lastLine - 1;
    this.lastLine = row.line;
    const { width, match } = this.plan;
    const person = match.personCells;
    a.appendInteger(row.line);
    a.appendVarchar(this.sheet);
    for (let i = 0; i < width; i++) {
      const v = row.cells[i];
      if (v == null || person.includes(i)) a.appendNull();
      else a.appendVarchar(v);
    }
    const overflow = row.cells.slice(width).find((v) => v != null && v.trim() !== '');
    if (overflow != null) a.appendVarchar(overflow);
    else a.appendNull();
    const id = person.length
      ? pseudonym(
          this.wh.key,
          personKey(person.map((i) => ({ part: personPart(match.header[i]), value: row.cells[i] ?? null }))),
        )
      : null;
    if (id) a.appendVarchar(id);
    else a.appendNull();
    a.endRow();
    for (const issue of row.issues) {
      if (!person.includes(issue.col)) this.issues.push({ line: row.line, ...issue });
    }
    this.rows++;
  }

  async close(): Promise<void> {
    this.appender?.flushSync();
    this.appender?.closeSync();
    if (this.issues.length) {
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
  }
}
