import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDate } from '../../ingest/parse/dates.js';
import { skippedTotal } from '../../ingest/result.js';
import { runParams } from '../../models/params.js';
import { loadPipeline, pipelineNames } from '../../pipeline/definition.js';
import { writeIndexHtml } from '../../pipeline/index-html.js';
import { buildManifest, type RejectFile, readPreviousRun, writeManifest } from '../../pipeline/manifest.js';
import { type PipelineResult, runPipeline } from '../../pipeline/run-pipeline.js';
import { num, plur, ruDate } from '../../text/russian.js';
import { Warehouse } from '../../warehouse/warehouse.js';
import type { Command } from '../command.js';
import { EXIT, UserError } from '../errors.js';
import type { Io } from '../io.js';
import { progressBar } from '../progress.js';
import { readRejects, writeByMunicipality } from './rejects.js';

/** Exit code of a run: 2 when a file was not taken or error-level tests failed, 1 on warnings. */
export function exitCode(run: PipelineResult): number {
  if (run.files.some((f) => f.internal) || run.reportsFailed) return EXIT.cannotRun;
  const testErrors = run.tests.some(
    (t) => t.status !== 'pass' && (t.severity === 'error' || t.status === 'error'),
  );
  if (
    run.files.some((f) => f.status === 'failed') ||
    testErrors ||
    run.models.some((m) => m.status === 'error')
  )
    return EXIT.failed;
  const warnings =
    run.files.some((f) => f.rejected > 0 || f.warnings.length > 0) ||
    run.tests.some((t) => t.status === 'fail' && t.severity === 'warn') ||
    run.missing.length > 0;
  return warnings ? EXIT.warnings : EXIT.ok;
}

function summary(run: PipelineResult, io: Io, outDir: string, code: number): void {
  const by = (s: string) => run.files.filter((f) => f.status === s).length;
  const rows = (key: 'read' | 'loaded' | 'rejected') => num(run.files.reduce((n, f) => n + f[key], 0));
  io.out('');
  io.out(`Итог расчёта за ${run.params.year} год по состоянию на ${ruDate(run.params.asOf)}:`);
  io.out(
    `  файлы: ${plur(run.files.length, 'файл', 'файла', 'файлов')} — загружено ${by('loaded')}, без изменений ` +
      `${by('unchanged')}, не принято ${by('failed')}; строк прочитано ${rows('read')}, загружено ${rows('loaded')}, ` +
      `отклонено ${rows('rejected')}, пропущено ${num(run.files.reduce((n, f) => n + skippedTotal(f), 0))}`,
  );
  const models = (s: string) => run.models.filter((m) => m.status === s).length;
  io.out(
    `  модели: рассчитано ${models('built')}, без изменений ${models('up_to_date')}, с ошибкой ${models('error')}, ` +
      `пропущено ${models('skipped')}`,
  );
  const failedTests = run.tests.filter((t) => t.status !== 'pass');
  io.out(
    `  проверки: ${plur(run.tests.length, 'проверка', 'проверки', 'проверок')}, не пройдено ${failedTests.length}` +
      (failedTests.length
        ? ` (${failedTests
            .map((t) => `${t.model ?? ''}.${t.test}`)
            .slice(0, 5)
            .join(', ')}…)`
        : ''),
  );
  if (run.reused) io.out('  ничего не изменилось с прошлого расчёта: проверки и отчёты — прежние');
  if (run.reportsFailed) io.out(`  отчёты НЕ написаны: ${run.reportsFailed}`);
  else if (run.reportsStopped) {
    io.out(
      `  отчёты НЕ написаны: ${run.reportsStopped}. Исправьте данные (shnor test) или повторите с --force.`,
    );
  } else {
    io.out(
      `  отчёты: ${run.reportsDue.length ? run.reportsDue.join(', ') : 'в этом месяце по календарю нет'} — ` +
        `${plur(run.reports.length, 'файл', 'файла', 'файлов')}`,
    );
  }
  for (const m of run.missing)
    io.out(`  нет данных для «${m.report}»: ${m.sources.join(', ')} — запросите выгрузки`);
  io.out(
    `  всё — в ${outDir} (index.html, manifest.json); ${Math.round(run.seconds)} с; код завершения ${code}`,
  );
}

