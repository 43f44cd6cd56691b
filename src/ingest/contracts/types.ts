/** Declarative description of one input source (DOMAIN.md §3.6). Data, not code. */

/** How a cell value is parsed; each kind has one parser in src/ingest/parse. */
export type ValueKind =
  | 'text'
  | 'int'
  | 'number'
  | 'date'
  | 'bool'
  | 'login'
  | 'rcoi_code'
  | 'year'
  | 'factor'
  | 'risk_level'
  | 'subject'
  | 'enum'
  | 'period'
  | 'mark'
  | 'person';

export interface ColumnSpec {
  /** Canonical name: the column of raw_<source>. */
  name: string;
  kind: ValueKind;
  required?: boolean;
  /** Header spellings besides the canonical name (folded before comparison). */
  aliases?: string[];
  /** Inclusive range for numeric kinds. */
  min?: number;
  max?: number;
  /** For `enum`: canonical value → accepted spellings (folded). */
  values?: Record<string, string[]>;
  /** A value that may live outside the table: title rows, file name, CLI flag (§3.3). */
  meta?: boolean;
  /** Value-dependent alias: the header matches only when the column's values look like this. */
  valuePattern?: RegExp;
  /** When empty or absent, the value of this other column of the row (cohort defaults to the year). */
  defaultFrom?: string;
  /** Short Russian description for messages and the catalog. */
  title: string;
}

export interface Contract {
  source: string;
  /** Russian name of the export, used in messages («протокол ВПР»). */
  title: string;
  columns: ColumnSpec[];
  /** Columns whose values define the part of the data one file replaces (§3.2). */
  partitionKey: string[];
  /**
   * Columns that name one row (the grain its staging model keeps one row of): a later row of the same
   * file with the same values is rejected as a repeat of the first, which is kept.
   */
  key?: string[];
  /** Patterns of a file name that hint this source (used only to break ties and fill meta). */
  fileHints?: RegExp[];
  /** Rows without an item number continue the previous row (roadmaps). */
  continuationKey?: string;
  /** The year is the calendar year of this date column (events, visits). */
  yearFromDate?: string;
  /** Rows of absent participants (assessments): no mark and no score, or «отсутствовал». */
  absence?: {
    markColumns: string[];
    scoreColumns: string[];
    noteColumn?: string;
    /** Only a row that names its participant can be an absence (not a footer or a signature row). */
    identityColumn: string;
  };
  /** At least one of these must be filled on a row that is not absent. */
  requireOneOf?: string[];
  /** Unmatched header cells that look like task numbers are kept together as JSON. */
  taskScores?: boolean;
  /** Columns holding personal data; hashed into `personColumn`, never stored. */
  person?: { column: string; headers: string[] };
  /** Wide layout: one column per value of `column`, e.g. one per risk factor (РПШ). */
  wide?: { keyColumn: string; valueColumn: string; minColumns: number };
  /** Rows of this source may be entered by hand: `shnor template` writes an example. */
  example?: Record<string, string>;
}
