import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../cli/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { IngestContext } from './context.js';
import type { Contract } from './contracts/types.js';
import { detectFileKind } from './detect/file-kind.js';
import { findHeader, type HeaderMatch, missingColumnsText } from './header.js';
import { resolveMeta, resolveSnapshot } from './meta.js';
import { previewCsv, scanCsv } from './read/csv.js';
import type { PreviewRow } from './read/preview.js';
import { inspectXlsx } from './read/xlsx-inspect.js';
import { readXlsx } from './read/xlsx-rows.js';
import { buildDictionary } from './load/dictionaries.js';
import { type LoadPlan, parseConstants, planColumns } from './load/plan.js';
import { stageCsv } from './load/stage-csv.js';
import { XlsxStage } from './load/stage-xlsx.js';
import { commitBatch, registryBatch } from './load/commit.js';
import {
  continuationSql,
  dataSql,
  parsedSources,
  rejectsSql,
  skippedSql,
  typedSql,
} from './load/sql-builder.js';
import { emptyResult, type FileResult, type SkipReason } from './result.js';

const HEAD_BYTES = 256 * 1024;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Loads one file as a new version of its partitions, in one transaction; never throws a user error. */
export async function ingestFile(wh: Warehouse, path: string, ctx: IngestContext): Promise<FileResult> {
  const file = basename(path);
  const result = emptyResult(file, path);
  try {
    await ingestInto(result, wh, path, ctx);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    result.status = 'failed';
    result.error = error.message;
  } finally {
    await dropTemps(wh);
  }
  return result;
}

