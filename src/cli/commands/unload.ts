import { contractBySource } from '../../ingest/contracts/index.js';
import { formatDate } from '../../output/column.js';
import { jsonValue } from '../../output/json.js';
import { num } from '../../text/russian.js';
import { ident } from '../../warehouse/quote.js';
import { runScript, sqlFile } from '../../warehouse/sql-file.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import { batchNumber } from '../options.js';

interface BatchInfo {
  batch_id: number;
  file_name: string;
  source: string;
  status: string;
  snapshot_date: Date;
  unloaded_at: Date | null;
  rows_loaded: number;
  rows_rejected: number;
}

interface PartitionChange {
  partition_key: string;
  before_batch: number | null;
  after_batch: number | null;
  after_snapshot: Date | null;
  after_file: string | null;
}

const partName = (key: string) => (key ? `«${key}»` : '«весь реестр»');

/** What is in force for a partition once the version is gone, as a Russian line. */
function changeLine(batch: number, p: PartitionChange): string {
  const now =
    p.after_batch !== null
      ? `версия №\u00a0${p.after_batch} от ${p.after_snapshot ? formatDate(p.after_snapshot) : '—'} (${p.after_file})`
      : null;
  if (p.before_batch !== batch)
    return `  часть ${partName(p.partition_key)}: без изменений, действует ${now}`;
  if (now) return `  часть ${partName(p.partition_key)}: теперь действует ${now}`;
  return `  часть ${partName(p.partition_key)}: других версий нет — данных этой части в хранилище больше нет`;
}

/** Removes one version in one transaction; returns the version and its partitions' changes. */
export async function unloadBatch(
  wh: Warehouse,
  batch: number,
): Promise<{ info: BatchInfo; changes: PartitionChange[] }> {
  return wh.transaction(async () => {
    const [info] = await wh.rows<BatchInfo>(sqlFile('cli/unload-batch.sql'), { batch });
    if (!info) {
      throw new UserError(`Версии №\u00a0${batch} нет в хранилище. Список версий: shnor batches --all.`);
    }
    if (info.status !== 'loaded') {
      const when = info.unloaded_at ? ` ${formatDate(info.unloaded_at)}` : '';
      throw new UserError(
        `Версия №\u00a0${batch} («${info.file_name}») уже удалена${when}. Чтобы вернуть данные, загрузите файл снова: shnor ingest ФАЙЛ.`,
      );
    }
    const changes = await wh.rows<PartitionChange>(sqlFile('cli/unload-partitions.sql'), { batch });
    const table = `raw_${info.source}`;
    if (await wh.tableExists(table))
      await wh.run(`DELETE FROM ${ident(table)} WHERE _batch_id = $batch`, { batch });
    await runScript(wh, sqlFile('cli/unload.sql'), { batch });
    return { info, changes };
  });
}

export const command: Command = {
  summary: 'удалить версию (загруженный файл) из хранилища',
  usage: 'Использование: shnor unload НОМЕР_ВЕРСИИ',
  help: `Удаляет одну версию — всё, что загрузил один файл: его строки, отклонённые значения и сведения о его
частях данных — одной транзакцией. В журнале загрузок версия остаётся со статусом «удалена».
Для каждой части данных (например, «year=2026») команда сообщает, какая версия теперь действует:
предыдущая, если она есть. Номер версии — в выводе shnor ingest и shnor batches.

Пример:
  shnor unload 12`,
  options: {},
  async run(positionals, _values, globals, io) {
    if (positionals.length !== 1) {
      throw new UserError('Укажите один номер версии: shnor unload НОМЕР (номера — в shnor batches).');
    }
    const batch = batchNumber(positionals[0], 'Номер версии') as number;
    const wh = await Warehouse.open(globals.db);
    let result: Awaited<ReturnType<typeof unloadBatch>>;
    try {
      result = await unloadBatch(wh, batch);
    } finally {
      wh.close();
    }
    const { info, changes } = result;
    if (globals.json) {
      io.out(
        JSON.stringify(
          {
            batch_id: info.batch_id,
            file_name: info.file_name,
            source: info.source,
            rows_removed: info.rows_loaded,
            rejects_removed: info.rows_rejected,
            partitions: changes.map((c) => ({
              partition_key: c.partition_key,
              current_batch: c.after_batch,
              current_snapshot_date: jsonValue(c.after_snapshot, { key: '', title: '', kind: 'date' }),
              current_file: c.after_file,
              changed: c.before_batch === info.batch_id,
            })),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    const title = contractBySource(info.source)?.title ?? info.source;
    io.out(
      `Версия №\u00a0${info.batch_id} удалена: «${info.file_name}» — ${title} (${info.source}), ` +
        `по состоянию на ${formatDate(info.snapshot_date)}.`,
    );
    io.out(
      `Удалено строк: ${num(info.rows_loaded)}, отклонённых строк этой версии: ${num(info.rows_rejected)}.`,
    );
    if (changes.length === 0) {
      io.out('У версии не было загруженных строк, действующие данные не изменились.');
    } else {
      io.out('Части данных:');
      for (const c of changes) io.out(changeLine(info.batch_id, c));
    }
    if (info.source === 'schools') {
      io.out(
        'Изменился реестр ОО: файлы с отклонёнными строками будут перепроверены при следующей загрузке (shnor ingest).',
      );
    }
    return EXIT.ok;
  },
};
