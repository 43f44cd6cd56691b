import { runParams } from '../../models/params.js';
import { loadProject } from '../../models/project.js';
import { type ModelResult, runModels } from '../../models/run-models.js';
import { writeRunResults } from '../../models/run-results.js';
import { selectModels } from '../../models/select.js';
import { num, plur, ruDate } from '../../text/russian.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import type { Io } from '../io.js';
import { selection } from '../options.js';

const KIND_RU: Record<string, string> = { view: 'представление', table: 'таблица', mart: 'витрина' };

export const command: Command = {
  summary: 'расчёт моделей: показатели, риски, кластеры, качество, дефициты',
  usage:
    'Использование: shnor models run [--select МОДЕЛЬ …] [--year ГОД] [--as-of ДАТА] [--full] [--out ПАПКА]',
  help: `Строит модели из sql/ (staging → intermediate → marts) по порядку зависимостей. Витрина хранит
расчёт за каждый год и дату (year, as_of): новый расчёт заменяет только свои строки, прежние остаются.
Витрина пересчитывается, только если изменились её запрос, версии исходных данных, справочники или
параметры. После расчёта — отчёт out/ДАТА/run_results.json.

Параметры:
  --select МОДЕЛЬ   только эти модели (можно несколько; то, что они читают, пересчитывается,
                   если изменилось): «МОДЕЛЬ+» — и всё, что читает её; staging, intermediate,
                   marts — слой целиком
  --year ГОД       год проекта (по умолчанию — год даты расчёта)
  --as-of ДАТА     дата, по состоянию на которую читаются данные (ДД.ММ.ГГГГ; по умолчанию —
                   последний день прошлого месяца)
  --full           пересчитать витрины, даже если ничего не изменилось
  --out ПАПКА      куда записать run_results.json (по умолчанию out)

Примеры:
  shnor models run --as-of 31.10.2026
  shnor models run --select +risk_picture --year 2025 --as-of 31.12.2025`,
  options: {
    select: { type: 'string', multiple: true },
    year: { type: 'string' },
    'as-of': { type: 'string' },
    full: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(positionals, values, globals, io) {
    const [action, ...rest] = positionals;
    if (action !== 'run' || rest.length)
      throw new UserError('Ожидается «shnor models run [параметры]». Справка: shnor models --help');
    const project = loadProject();
    const select = selection(values.select);
    const names = selectModels(project, select);
    const params = runParams(values.year, values['as-of']);
    const started = performance.now();
    const wh = await Warehouse.open(globals.db);
    let results: ModelResult[];
    try {
      if (!globals.json)
        io.out(`Расчёт моделей за ${params.year} год по состоянию на ${ruDate(params.asOf)}`);
      results = await runModels(wh, project, params, {
        names,
        full: Boolean(values.full),
        onResult: globals.json ? undefined : (r) => io.out(resultLine(r)),
      });
    } finally {
      wh.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const path = writeRunResults(
      (values.out as string | undefined) ?? 'out',
      params,
      select,
      results,
      seconds,
    );
    if (globals.json) io.out(JSON.stringify({ parameters: params, run_results: path, results }, null, 2));
    else printSummary(results, seconds, path, io);
    return results.some((r) => r.status === 'error' || r.status === 'skipped') ? EXIT.failed : EXIT.ok;
  },
};

function resultLine(r: ModelResult): string {
  const what = `${r.model} (${KIND_RU[r.materialized]})`;
  const rows = r.rows === null ? '' : `, ${plur(r.rows, 'строка', 'строки', 'строк')}`;
  switch (r.status) {
    case 'built':
      return `✓ ${what}${rows}, ${seconds(r.seconds)}${r.message ? ` — ${r.message}` : ''}`;
    case 'up_to_date':
      return `= ${what}${rows}: без изменений`;
    case 'skipped':
      return `– ${what} пропущена: ${r.message}`;
    default:
      return `✗ ${what}: ошибка — ${r.message}`;
  }
}

const seconds = (s: number) => `${s.toFixed(s < 10 ? 2 : 1).replace('.', ',')}\u00a0с`;

function printSummary(results: ModelResult[], total: number, path: string, io: Io): void {
  const count = (s: ModelResult['status']) => results.filter((r) => r.status === s).length;
  io.out('');
  io.out(
    `Моделей: ${num(results.length)}; рассчитано ${num(count('built'))}, без изменений ${num(count('up_to_date'))}, ` +
      `с ошибкой ${num(count('error'))}, пропущено ${num(count('skipped'))}. Время: ${seconds(total)}.`,
  );
  io.out(`Отчёт о расчёте: ${path}`);
  if (count('error'))
    io.out('Исправьте запрос модели (файл в sql/) и повторите: shnor models run --select МОДЕЛЬ+');
}
