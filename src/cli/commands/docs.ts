import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ColumnTypes, catalogHtml } from '../../models/catalog.js';
import { loadProject } from '../../models/project.js';
import { writeFileAtomic } from '../../output/write-file.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';

export const command: Command = {
  summary: 'каталог данных: источники, справочники, модели, столбцы, граф зависимостей (HTML)',
  usage: 'Использование: shnor docs [--out ПАПКА]',
  help: `Пишет каталог данных в один файл HTML: источники (raw_*), справочники (ref_*), модели
(staging, intermediate, витрины) с русскими описаниями столбцов, проверками и связями, и граф
зависимостей. Типы столбцов берутся из хранилища, если модели уже рассчитаны.

Параметры:
  --out ПАПКА   куда записать каталог (по умолчанию out/docs; файл index.html)

Пример:
  shnor docs --out out/docs`,
  options: { out: { type: 'string' } },
  async run(positionals, values, globals, io) {
    if (positionals.length)
      throw new UserError(`Лишний аргумент «${positionals[0]}». Справка: shnor docs --help`);
    const project = loadProject();
    const types: ColumnTypes = new Map();
    if (existsSync(globals.db)) {
      const wh = await Warehouse.open(globals.db, { readOnly: true });
      try {
        const rows = await wh.rows<{ table_name: string; column_name: string; data_type: string }>(
          "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal ORDER BY column_index",
        );
        for (const r of rows) {
          if (!project.models.has(r.table_name)) continue;
          const m = types.get(r.table_name) ?? new Map<string, string>();
          m.set(r.column_name, r.data_type);
          types.set(r.table_name, m);
        }
      } finally {
        wh.close();
      }
    }
    const dir = resolve((values.out as string | undefined) ?? join('out', 'docs'));
    const path = join(dir, 'index.html');
    writeFileAtomic(path, catalogHtml(project, types));
    if (globals.json) io.out(JSON.stringify({ catalog: path, models: project.order.length }));
    else {
      io.out(`Каталог данных: ${path}`);
      if (types.size === 0)
        io.out(
          'Типы столбцов не указаны: модели ещё не рассчитаны (shnor models run) или хранилище не найдено.',
        );
    }
    return EXIT.ok;
  },
};