export const command: Command = {
  summary: 'ежемесячный расчёт целиком: загрузка → модели → проверки → отчёты',
  usage:
    'Использование: shnor run [СЦЕНАРИЙ] [--year ГОД] [--as-of ДАТА] [--input ПАПКА] [--out ПАПКА]\n' +
    '                         [--snapshot-date ДАТА] [--force] [--commentary ПАПКА]',
  help: `Выполняет сценарий из pipelines/СЦЕНАРИЙ.yml (по умолчанию monthly): загружает папку входящих
(неизменившиеся файлы не перечитываются), рассчитывает модели (только то, что изменилось), проверяет
данные и пишет отчёты, которые по календарю (report_calendar) положены в месяце даты расчёта. В конце —
сводка, out/ДАТА/manifest.json (входные файлы с контрольными суммами, строки, модели, проверки, отчёты,
версии) и out/ДАТА/index.html со ссылками на все отчёты и на отклонённые строки по муниципалитетам.

Ошибки уровня «ошибка» в проверках данных останавливают отчёты (кроме --force); предупреждения — нет.
Пока идёт расчёт, второй запуск на том же хранилище отказывается. Прерванный расчёт (Ctrl+C) оставляет
хранилище целым: каждый файл и каждая витрина записываются одной транзакцией; следующий запуск доделает.

Параметры:
  СЦЕНАРИЙ              имя файла в pipelines/ (сейчас: ${pipelineNames().join(', ')})
  --year ГОД            год проекта (по умолчанию — год даты расчёта)
  --as-of ДАТА          дата расчёта (ДД.ММ.ГГГГ; по умолчанию — последний день прошлого месяца)
  --input ПАПКА         папка входящих (по умолчанию — input из сценария)
  --snapshot-date ДАТА  «по состоянию на» для файлов, где её нет в заголовке
  --out ПАПКА           куда писать (по умолчанию out; отчёты — в out/ДАТА/)
  --force               писать отчёты, даже если проверки данных нашли ошибки
  --commentary ПАПКА    тексты аналитика (по умолчанию commentary)

Коды завершения: 0 — всё в порядке; 1 — предупреждения (отклонённые строки, предупреждения проверок,
нет данных для отчёта); 2 — файл не принят или ошибки в проверках; 3 — расчёт невозможен.

Пример:
  shnor run monthly --input входящие/2026-10 --as-of 31.10.2026`,
  options: {
    year: { type: 'string' },
    'as-of': { type: 'string' },
    input: { type: 'string' },
    'snapshot-date': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    commentary: { type: 'string' },
  },
  async run(positionals, values, globals, io) {
    if (positionals.length > 1) throw new UserError('Укажите один сценарий: shnor run monthly.');
    const spec = loadPipeline(positionals[0] ?? 'monthly');
    const params = runParams(values.year, values['as-of']);
    const input = resolve(String(values.input ?? spec.input));
    if (!existsSync(input))
      throw new UserError(`Папка входящих «${input}» не найдена: укажите --input ПАПКА.`);
    const snapshotRaw = (values['snapshot-date'] as string | undefined) ?? spec.snapshotDate;
    if (snapshotRaw !== undefined && !parseDate(snapshotRaw).ok)
      throw new UserError(`«По состоянию на» «${snapshotRaw}»: ожидается дата ДД.ММ.ГГГГ.`);
    const outRoot = resolve(String(values.out ?? 'out'));
    const outDir = join(outRoot, params.asOf);
    const quiet = globals.json;
    let fileBar: ((done: number, total: number) => void) | undefined;
    const previous = readPreviousRun(outDir);
    const run = await runPipeline(
      spec,
      {
        db: globals.db,
        previous,
        params,
        input,
        outRoot,
        snapshotDate: snapshotRaw,
        force: Boolean(values.force),
        commentaryDir: resolve(String(values.commentary ?? 'commentary')),
      },
      {
        step: (_step, title) => {
          if (!quiet) io.out(`\n== ${title} ==`);
          fileBar = undefined;
        },
        file: (r, i, total) => {
          if (quiet) return;
          fileBar ??= progressBar(io, 'Файлы');
          fileBar(i + 1, total);
          if (r.status === 'unchanged') return;
          const counts = `прочитано ${num(r.read)}, загружено ${num(r.loaded)}, отклонено ${num(r.rejected)}`;
          io.out(
            r.status === 'failed'
              ? `✗ ${r.file}: ${r.error}`
              : `✓ ${r.file} — ${r.sourceTitle ?? r.source}; ${counts}`,
          );
        },
        model: (m) => {
          if (!quiet && (m.status === 'error' || m.status === 'skipped'))
            io.out(`✗ ${m.model}: ${m.message ?? m.status}`);
        },
        test: (t) => {
          if (quiet || t.status === 'pass') return;
          const mark = t.severity === 'warn' && t.status === 'fail' ? '!' : '✗';
          io.out(
            `${mark} ${t.model ?? ''} ${t.description}${t.failures ? ` — нарушений: ${t.failures}` : ''}`,
          );
        },
        reportProgress: (r) => (quiet ? () => undefined : progressBar(io, r.title)),
      },
    );
    const code = exitCode(run);
    // The rejects in force, one workbook per municipality, for the МОУО to fix (as they were, when
    // nothing changed).
    let rejects: RejectFile[] = previous?.rejects ?? [];
    if (!run.reused) {
      const wh = await Warehouse.open(globals.db, { memoryLimit: spec.memoryLimit });
      try {
        const rows = await readRejects(wh, {});
        rmSync(join(outDir, 'rejects'), { recursive: true, force: true });
        rejects = rows.length ? await writeByMunicipality(rows, join(outDir, 'rejects')) : [];
      } finally {
        wh.close();
      }
    }
    const manifest = buildManifest(run, rejects, outDir, code);
    writeManifest(manifest, outDir);
    writeIndexHtml(run, rejects, outDir, code);
    if (quiet) io.out(JSON.stringify(manifest, null, 2));
    else summary(run, io, outDir, code);
    return code;
  },
};
