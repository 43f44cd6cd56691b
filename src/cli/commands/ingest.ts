import { join } from 'node:path';
import { readUserAliases } from '../../ingest/aliases.js';
import { createContext } from '../../ingest/context.js';
import { CONTRACTS } from '../../ingest/contracts/index.js';
import { listInputFiles } from '../../ingest/files.js';
import { runIngest } from '../../ingest/ingest.js';
import { fileSummary, totalsSummary } from '../../ingest/summary.js';
import { PROJECT_ROOT } from '../../warehouse/paths.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';

export const command: Command = {
  summary: 'загрузить выгрузки (CSV, XLSX) в хранилище',
  usage: 'Использование: shnor ingest ПУТЬ... [параметры]',
  help: `Загружает файлы и папки (рекурсивно) в хранилище. Источник каждого файла определяется по заголовку;
год, предмет, класс, дата экзамена — из столбца, строк над заголовком, имени файла или флага.
Каждый файл — новая версия своих частей; прежние версии сохраняются. Повторная загрузка того же файла
пропускается, если не изменились правила источника, псевдонимы или справочники.

Параметры:
  --source ИСТОЧНИК      считать все файлы выгрузкой этого источника
  --year ГОД             год, если его нет ни в файле, ни в имени файла
  --snapshot-date ДАТА   «по состоянию на», если его нет в заголовке файла (ДД.ММ.ГГГГ)
  --set СТОЛБЕЦ=ЗНАЧЕНИЕ  значение, которого нет в файле (например, --set subject=Математика)
  --aliases ФАЙЛ         файл псевдонимов заголовков (по умолчанию pipelines/aliases.csv)
  --exclude ИМЯ          пропустить файлы и папки с этим именем (можно несколько раз)
  --reload               загрузить заново, даже если файл уже загружен
  --dry-run              только проверить: ничего не записывать

Источники: ${CONTRACTS.map((c) => c.source).join(', ')}

Пример:
  shnor ingest входящие/2026-10 --snapshot-date 31.10.2026`,
  options: {
    source: { type: 'string' },
    year: { type: 'string' },
    'snapshot-date': { type: 'string' },
    set: { type: 'string', multiple: true },
    aliases: { type: 'string' },
    exclude: { type: 'string', multiple: true },
    reload: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(positionals, values, globals, io) {
    if (positionals.length === 0)
      throw new UserError('Укажите файлы или папки для загрузки: shnor ingest ПУТЬ...');
    const source = values.source as string | undefined;
    if (source && !CONTRACTS.some((c) => c.source === source)) {
      throw new UserError(
        `Неизвестный источник «${source}». Допустимые: ${CONTRACTS.map((c) => c.source).join(', ')}.`,
      );
    }
    const set: Record<string, string> = {};
    for (const pair of (values.set as string[] | undefined) ?? []) {
      const m = /^([a-z_]+)=(.*)$/.exec(pair);
      if (!m)
        throw new UserError(
          `Параметр --set «${pair}»: ожидается СТОЛБЕЦ=ЗНАЧЕНИЕ, например --set subject=Математика.`,
        );
      set[m[1]] = m[2];
    }
    const known = new Set(
      CONTRACTS.flatMap((c) => c.columns.filter((col) => col.meta).map((col) => col.name)),
    );
    const unknown = Object.keys(set).filter((k) => !known.has(k) && k !== 'year');
    if (unknown.length) {
      throw new UserError(
        `Параметр --set: неизвестный столбец «${unknown[0]}». Можно задать: ${[...known].sort().join(', ')}.`,
      );
    }
    const files = listInputFiles(positionals, (values.exclude as string[] | undefined) ?? []);
    if (files.length === 0) throw new UserError(`В «${positionals.join('», «')}» нет файлов CSV или XLSX.`);
    const aliases = readUserAliases(
      (values.aliases as string | undefined) ?? join(PROJECT_ROOT, 'pipelines/aliases.csv'),
    );
    const ctx = createContext(aliases, {
      flags: {
        year: values.year as string | undefined,
        snapshotDate: values['snapshot-date'] as string | undefined,
        set,
      },
      source,
      reload: Boolean(values.reload),
      dryRun: Boolean(values['dry-run']),
    });
    const wh = await Warehouse.open(globals.db);
    try {
      const results = await runIngest(wh, files, ctx, (r, i, total) => {
        if (globals.json) return;
        if (io.tty) io.out(`[${i + 1}/${total}]`);
        for (const line of fileSummary(r)) io.out(line);
      });
      if (globals.json) io.out(JSON.stringify(results, null, 2));
      else for (const line of totalsSummary(results)) io.out(line);
      if (results.some((r) => r.internal)) return EXIT.cannotRun;
      if (results.some((r) => r.status === 'failed')) return EXIT.failed;
      if (results.some((r) => r.rejected > 0 || r.warnings.length > 0)) return EXIT.warnings;
      return EXIT.ok;
    } finally {
      wh.close();
    }
  },
};