async function ingestInto(
  result: FileResult,
  wh: Warehouse,
  path: string,
  ctx: IngestContext,
): Promise<void> {
  const file = result.file;
  const started = new Date();
  const head = await readHead(path);
  const kind = detectFileKind(head, file);
  result.sha256 = await sha256File(path);

  const contracts = ctx.source ? ctx.contracts.filter((c) => c.source === ctx.source) : ctx.contracts;
  if (contracts.length === 0) {
    throw new UserError(`Неизвестный источник «${ctx.source}». Список источников: shnor ingest --help.`);
  }

  const decide = (rows: PreviewRow[], sheet?: string): { match: HeaderMatch; title: string } | undefined => {
    const { best, ties } = findHeader(rows, contracts, ctx.indexes, ctx.parse.factors, file);
    if (!best) return undefined;
    if (ties.length) {
      throw new UserError(
        `Файл «${file}»${sheet ? `, лист «${sheet}»` : ''}: заголовок одинаково подходит к источникам ` +
          `«${best.contract.title}» (${best.contract.source}) и «${ties[0].contract.title}» (${ties[0].contract.source}). ` +
          `Укажите источник флагом --source ${best.contract.source} или --source ${ties[0].contract.source}` +
          (best.ignored.length
            ? `; не распознаны столбцы ${best.ignored.map((h) => `«${h}»`).join(', ')} — если это выгрузка другого ` +
              'источника, добавьте их написания в pipelines/aliases.csv (см. README).'
            : '.'),
      );
    }
    return { match: best, title: titleOf(rows, best.headerIndex) };
  };

  const previous = await previousLoad(wh, result.sha256);
  let plan: LoadPlan | undefined;
  let dataLines = 0;
  let blankLines = 0;

  const prepare = async (match: HeaderMatch, title: string, width: number) => {
    const contract = match.contract;
    result.source = contract.source;
    result.sourceTitle = contract.title;
    const fingerprint = ctx.fingerprints.get(contract.source) ?? '';
    if (previous && !ctx.reload && previous.contract_fingerprint === fingerprint) {
      const registryChanged =
        previous.rows_rejected > 0 && previous.registry_batch !== (await registryBatch(wh));
      if (!registryChanged) {
        result.status = 'unchanged';
        result.batchId = previous.batch_id;
        return false;
      }
      result.warnings.push('файл загружался раньше; реестр ОО изменился — строки перепроверены');
    } else if (previous && !ctx.reload) {
      result.warnings.push(
        'файл загружался раньше; правила источника, псевдонимы или справочники изменились — перепроверен',
      );
    }
    const present = new Set(match.columns.keys());
    if (match.wideCells.size) present.add('factor_code').add('risk_level');
    if (contract.person && match.personCells.length) present.add(contract.person.column);
    const meta = resolveMeta(contract, present, title, file, ctx.flags, file);
    const mtime = (await stat(path)).mtime;
    result.snapshot = resolveSnapshot(title, ctx.flags, mtime, file);
    for (const [k, v] of meta) result.meta[k] = v;
    if (match.ignored.length) {
      result.warnings.push(`не использованы столбцы: ${match.ignored.map((h) => `«${h}»`).join(', ')}`);
    }
    plan = planColumns(contract, match, meta, width);
    return true;
  };

  if (kind === 'text') {
    const preview = previewCsv(head, file);
    const found = decide(preview.rows);
    if (!found) throw noHeader(file, preview.rows, contracts, ctx);
    const width = found.match.header.length;
    if (!(await prepare(found.match, found.title, width)) || !plan) return;
    const headerUnit = preview.rows[found.match.headerIndex].unit;
    const scan = await scanCsv(
      path,
      preview.encoding,
      headerUnit,
      join(wh.tempDir, `transcoded-${process.pid}.csv`),
      file,
    );
    await stageCsv(wh, plan, scan, preview.delimiter, headerUnit + 1, file);
    dataLines = scan.records;
    blankLines = scan.blankLines;
    result.encoding = preview.encoding === 'utf-8' ? `UTF-8${preview.bom ? ' с BOM' : ''}` : 'Windows-1251';
    result.delimiter = preview.delimiter;
  } else {
    const sheets = await inspectXlsx(path, file);
    let stage: XlsxStage | undefined;
    const seen: string[] = [];
    let lastPreview: PreviewRow[] = [];
    let stop = false;
    await readXlsx(
      path,
      sheets,
      async (sheet, preview) => {
        lastPreview = preview;
        if (stage || stop) {
          if (decide(preview, sheet.name)) seen.push(sheet.name);
          return undefined;
        }
        const found = decide(preview, sheet.name);
        if (!found) return undefined;
        const width = found.match.header.length;
        if (!(await prepare(found.match, found.title, width)) || !plan) {
          stop = true;
          return undefined;
        }
        result.sheet = sheet.name;
        stage = new XlsxStage(
          wh,
          plan,
          sheet.name,
          found.match.headerIndex + 1,
          preview[found.match.headerIndex].line,
        );
        await stage.open();
        return stage;
      },
      file,
    );
    if (stop) return;
    if (!stage || !plan) throw noHeader(file, lastPreview, contracts, ctx);
    await stage.close();
    dataLines = stage.rows;
    blankLines = stage.gapRows;
    if (seen.length) {
      result.warnings.push(
        `загружен только лист «${result.sheet}»; листы ${seen.map((s) => `«${s}»`).join(', ')} тоже похожи на данные — ` +
          'сохраните их отдельными файлами',
      );
    }
  }
  if (!plan) return;
  if (dataLines + blankLines === 0) result.warnings.push('в файле только заголовок: строк с данными нет');
  await typeRows(wh, plan, ctx);
  await account(result, wh, dataLines, blankLines);
  if (ctx.dryRun) {
    result.status = 'dry-run';
    return;
  }
  await commitBatch(wh, plan, result, ctx.fingerprints.get(plan.contract.source) ?? '', started);
  result.status = 'loaded';
}

