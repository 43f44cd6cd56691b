import { resolve } from 'node:path';
import { parseLogin } from '../../ingest/parse/codes.js';
import { runParams } from '../../models/params.js';
import { FORMATS, type Format, type ReportFile } from '../../reports/render.js';
import { loadReports, type ReportSpec } from '../../reports/spec.js';
import { plur, ruDate } from '../../text/russian.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import type { Io } from '../io.js';
import { selection } from '../options.js';
import { progressBar } from '../progress.js';

/** `shnor report passports` / `municipalities`: every copy of the per-school / per-municipality report. */
const ALIASES: Record<string, string> = {
  passports: 'school_passport',
  municipalities: 'municipality_summary',
};
const SCOPE_RU = { region: 'регион', school: 'по школе', municipality: 'по муниципалитету' };

/** A login as the warehouse keeps it (any case; `edu…` is the same school as `sch…`). */
function schoolLogin(raw: string): string {
  const parsed = parseLogin(raw);
  if (!parsed.ok) throw new UserError(`--school «${raw}»: ${parsed.reason}.`);
  return parsed.value;
}

function formats(value: unknown): Format[] {
  const list = selection(value ?? 'pdf,html,xlsx');
  for (const f of list) {
    if (!FORMATS.includes(f as Format))
      throw new UserError(`Параметр --format: «${f}» — допустимо pdf, html, xlsx (через запятую).`);
  }
  return list as Format[];
}

function listReports(io: Io, json: boolean): number {
  const reports = loadReports();
  if (json) {
    io.out(
      JSON.stringify(
        reports.map((r) => ({
          name: r.name,
          title: r.title,
          scope: r.scope,
          reader: r.reader,
          long: r.long,
        })),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const width = Math.max(...reports.map((r) => r.name.length));
  for (const r of reports) io.out(`${r.name.padEnd(width)}  ${r.title} (${SCOPE_RU[r.scope]})`);
  io.out(
    `\n${plur(reports.length, 'отчёт', 'отчёта', 'отчётов')}. Пример: shnor report control_indicators --as-of 31.10.2026`,
  );
  return EXIT.ok;
}

function chosenReports(names: string[], values: Record<string, unknown>): ReportSpec[] {
  const all = loadReports();
  // With --school or --municipality, «all» means every report of that scope.
  if (names.length === 1 && names[0] === 'all') {
    if (values.school !== undefined) return all.filter((r) => r.scope === 'school');
    if (values.municipality !== undefined) return all.filter((r) => r.scope === 'municipality');
    return all;
  }
  return names.map((raw) => {
    const name = ALIASES[raw] ?? raw;
    const found = all.find((r) => r.name === name);
    if (!found) throw new UserError(`Отчёт «${raw}» не найден. Список отчётов: shnor report --list`);
    if (values.school !== undefined && found.scope !== 'school')
      throw new UserError(
        `--school подходит только отчётам по школе (например school_passport), а не «${name}».`,
      );
    if (values.municipality !== undefined && found.scope !== 'municipality')
      throw new UserError(
        `--municipality подходит только отчётам по муниципалитету (municipality_summary), а не «${name}».`,
      );
    return found;
  });
}

export const command: Command = {
  summary: 'аналитические справки, паспорта школ, сводки по муниципалитетам (PDF, HTML, XLSX)',
  usage:
    'Использование: shnor report ОТЧЁТ … [--year ГОД] [--as-of ДАТА] [--school ЛОГИН | --municipality КОД]\n' +
    '                            [--format pdf,html,xlsx] [--out ПАПКА] [--commentary ПАПКА]\n' +
    '       shnor report --list [--json]',
  help: `Пишет отчёты по витринам, рассчитанным shnor models run за тот же год и дату: PDF (A4), HTML (один
файл) и XLSX (таблицы отчёта, по листу на таблицу). Файлы — в ПАПКА/ДАТА/: справки — ОТЧЁТ.pdf,
паспорта и сводки — в папке отчёта, по файлу на школу или муниципалитет. Списки педагогов
«для служебного пользования» — только в отдельном файле ОТЧЁТ-ДСП.xlsx.

Выводы и рекомендации аналитика берутся из commentary/ОТЧЁТ/ДАТА.md (разделы «## Выводы»,
«## Рекомендации»); без файла в справке стоят выводы, составленные по данным.

Параметры:
  --list                список отчётов
  ОТЧЁТ                 имя из списка; all — все; passports — паспорта всех школ;
                        municipalities — сводки по всем муниципалитетам
  --year ГОД            год проекта (по умолчанию — год даты)
  --as-of ДАТА          дата расчёта (ДД.ММ.ГГГГ; по умолчанию — последний день прошлого месяца)
  --school ЛОГИН        паспорт одной школы
  --municipality КОД    сводка по одному муниципалитету
  --format СПИСОК       pdf, html, xlsx через запятую (по умолчанию все три)
  --out ПАПКА           куда писать (по умолчанию out)
  --commentary ПАПКА    где тексты аналитика (по умолчанию commentary)

Для PDF нужен Chromium или Chrome (sudo apt-get install chromium) или путь в PUPPETEER_EXECUTABLE_PATH.

Примеры:
  shnor report control_indicators --as-of 31.10.2026
  shnor report school_passport --school sch050107 --format pdf
  shnor report passports --as-of 31.10.2026
  shnor report all --year 2025 --as-of 31.12.2025 --out отчёты`,
  options: {
    list: { type: 'boolean' },
    year: { type: 'string' },
    'as-of': { type: 'string' },
    school: { type: 'string' },
    municipality: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    commentary: { type: 'string' },
  },
  async run(positionals, values, globals, io) {
    if (values.list) return listReports(io, globals.json);
    if (positionals.length === 0)
      throw new UserError('Укажите отчёт: shnor report ОТЧЁТ (список: shnor report --list).');
    const reports = chosenReports(
      positionals.flatMap((p) => selection(p)),
      values,
    );
    const params = runParams(values.year, values['as-of']);
    const chosen = formats(values.format);
    const only =
      values.school !== undefined
        ? schoolLogin(String(values.school))
        : (values.municipality as string | undefined);
    const { renderReports } = await import('../../reports/run-reports.js');
    const started = performance.now();
    const files: ReportFile[] = await renderReports({
      db: globals.db,
      reports,
      params,
      formats: chosen,
      only,
      outRoot: resolve(String(values.out ?? 'out')),
      commentaryDir: resolve(String(values.commentary ?? 'commentary')),
      progress: (spec) => progressBar(io, spec.title),
    });
    if (globals.json) {
      io.out(JSON.stringify({ year: params.year, as_of: params.asOf, files }, null, 2));
      return EXIT.ok;
    }
    const seconds = ((performance.now() - started) / 1000).toLocaleString('ru-RU', {
      maximumFractionDigits: 1,
    });
    for (const spec of reports) {
      const mine = files.filter((f) => f.report === spec.name);
      const copies = new Set(mine.map((f) => f.copy)).size;
      const where =
        spec.scope === 'region'
          ? mine.map((f) => f.path).join(', ')
          : `${plur(copies, 'копия', 'копии', 'копий')} в ${resolve(String(values.out ?? 'out'), params.asOf, spec.name)}`;
      io.out(`${spec.title}: ${where}`);
    }
    io.out(
      `Отчёты за ${params.year} год по состоянию на ${ruDate(params.asOf)}: ${plur(files.length, 'файл', 'файла', 'файлов')}, ${seconds} с.`,
    );
    return EXIT.ok;
  },
};
