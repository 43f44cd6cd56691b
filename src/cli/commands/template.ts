import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fold } from '../../ingest/aliases.js';
import {
  type ColumnSpec,
  type Contract,
  contractBySource,
  HAND_KEPT_SOURCES,
} from '../../ingest/contracts/index.js';
import { aliasIndex } from '../../ingest/header.js';
import type { Column, ColumnKind } from '../../output/column.js';
import { addSheet, saveWorkbook } from '../../output/xlsx.js';
import ExcelJS from '../../xlsx/exceljs.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The header a template writes for a column: its Russian title when the ingest recognises it, else
 * the first alias that it recognises (the contract's own, then the built-in ones).
 */
export function templateHeader(contract: Contract, spec: ColumnSpec): string {
  const index = aliasIndex(contract, []);
  const recognised = (text: string) => index.get(fold(text))?.[0] === spec;
  const builtIn = [...index.entries()]
    .filter(([key, s]) => s[0] === spec && !/^[a-z_]+$/.test(key))
    .map(([key]) => key);
  const candidates = [capitalize(spec.title), ...(spec.aliases ?? []), ...builtIn.map(capitalize)];
  return candidates.find(recognised) ?? capitalize(spec.title);
}

function kindOf(spec: ColumnSpec): ColumnKind {
  switch (spec.kind) {
    case 'date':
      return 'date';
    case 'int':
    case 'year':
      return 'integer';
    case 'number':
      return 'decimal';
    default:
      return 'text';
  }
}

function hint(spec: ColumnSpec): string {
  switch (spec.kind) {
    case 'date':
      return 'дата, ДД.ММ.ГГГГ';
    case 'year':
      return 'год, например 2026';
    case 'login':
      return 'логин ОО в ФИС ОКО: sch и 6 цифр, например sch050001';
    case 'int':
      return 'целое число';
    case 'number':
      return 'число (дробная часть — через запятую)';
    case 'enum':
      return `одно из значений: ${Object.keys(spec.values ?? {})
        .map((v) => `«${v}»`)
        .join(', ')}`;
    default:
      return 'текст';
  }
}

/** An example value as a typed cell: dates as dates, numbers as numbers, the rest as text. */
function exampleValue(spec: ColumnSpec, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  const kind = kindOf(spec);
  const date = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (kind === 'date' && date)
    return new Date(Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])));
  if ((kind === 'integer' || kind === 'decimal') && /^-?\d+(?:[.,]\d+)?$/.test(text))
    return Number(text.replace(',', '.'));
  return text;
}

/** The workbook: a title with a date to fill in, instructions, the header, one example row. */
export function templateWorkbook(contract: Contract): ExcelJS.Workbook {
  const specs = contract.columns;
  const columns: Column[] = specs.map((spec) => ({
    key: spec.name,
    title: `${templateHeader(contract, spec)}${spec.required ? ' *' : ''}`,
    kind: kindOf(spec),
  }));
  const example = Object.fromEntries(specs.map((s) => [s.name, exampleValue(s, contract.example?.[s.name])]));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'shnor';
  const ws = addSheet(workbook, {
    name: capitalize(contract.title),
    columns,
    rows: [example],
    title: [
      `${capitalize(contract.title)} по состоянию на __.__.____`,
      'Замените __.__.____ датой, на которую верны сведения. Обязательные столбцы выделены жирным и отмечены «*»; ' +
        'подсказка к столбцу — в примечании к его заголовку. Строка 4 — пример: замените её своими данными.',
    ],
  });
  ws.autoFilter = undefined as unknown as ExcelJS.AutoFilter;
  const header = ws.getRow(3);
  specs.forEach((spec, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: Boolean(spec.required) };
    cell.note = `${capitalize(spec.title)}${spec.required ? ' (обязательно)' : ''}: ${hint(spec)}.`;
    if (spec.kind === 'year' || spec.kind === 'int') ws.getColumn(i + 1).numFmt = '0';
  });
  return workbook;
}

const allowed = () => HAND_KEPT_SOURCES.map((s) => `${s} (${contractBySource(s)?.title ?? s})`).join(', ');

export const command: Command = {
  summary: 'шаблон XLSX для сведений, которые ведутся вручную',
  usage: 'Использование: shnor template ИСТОЧНИК [--out ФАЙЛ] [--force]',
  help: `Записывает книгу Excel с правильными заголовками и строкой-примером для источника, который ведётся
вручную. Обязательные столбцы выделены жирным и отмечены «*», у каждого заголовка — примечание с подсказкой.
Заполненный шаблон загружается как есть: shnor ingest ФАЙЛ.

Источники: ${HAND_KEPT_SOURCES.join(', ')}

Параметры:
  --out ФАЙЛ   куда записать (по умолчанию out/templates/ИСТОЧНИК.xlsx)
  --force      перезаписать существующий файл

Пример:
  shnor template curator_visits --out посещения-2026.xlsx`,
  options: {
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(positionals, values, globals, io) {
    if (positionals.length !== 1) {
      throw new UserError(`Укажите один источник: shnor template ИСТОЧНИК. Шаблоны есть для: ${allowed()}.`);
    }
    const source = positionals[0];
    const contract = contractBySource(source);
    if (!contract || !HAND_KEPT_SOURCES.includes(source)) {
      throw new UserError(
        `${contract ? `Источник «${source}» (${contract.title}) выгружается из информационных систем, а не ведётся вручную` : `Неизвестный источник «${source}»`}. ` +
          `Шаблоны есть для: ${allowed()}.`,
      );
    }
    const path = resolve((values.out as string | undefined) ?? `out/templates/${source}.xlsx`);
    if (!path.toLowerCase().endsWith('.xlsx'))
      throw new UserError(`Файл шаблона должен иметь расширение .xlsx: «${path}».`);
    if (existsSync(path) && !values.force) {
      throw new UserError(
        `Файл «${path}» уже существует. Укажите другой --out или добавьте --force, чтобы перезаписать.`,
      );
    }
    await saveWorkbook(templateWorkbook(contract), path);
    if (globals.json) io.out(JSON.stringify({ source, path }, null, 2));
    else
      io.out(
        `Шаблон «${contract.title}» (${source}) записан: ${path}\nЗаполните его и загрузите: shnor ingest ${JSON.stringify(path)}`,
      );
    return EXIT.ok;
  },
};
