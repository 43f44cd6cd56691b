import { join, resolve } from 'node:path';
import type { Column, RowObject } from '../../output/column.js';
import { writeCsv } from '../../output/csv.js';
import { safeFileName, uniqueNames } from '../../output/file-name.js';
import { jsonRows } from '../../output/json.js';
import { renderTable } from '../../output/table.js';
import { writeXlsx } from '../../output/xlsx.js';
import { plur } from '../../text/russian.js';
import { ensureRegistryView } from '../../warehouse/registry-view.js';
import { runScript, sqlFile } from '../../warehouse/sql-file.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import { batchNumber, oneOf, sourceName } from '../options.js';

export type RejectRow = {
  batch_id: number;
  source: string;
  file_name: string;
  sheet: string | null;
  line: number;
  column_name: string | null;
  value: string | null;
  reason: string;
  school_login: string | null;
  school_name: string | null;
  municipality: string | null;
};

export const NO_MUNICIPALITY = 'Без муниципалитета';
const SCREEN_LIMIT = 200;
const DEFAULT_OUT = 'out/rejects';

const SCREEN: Column[] = [
  { key: 'file_name', title: 'Файл' },
  { key: 'sheet', title: 'Лист' },
  { key: 'line', title: 'Строка', kind: 'integer' },
  { key: 'column_name', title: 'Столбец' },
  { key: 'value', title: 'Значение' },
  { key: 'reason', title: 'Причина', maxWidth: 200 },
];

const FULL: Column[] = [
  { key: 'municipality', title: 'Муниципалитет', kind: 'text' },
  { key: 'school_login', title: 'Логин ОО', kind: 'text' },
  { key: 'school_name', title: 'Школа', kind: 'text' },
  { key: 'file_name', title: 'Файл', kind: 'text' },
  { key: 'sheet', title: 'Лист', kind: 'text' },
  { key: 'line', title: 'Строка', kind: 'integer' },
  { key: 'column_name', title: 'Столбец', kind: 'text' },
  { key: 'value', title: 'Значение', kind: 'text' },
  { key: 'reason', title: 'Причина — что исправить', kind: 'text' },
  { key: 'source', title: 'Источник', kind: 'text' },
  { key: 'batch_id', title: '№ версии', kind: 'integer' },
];

/** The per-municipality workbook: what the municipality fixes, without the columns it does not need. */
const FOR_MUNICIPALITY = FULL.filter((c) => c.key !== 'municipality' && c.key !== 'source');

/** Rejected values of the versions in force (or of one version), read-only. */
export async function readRejects(
  wh: Warehouse,
  filter: { batch?: number; source?: string; file?: string },
): Promise<RejectRow[]> {
  await ensureRegistryView(wh);
  await runScript(wh, sqlFile('cli/batch-state.sql'));
  return wh.rows<RejectRow>(sqlFile('cli/rejects.sql'), {
    batch: filter.batch ?? null,
    source: filter.source ?? null,
    file: filter.file ?? null,
  });
}

const lineKey = (r: RejectRow) => `${r.batch_id}|${r.sheet ?? ''}|${r.line}`;
const linesOf = (rows: RejectRow[]) => new Set(rows.map(lineKey)).size;

/** Counts by reason: values and rows, most frequent first. */
function byReason(rows: RejectRow[]): { reason: string; values: number; lines: number }[] {
  const groups = new Map<string, RejectRow[]>();
  for (const r of rows) groups.set(r.reason, [...(groups.get(r.reason) ?? []), r]);
  return [...groups]
    .map(([reason, list]) => ({ reason, values: list.length, lines: linesOf(list) }))
    .sort((a, b) => b.values - a.values || a.reason.localeCompare(b.reason, 'ru'));
}

function totalLine(rows: RejectRow[]): string {
  const files = new Set(rows.map((r) => r.batch_id)).size;
  return (
    `Отклонено ${plur(rows.length, 'значение', 'значения', 'значений')} в ` +
    `${plur(linesOf(rows), 'строке', 'строках', 'строках')} ${plur(files, 'файла', 'файлов', 'файлов')}.`
  );
}

