import { UserError } from '../../cli/errors.js';
import { literal } from '../../warehouse/quote.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { CsvScan } from '../read/csv.js';
import { personPart, personSql } from './person.js';
import { cell, type LoadPlan } from './plan.js';

/**
 * Columns read past the header's width: values there mean a row has more fields than the header
 * (a stray delimiter) and reject it. DuckDB drops fields past the declared columns, so the margin is wide.
 */
const OVERFLOW_COLUMNS = 16;

/**
 * Stages a CSV into TEMP `src` with DuckDB's read_csv (the bulk path, DESIGN). Person cells are
 * hashed inside the same SELECT that reads them, so no table ever holds them. One column more than
 * the header catches rows with extra values; the physical line comes from the scanner's line map.
 */
export async function stageCsv(
  wh: Warehouse,
  plan: LoadPlan,
  scan: CsvScan,
  delimiter: string,
  skipUnits: number,
  file: string,
): Promise<void> {
  const width = plan.width;
  const person = new Set(plan.match.personCells);
  const extra = Array.from({ length: OVERFLOW_COLUMNS }, (_, i) => `_x${i}`);
  const columns = [...Array.from({ length: width }, (_, i) => `c${i}`), ...extra]
    .map((c) => `${literal(c)}: 'VARCHAR'`)
    .join(', ');
  const selected = Array.from({ length: width }, (_, i) =>
    person.has(i) ? `CAST(NULL AS VARCHAR) AS ${cell(i)}` : cell(i),
  );
  // Person cells are always dropped; hashed only when the source keeps a pseudonym of the person.
  const hashed = plan.contract.person !== undefined && plan.match.personCells.length > 0;
  const personExpr = hashed
    ? personSql(
        plan.match.personCells.map((i) => ({ part: personPart(plan.match.header[i]), expr: cell(i) })),
        '$key',
      )
    : 'CAST(NULL AS VARCHAR)';
  await wh
    .run(
      `CREATE OR REPLACE TEMP TABLE src0 AS
SELECT ${selected.join(', ')}, coalesce(${extra.join(', ')}) AS "_overflow",
  ${personExpr} AS "_person"
FROM read_csv(${literal(scan.utf8Path)}, delim = ${literal(delimiter)}, quote = '"', escape = '"', header = false,
  skip = ${skipUnits}, columns = {${columns}}, null_padding = true, strict_mode = false, auto_detect = false,
  parallel = ${scan.multiline ? 'false' : 'true'}${maxLineSize(scan)})`,
      hashed ? { key: wh.key } : undefined,
    )
    .catch((error: Error) => {
      throw readError(error, file);
    });
  if (scan.lineMap.length <= 1) {
    // The usual file: no blank lines, no values spanning lines — the line is the row number plus an offset.
    const offset = scan.lineMap[0]?.[1] ?? 0;
    await wh.run(
      `CREATE OR REPLACE TEMP VIEW src AS
SELECT CAST(rowid + ${offset} AS INTEGER) AS _line, CAST(NULL AS VARCHAR) AS _sheet, * FROM src0`,
    );
  } else {
    await wh.run('CREATE OR REPLACE TEMP TABLE line_map (r BIGINT, line BIGINT)');
    await wh.run(`INSERT INTO line_map VALUES ${scan.lineMap.map(([r, l]) => `(${r}, ${l})`).join(', ')}`);
    await wh.run(
      `CREATE OR REPLACE TEMP TABLE src AS
SELECT CAST(m.line + (s._r - m.r) AS INTEGER) AS _line, CAST(NULL AS VARCHAR) AS _sheet, s.* EXCLUDE (_r)
FROM (SELECT rowid AS _r, * FROM src0) s ASOF JOIN line_map m ON s._r >= m.r`,
    );
  }
  await wh.run(
    'CREATE OR REPLACE TEMP TABLE cell_issue (_line INTEGER, col INTEGER, value VARCHAR, reason VARCHAR)',
  );
  if (scan.hasNul) await nulIssues(wh, width, person);
}

/** DuckDB's own limit is 2 MB a line: a longer record (a 10 MB cell) is read whole, to be rejected by its length. */
function maxLineSize(scan: CsvScan): string {
  const DEFAULT = 2_000_000;
  return scan.longestRecord + 1024 > DEFAULT ? `, max_line_size = ${scan.longestRecord + 1024}` : '';
}

/** A NUL byte in a value (a damaged export) rejects the row, naming the cell; the value is shown with «␀». */
async function nulIssues(wh: Warehouse, width: number, person: Set<number>): Promise<void> {
  for (let i = 0; i < width; i++) {
    if (person.has(i)) continue;
    await wh.run(
      `INSERT INTO cell_issue SELECT _line, ${i}, replace(left(${cell(i)}, 200), chr(0), '␀'), ${literal(NUL_REASON)}
       FROM src WHERE contains(${cell(i)}, chr(0))`,
    );
  }
}

const NUL_REASON =
  'в значении нулевой байт (символ NUL, показан как «␀»): файл повреждён или сохранён не как текст — ' +
  'выгрузите его заново или удалите этот символ';

/** DuckDB's CSV errors, in the user's terms. */
function readError(error: Error, file: string): Error {
  const text = String(error.message);
  const line = /line[: ]+(\d+)/i.exec(text)?.[1];
  if (/unicode|utf-?8/i.test(text)) {
    return new UserError(
      `Файл «${file}»${line ? `, около строки ${line}` : ''}: в файле смешаны кодировки (часть текста не в UTF-8). ` +
        'Откройте файл в Excel или Блокноте и сохраните его целиком в одной кодировке (UTF-8 или Windows-1251).',
    );
  }
  return error;
}
