import { extname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { runParams, setParamsSql } from '../../models/params.js';
import { writeArrow } from '../../output/arrow.js';
import { toCsv } from '../../output/csv.js';
import { jsonRows } from '../../output/json.js';
import { renderTable } from '../../output/table.js';
import { writeFileAtomic } from '../../output/write-file.js';
import { writeXlsx } from '../../output/xlsx.js';
import { plur } from '../../text/russian.js';
import { type QueryResult, queryResult } from '../../warehouse/query-result.js';
import { ensureRegistryView } from '../../warehouse/registry-view.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import type { Io } from '../io.js';
import { oneOf } from '../options.js';

const FORMATS = ['table', 'csv', 'json', 'xlsx', 'arrow'] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = {
  '.csv': 'csv',
  '.json': 'json',
  '.xlsx': 'xlsx',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.txt': 'table',
};
/** Rows shown on screen; the rest goes to a file. */
const SCREEN_LIMIT = 1000;

/** DuckDB's error as a Russian message that keeps DuckDB's own text. */
export function sqlError(error: unknown): UserError {
  const text = String((error as Error)?.message ?? error)
    .replace(/^Failed to extract statements:\s*/i, '')
    .trim();
  if (/read-only mode|read only mode|attached in read-only/i.test(text)) {
    return new UserError(
      'shnor sql открывает хранилище только для чтения: изменять его (CREATE, INSERT, UPDATE, DELETE, DROP …) ' +
        'здесь нельзя. Данные меняются только загрузкой (shnor ingest) и удалением версий (shnor unload).\n' +
        `Сообщение DuckDB: ${text}`,
    );
  }
  const kinds: [RegExp, string][] = [
    [/^Parser Error/i, 'синтаксическая ошибка в запросе'],
    [/^Catalog Error/i, 'не найдена таблица, столбец или функция'],
    [/^Binder Error/i, 'ошибка в запросе: столбец, тип или выражение'],
    [/^Conversion Error|^Invalid Input Error/i, 'значение не удалось преобразовать'],
    [/^Out of Memory Error/i, 'не хватило памяти: сузьте запрос'],
    [/^IO Error/i, 'ошибка чтения или записи файла'],
  ];
  const what = kinds.find(([re]) => re.test(text))?.[1] ?? 'запрос не выполнен';
  return new UserError(`Запрос не выполнен — ${what}.\nСообщение DuckDB: ${text}`);
}

/** Runs one statement and reads its whole result. */
export async function runQuery(wh: Warehouse, sql: string): Promise<QueryResult> {
  try {
    const extracted = await wh.connection.extractStatements(sql);
    if (extracted.count === 0)
      throw new UserError('Пустой запрос: передайте запрос SQL, например "SELECT * FROM load_batch".');
    if (extracted.count > 1) {
      throw new UserError(
        `В запросе ${plur(extracted.count, 'команда', 'команды', 'команд')} SQL; передайте одну (несколько — в диалоговом режиме: shnor sql без запроса).`,
      );
    }
    const prepared = await extracted.prepare(0);
    return queryResult(await prepared.runAndReadAll());
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw sqlError(error);
  }
}

function printTable(result: QueryResult, io: Io): void {
  if (result.columns.length === 0) {
    io.out('Готово.');
    return;
  }
  for (const line of renderTable(result.columns, result.rows.slice(0, SCREEN_LIMIT))) io.out(line);
  const n = result.rows.length;
  if (n > SCREEN_LIMIT) {
    io.out(
      `… показаны первые ${SCREEN_LIMIT}; всего ${plur(n, 'строка', 'строки', 'строк')}. Целиком: --format csv|xlsx --out ФАЙЛ`,
    );
  } else {
    io.out(`(${plur(n, 'строка', 'строки', 'строк')})`);
  }
}

async function writeResult(
  result: QueryResult,
  format: Format,
  out: string | undefined,
  io: Io,
): Promise<void> {
  if (format === 'table' && !out) return printTable(result, io);
  if (!out) {
    if (format === 'csv') io.out(toCsv(result.columns, result.rows, { bom: false }).trimEnd());
    else if (format === 'json') io.out(JSON.stringify(jsonRows(result.columns, result.rows), null, 2));
    else throw new UserError(`Для формата ${format} укажите файл: --out результат.${format}`);
    return;
  }
  const path = resolve(out);
  if (format === 'csv') writeFileAtomic(path, toCsv(result.columns, result.rows));
  else if (format === 'json')
    writeFileAtomic(path, `${JSON.stringify(jsonRows(result.columns, result.rows), null, 2)}\n`);
  else if (format === 'xlsx')
    await writeXlsx(path, [{ name: 'Результат', columns: result.columns, rows: result.rows }]);
  else if (format === 'arrow') writeArrow(path, result.columns, result.values);
  else writeFileAtomic(path, `${renderTable(result.columns, result.rows).join('\n')}\n`);
  io.out(`Записано: ${path} (${plur(result.rows.length, 'строка', 'строки', 'строк')})`);
}

/**
 * The interactive prompt: statements end with `;` at the end of a line; `\q` quits. An error is
 * printed and the prompt goes on.
 */
export async function repl(
  wh: Warehouse,
  input: NodeJS.ReadableStream,
  io: Io,
  prompt: boolean,
): Promise<void> {
  const rl = createInterface({ input, output: prompt ? process.stdout : undefined, terminal: prompt });
  const ask = (more: boolean) => {
    if (!prompt) return;
    rl.setPrompt(more ? '  ...> ' : 'shnor> ');
    rl.prompt();
  };
  if (prompt) io.out('Запросы SQL к хранилищу (только чтение). Команда заканчивается «;», выход — \\q.');
  let buffer = '';
  ask(false);
  for await (const line of rl) {
    if (!buffer && /^\s*\\q\s*$/.test(line)) break;
    buffer += `${line}\n`;
    if (!/;\s*$/.test(line)) {
      ask(buffer.trim().length > 0);
      continue;
    }
    const sql = buffer;
    buffer = '';
    try {
      printTable(await runQuery(wh, sql), io);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.err(`Ошибка: ${error.message}`);
    }
    ask(false);
  }
  rl.close();
}

export const command: Command = {
  summary: 'запрос SQL к хранилищу (только чтение): экран, CSV, JSON, XLSX, Arrow',
  usage: 'Использование: shnor sql ["ЗАПРОС"] [--format table|csv|json|xlsx|arrow] [--out ФАЙЛ]',
  help: `Выполняет один запрос SQL (DuckDB) к хранилищу, открытому только для чтения, и выводит результат:
на экран таблицей (числа — с десятичной запятой, пустые значения — «—») или в файл. Без запроса —
диалоговый режим: команды заканчиваются «;», выход — \\q.

Таблицы: load_batch (журнал загрузок), batch_partition (версии частей данных), rejects (отклонённые
значения), raw_<источник> (загруженные строки), ref_* (справочники), школы с историей —
school_registry_history; версия части данных на дату — partition_as_of('источник', DATE '2026-06-15').
Модели: stg_* (источники на дату), витрины (расчёт за каждый год и дату) и ИМЯ_latest (последний расчёт
каждого года); список и описания — shnor docs.

Параметры:
  --format ФОРМАТ   table (экран, по умолчанию), csv (UTF-8 с BOM, «;», десятичная запятая — открывается
                    в Excel), json, xlsx, arrow (файл Arrow IPC для pandas, polars, R)
  --out ФАЙЛ        записать в файл; формат по расширению, если --format не указан
  --as-of ДАТА      stg_* и промежуточные модели читают данные по состоянию на эту дату
                    (по умолчанию — последние версии)
  --year ГОД        год для промежуточных моделей (run_year())

Примеры:
  shnor sql "SELECT source, count(*) AS версий FROM load_batch GROUP BY source"
  shnor sql "SELECT * FROM rejects" --out отклонённые.xlsx
  shnor sql "SELECT * FROM risk_picture_latest WHERE year = 2026 AND scope = 'region' ORDER BY rank"
  shnor sql "SELECT count(*) FROM stg_participants WHERE year = 2026" --as-of 31.03.2026`,
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    year: { type: 'string' },
  },
  async run(positionals, values, globals, io) {
    const out = values.out as string | undefined;
    const byExtension = out ? BY_EXTENSION[extname(out).toLowerCase()] : undefined;
    const format: Format =
      oneOf(values.format, FORMATS, '--format') ??
      byExtension ??
      (out ? 'csv' : globals.json ? 'json' : 'table');
    const query = positionals.join(' ').trim();
    if (!query && (values.format !== undefined || out)) {
      throw new UserError(
        'В диалоговом режиме результат выводится только на экран; для --format и --out передайте запрос.',
      );
    }
    // Only --year: the latest versions are read (as_of_date() without a date), not last month's.
    const params =
      values['as-of'] !== undefined || values.year !== undefined
        ? {
            ...runParams(values.year, values['as-of']),
            ...(values['as-of'] === undefined ? { asOf: '9999-12-31' } : {}),
          }
        : undefined;
    const wh = await Warehouse.open(globals.db, { readOnly: true });
    try {
      await ensureRegistryView(wh);
      if (params) for (const sql of setParamsSql(params)) await wh.run(sql);
      if (!query) {
        await repl(wh, process.stdin, io, Boolean(process.stdin.isTTY));
        return EXIT.ok;
      }
      await writeResult(await runQuery(wh, query), format, out, io);
      return EXIT.ok;
    } finally {
      wh.close();
    }
  },
};