const withMunicipality = (rows: RejectRow[]): RowObject[] =>
  rows.map((r) => ({ ...r, municipality: r.municipality ?? NO_MUNICIPALITY }));

/** The lines above the table of a municipality's workbook: what to fix and how to send it back. */
function municipalityTitle(municipality: string, rows: RejectRow[]): string[] {
  return [
    `Отклонённые строки выгрузок проекта «500+»: ${municipality}`,
    'Что исправить: каждое значение из таблицы ниже — в исходном файле (файл, лист, номер строки и столбец указаны), ' +
      'по подсказке в столбце «Причина — что исправить». Остальные строки файла не меняйте.',
    'Как вернуть: пришлите исправленные файлы целиком, под теми же названиями, региональному координатору проекта; ' +
      'при повторной загрузке исправленный файл заменит прежнюю версию.',
    `Сформировано ${new Date().toLocaleDateString('ru-RU')}; ` + `${totalLine(rows).replace(/^О/, 'о')}`,
  ];
}

/** One XLSX per municipality; returns the files written. */
export async function writeByMunicipality(
  rows: RejectRow[],
  dir: string,
): Promise<{ municipality: string; path: string; values: number }[]> {
  const groups = new Map<string, RejectRow[]>();
  for (const r of rows) {
    const m = r.municipality?.trim() || NO_MUNICIPALITY;
    groups.set(m, [...(groups.get(m) ?? []), r]);
  }
  const names = [...groups.keys()].sort((a, b) =>
    a === NO_MUNICIPALITY ? 1 : b === NO_MUNICIPALITY ? -1 : a.localeCompare(b, 'ru'),
  );
  const files = uniqueNames(names.map((m) => `Отклонённые строки — ${safeFileName(m)}`));
  const written: { municipality: string; path: string; values: number }[] = [];
  for (const [i, municipality] of names.entries()) {
    const list = groups.get(municipality) ?? [];
    const path = join(dir, `${files[i]}.xlsx`);
    await writeXlsx(path, [
      {
        name: 'Отклонённые строки',
        columns: FOR_MUNICIPALITY,
        rows: list,
        title: municipalityTitle(municipality, list),
      },
    ]);
    written.push({ municipality, path, values: list.length });
  }
  return written;
}

