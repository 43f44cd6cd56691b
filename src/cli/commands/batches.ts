import { contractBySource } from '../../ingest/contracts/index.js';
import type { Column, RowObject } from '../../output/column.js';
import { formatDate } from '../../output/column.js';
import { jsonRows } from '../../output/json.js';
import { renderTable } from '../../output/table.js';
import { num, plur } from '../../text/russian.js';
import { runScript, sqlFile } from '../../warehouse/sql-file.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT } from '../errors.js';
import { sourceName } from '../options.js';

interface BatchRow {
  batch_id: number;
  file_name: string;
  sheets: string | null;
  source: string;
  snapshot_date: Date;
  snapshot_origin: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_skipped: number;
  status: string;
  state: 'current' | 'replaced' | 'unloaded';
  loaded_at: Date;
  unloaded_at: Date | null;
  warnings: string | null;
}

const STATE_RU = { current: 'действует', replaced: 'заменена', unloaded: 'удалена' } as const;

const COLUMNS: Column[] = [
  { key: 'batch_id', title: '№ версии', kind: 'integer' },
  { key: 'file', title: 'Файл' },
  { key: 'source', title: 'Источник' },
  { key: 'snapshot_date', title: 'По состоянию на', kind: 'date' },
  { key: 'rows_read', title: 'Прочитано', kind: 'integer' },
  { key: 'rows_loaded', title: 'Загружено', kind: 'integer' },
  { key: 'rows_rejected', title: 'Отклонено', kind: 'integer' },
  { key: 'rows_skipped', title: 'Пропущено', kind: 'integer' },
  { key: 'state', title: 'Статус' },
  { key: 'loaded_at', title: 'Загружен', kind: 'datetime' },
];

/** Reads the load log (read-only). */
export async function readBatches(
  wh: Warehouse,
  source: string | undefined,
  all: boolean,
): Promise<BatchRow[]> {
  await runScript(wh, sqlFile('cli/batch-state.sql'));
  return wh.rows<BatchRow>(sqlFile('cli/batches.sql'), { source: source ?? null, all });
}

function display(b: BatchRow): RowObject {
  return {
    ...b,
    file: b.sheets ? `${b.file_name}, лист «${b.sheets}»` : b.file_name,
    state:
      b.state === 'unloaded' && b.unloaded_at ? `удалена ${formatDate(b.unloaded_at)}` : STATE_RU[b.state],
  };
}

export const command: Command = {
  summary: 'журнал загрузок: версии файлов, строки, статус',
  usage: 'Использование: shnor batches [--source ИСТОЧНИК] [--all]',
  help: `Показывает загруженные версии (каждый загруженный файл — новая версия своих частей данных):
номер версии, файл, источник, дату «по состоянию на», сколько строк прочитано, загружено, отклонено
и пропущено, статус и время загрузки.

Статус: «действует» — версия используется в расчётах; «заменена» — все её части заменены более новыми
версиями (она остаётся для расчётов «по состоянию на» прошлые даты); «удалена» — снята командой
shnor unload (видна только с --all).

Параметры:
  --source ИСТОЧНИК   только версии этого источника (например, participants)
  --all               показать и удалённые версии

Пример:
  shnor batches --source participants`,
  options: {
    source: { type: 'string' },
    all: { type: 'boolean' },
  },
  async run(_positionals, values, globals, io) {
    const source = sourceName(values.source);
    const all = Boolean(values.all);
    const wh = await Warehouse.open(globals.db, { readOnly: true });
    let batches: BatchRow[];
    try {
      batches = await readBatches(wh, source, all);
    } finally {
      wh.close();
    }
    if (globals.json) {
      const rows = batches.map((b) => ({ ...b, warnings: b.warnings ? JSON.parse(b.warnings) : [] }));
      const columns = Object.keys(rows[0] ?? {}).map((key) => ({
        key,
        title: key,
        kind: key === 'snapshot_date' ? ('date' as const) : undefined,
      }));
      io.out(JSON.stringify(jsonRows(columns, rows), null, 2));
      return EXIT.ok;
    }
    if (batches.length === 0) {
      const title = source ? `источника «${contractBySource(source)?.title}» (${source})` : '';
      io.out(
        source
          ? `Версий ${title} в хранилище нет.`
          : 'Загрузок ещё не было. Загрузите выгрузки: shnor ingest ПАПКА',
      );
      return EXIT.ok;
    }
    for (const line of renderTable(COLUMNS, batches.map(display))) io.out(line);
    const count = (s: BatchRow['state']) => batches.filter((b) => b.state === s).length;
    const parts = [`действуют ${num(count('current'))}`, `заменены ${num(count('replaced'))}`];
    if (all) parts.push(`удалены ${num(count('unloaded'))}`);
    io.out('');
    io.out(`${plur(batches.length, 'версия', 'версии', 'версий')}: ${parts.join(', ')}.`);
    if (!all) io.out('Удалённые версии: shnor batches --all. Удалить версию: shnor unload НОМЕР.');
    return EXIT.ok;
  },
};
