import { runParams } from '../../models/params.js';
import { loadProject } from '../../models/project.js';
import { runTests, type TestResult } from '../../models/run-tests.js';
import { selectModels } from '../../models/select.js';
import { num, ruDate } from '../../text/russian.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import type { Io } from '../io.js';
import { selection } from '../options.js';

export const command: Command = {
  summary: 'проверки данных моделей (ключи, доли, согласованность)',
  usage: 'Использование: shnor test [--select МОДЕЛЬ …] [--year ГОД] [--as-of ДАТА]',
  help: `Выполняет проверки, описанные рядом с моделями (sql/**/*.yml) и в sql/tests/, для расчёта
за год и дату (по умолчанию — как у shnor models run). Нарушающие строки сохраняются в таблицах
audit.МОДЕЛЬ__ПРОВЕРКА — посмотреть: shnor sql "SELECT * FROM audit.…".

Код завершения: 0 — все проверки пройдены; 1 — есть предупреждения (severity: warn);
2 — нарушены проверки уровня «ошибка» (severity: error) или проверку не удалось выполнить.

Параметры:
  --select МОДЕЛЬ   только проверки этих моделей (как в shnor models run)
  --year ГОД       год проекта
  --as-of ДАТА     дата расчёта (ДД.ММ.ГГГГ)

Пример:
  shnor test --as-of 31.10.2026`,
  options: {
    select: { type: 'string', multiple: true },
    year: { type: 'string' },
    'as-of': { type: 'string' },
  },
  async run(positionals, values, globals, io) {
    if (positionals.length)
      throw new UserError(`Лишний аргумент «${positionals[0]}». Справка: shnor test --help`);
    const project = loadProject();
    const names = selectModels(project, selection(values.select));
    const params = runParams(values.year, values['as-of']);
    const wh = await Warehouse.open(globals.db);
    let results: TestResult[];
    try {
      if (!globals.json) io.out(`Проверки за ${params.year} год по состоянию на ${ruDate(params.asOf)}`);
      results = await runTests(
        wh,
        project,
        params,
        names,
        globals.json ? undefined : (r) => printFailure(r, io),
      );
    } finally {
      wh.close();
    }
    const errors = results.filter(
      (r) => r.status !== 'pass' && (r.severity === 'error' || r.status === 'error'),
    );
    const warnings = results.filter((r) => r.status === 'fail' && r.severity === 'warn');
    if (globals.json) io.out(JSON.stringify({ parameters: params, results }, null, 2));
    else {
      io.out(
        `Проверок: ${num(results.length)}; пройдено ${num(results.length - errors.length - warnings.length)}, ` +
          `предупреждений ${num(warnings.length)}, ошибок ${num(errors.length)}.`,
      );
    }
    return errors.length ? EXIT.failed : warnings.length ? EXIT.warnings : EXIT.ok;
  },
};

function printFailure(r: TestResult, io: Io): void {
  if (r.status === 'pass') return;
  const where = r.model ? `${r.model}: ` : '';
  const mark = r.severity === 'warn' && r.status === 'fail' ? '!' : '✗';
  if (r.test === 'not_empty') {
    io.out(`${mark} ${where}${r.message}`);
    return;
  }
  if (r.status === 'error') {
    io.out(`${mark} ${where}${r.description} — проверка не выполнена: ${r.message}`);
    return;
  }
  io.out(`${mark} ${where}${r.description} — нарушений: ${num(r.failures ?? 0)} (строки: ${r.auditTable})`);
}