export const command: Command = {
  summary: 'отклонённые значения: что исправить в выгрузках',
  usage:
    'Использование: shnor rejects [--file ФАЙЛ] [--source ИСТОЧНИК] [--batch НОМЕР] [--by-municipality]\n' +
    '                     [--format table|csv|xlsx] [--out ПАПКА]',
  help: `Показывает значения, которые не прошли проверку при загрузке: файл, лист, строку, столбец, значение
и причину — что исправить. Берутся действующие версии (shnor batches); строки версий, заменённых
более новой загрузкой тех же данных, не показываются. На экран выводятся первые ${SCREEN_LIMIT} значений
и сводка по причинам; полный список — в CSV или XLSX.

Параметры:
  --file ФАЙЛ          только файлы, в имени которых есть этот текст
  --source ИСТОЧНИК    только этот источник
  --batch НОМЕР        только эта версия (в том числе заменённая)
  --by-municipality    по файлу XLSX на муниципалитет (по школе строки; строки без известной школы —
                       в файл «${NO_MUNICIPALITY}»), с пояснением, что исправить и куда отправить
  --format ФОРМАТ      table (на экран, по умолчанию), csv или xlsx
  --out ПАПКА          куда записать файлы (по умолчанию ${DEFAULT_OUT}/)

Код завершения: 1, если отклонённые значения есть; 0, если их нет.

Примеры:
  shnor rejects --source participants
  shnor rejects --by-municipality --out входящие/на-исправление`,
  options: {
    file: { type: 'string' },
    source: { type: 'string' },
    batch: { type: 'string' },
    'by-municipality': { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(positionals, values, globals, io) {
    if (positionals.length)
      throw new UserError(`Лишний аргумент «${positionals[0]}». Справка: shnor rejects --help`);
    const byMunicipality = Boolean(values['by-municipality']);
    const format =
      oneOf(values.format, ['table', 'csv', 'xlsx'] as const, '--format') ??
      (byMunicipality ? 'xlsx' : 'table');
    if (byMunicipality && format !== 'xlsx') {
      throw new UserError(
        'С --by-municipality файлы записываются только в XLSX: уберите --format или укажите --format xlsx.',
      );
    }
    const filter = {
      file: values.file as string | undefined,
      source: sourceName(values.source),
      batch: batchNumber(values.batch, 'Параметр --batch'),
    };
    const dir = resolve((values.out as string | undefined) ?? DEFAULT_OUT);
    const wh = await Warehouse.open(globals.db, { readOnly: true });
    let rows: RejectRow[];
    try {
      rows = await readRejects(wh, filter);
    } finally {
      wh.close();
    }
    const code = rows.length > 0 ? EXIT.warnings : EXIT.ok;
    if (rows.length === 0 && format === 'table') {
      if (globals.json) io.out(JSON.stringify({ values: 0, lines: 0, byReason: [], rows: [] }, null, 2));
      else io.out('Отклонённых значений нет.');
      return code;
    }

    if (byMunicipality) {
      const written = rows.length ? await writeByMunicipality(rows, dir) : [];
      if (globals.json) io.out(JSON.stringify(written, null, 2));
      else if (written.length === 0) io.out('Отклонённых значений нет: файлы не записаны.');
      else {
        io.out(`Записано ${plur(written.length, 'файл', 'файла', 'файлов')} в ${dir}:`);
        for (const w of written)
          io.out(`  ${w.municipality} — ${plur(w.values, 'значение', 'значения', 'значений')}: ${w.path}`);
      }
      return code;
    }

    if (format !== 'table') {
      const path = join(dir, `отклонённые строки.${format}`);
      if (format === 'csv') writeCsv(path, FULL, withMunicipality(rows));
      else
        await writeXlsx(path, [{ name: 'Отклонённые строки', columns: FULL, rows: withMunicipality(rows) }]);
      if (globals.json) io.out(JSON.stringify({ path, values: rows.length, lines: linesOf(rows) }, null, 2));
      else io.out(`${totalLine(rows)}\nЗаписано: ${path}`);
      return code;
    }

    if (globals.json) {
      const out = {
        values: rows.length,
        lines: linesOf(rows),
        byReason: byReason(rows),
        rows: jsonRows(FULL, withMunicipality(rows), true),
      };
      io.out(JSON.stringify(out, null, 2));
      return code;
    }
    const shown = rows.slice(0, SCREEN_LIMIT);
    const columns = shown.some((r) => r.sheet) ? SCREEN : SCREEN.filter((c) => c.key !== 'sheet');
    for (const line of renderTable(columns, shown, { empty: '' })) io.out(line);
    if (rows.length > SCREEN_LIMIT) {
      io.out(
        `… и ещё ${plur(rows.length - SCREEN_LIMIT, 'значение', 'значения', 'значений')}. ` +
          'Полный список: shnor rejects --format xlsx (или --by-municipality).',
      );
    }
    io.out('');
    io.out('По причинам:');
    for (const r of byReason(rows)) {
      io.out(
        `  ${r.reason} — ${plur(r.values, 'значение', 'значения', 'значений')} в ${plur(r.lines, 'строке', 'строках', 'строках')}`,
      );
    }
    io.out('');
    io.out(totalLine(rows));
    io.out(`Файлы для муниципалитетов: shnor rejects --by-municipality (папка ${DEFAULT_OUT}/).`);
    return code;
  },
};