async function typeRows(wh: Warehouse, plan: LoadPlan, ctx: IngestContext): Promise<void> {
  await wh.run(
    `CREATE OR REPLACE TEMP TABLE header_cell AS SELECT * FROM (VALUES ${plan.match.header
      .map((h, i) => `(${i}, '${(h ?? '').trim().replace(/'/g, "''") || `столбец ${i + 1}`}')`)
      .join(', ')}) t(col, header)`,
  );
  await wh.run(skippedSql(plan));
  const cont = continuationSql(plan);
  if (cont) await wh.run(cont);
  await wh.run(dataSql(plan));
  parseConstants(plan, ctx.parse);
  await buildDictionary(wh, parsedSources(plan), ctx.parse);
  await wh.run(typedSql(plan, { checkSchools: plan.contract.source !== 'schools' }));
  await wh.run(rejectsSql(plan));
  await wh.run('CREATE OR REPLACE TEMP TABLE bad_line AS SELECT DISTINCT _line FROM file_rejects');
}

/** read = loaded + rejected + skipped, counted on physical lines, and checked. */
async function account(
  result: FileResult,
  wh: Warehouse,
  dataLines: number,
  blankLines: number,
): Promise<void> {
  const skipped = await wh.rows<{ reason: SkipReason; n: number }>(
    'SELECT reason, CAST(count(*) AS INTEGER) AS n FROM skipped GROUP BY reason',
  );
  for (const s of skipped) result.skipped[s.reason] = s.n;
  if (blankLines) result.skipped.empty = (result.skipped.empty ?? 0) + blankLines;
  result.read = dataLines + blankLines;
  result.rejected = await wh.value<number>('SELECT CAST(count(*) AS INTEGER) FROM bad_line');
  const loadedLines = await wh.value<number>(
    'SELECT CAST(count(DISTINCT _line) AS INTEGER) FROM typed WHERE _line NOT IN (SELECT _line FROM bad_line)',
  );
  const skippedTotal = Object.values(result.skipped).reduce((a, b) => a + (b ?? 0), 0);
  result.loaded = loadedLines;
  if (result.read !== result.loaded + result.rejected + skippedTotal) {
    throw new Error(
      `row accounting failed for ${result.file}: read ${result.read} ≠ loaded ${result.loaded} + rejected ${result.rejected} + skipped ${skippedTotal}`,
    );
  }
  result.topReasons = await wh.rows<{ reason: string; count: number }>(
    'SELECT reason, CAST(count(DISTINCT _line) AS INTEGER) AS count FROM file_rejects GROUP BY reason ORDER BY count DESC, reason LIMIT 5',
  );
  const periodWarnings = await wh
    .value<number>('SELECT CAST(count(*) AS INTEGER) FROM typed WHERE period__warn IS NOT NULL')
    .catch(() => 0);
  if (periodWarnings) {
    result.warnings.push(`срок не распознан в ${periodWarnings} строк(ах): загружены с пустым сроком`);
  }
}

async function previousLoad(wh: Warehouse, sha: string) {
  const rows = await wh.rows<{
    batch_id: number;
    contract_fingerprint: string;
    rows_rejected: number;
    registry_batch: number | null;
  }>(
    `SELECT batch_id, contract_fingerprint, rows_rejected, registry_batch FROM load_batch
     WHERE sha256 = $1 AND status = 'loaded' ORDER BY batch_id DESC LIMIT 1`,
    [sha],
  );
  return rows[0];
}

function titleOf(rows: PreviewRow[], headerIndex: number): string {
  return rows
    .slice(0, headerIndex)
    .map((r) => r.cells.filter((c) => c?.trim()).join(' '))
    .filter(Boolean)
    .join('\n');
}

function noHeader(
  file: string,
  rows: PreviewRow[],
  contracts: readonly Contract[],
  ctx: IngestContext,
): UserError {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c?.trim()));
  if (nonEmpty.length === 0) {
    return new UserError(`Файл «${file}» не содержит ни одной строки с данными. Выгрузите файл заново.`);
  }
  if (ctx.source) {
    const contract = contracts[0];
    const index = ctx.indexes.get(contract.source) ?? new Map();
    const best = nonEmpty
      .map((r) => ({ r, missing: missingColumnsText(contract, r.cells, index) }))
      .sort((a, b) => a.missing.length - b.missing.length)[0];
    return new UserError(
      `Файл «${file}»: не найдена строка заголовка источника «${contract.title}» (${contract.source}) в первых ` +
        `${rows.length} строках. Не хватает столбцов: ${best.missing}. Переименуйте столбцы или добавьте псевдоним ` +
        '(pipelines/aliases.csv, см. README).',
    );
  }
  const first = nonEmpty[0];
  return new UserError(
    `Файл «${file}»: не удалось определить источник — ни одна строка в первых ${rows.length} (строка ${first.line}: ` +
      `${first.cells
        .filter((c) => c?.trim())
        .slice(0, 6)
        .map((c) => `«${c.trim().slice(0, 40)}»`)
        .join(
          ', ',
        )}) не похожа на заголовок известной выгрузки. Проверьте, что это нужный файл, укажите источник ` +
      'флагом --source или добавьте псевдонимы заголовков (pipelines/aliases.csv, см. README).',
  );
}

/** The per-file TEMP objects, dropped after each file so that memory goes back at once. */
const FILE_TEMPS = ['src0', 'src', 'line_map', 'cell_issue', 'header_cell', 'skipped', 'dict', 'typed', 'file_rejects', 'bad_line'];

async function dropTemps(wh: Warehouse): Promise<void> {
  await wh.run('DROP VIEW IF EXISTS temp.main.data');
  for (const name of FILE_TEMPS) await wh.run(`DROP TABLE IF EXISTS temp.main.${name}`).catch(() => undefined);
}
