import { createHash } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../cli/errors.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { IngestContext } from './context.js';
import type { Contract } from './contracts/types.js';
import { detectFileKind } from './detect/file-kind.js';
import { findHeader, type HeaderMatch } from './header.js';
import { noHeader, refuseRepeatedColumn } from './header-refusal.js';
import { BatchWriter, registryBatch } from './load/commit.js';
import { metaHints, warnMetaConflicts } from './load/meta-conflicts.js';
import { type LoadPlan, planColumns } from './load/plan.js';
import { loadStagedTable } from './load/sheet-load.js';
import { stageCsv } from './load/stage-csv.js';
import { XlsxStage } from './load/stage-xlsx.js';
import { type MetaValue, resolveMeta, resolveSnapshot } from './meta.js';
import { type PreviousLoad, previousLoad } from './previous-load.js';
import type { FileTurn } from './rank-order.js';
import { previewCsv, scanCsv } from './read/csv.js';
import type { PreviewRow } from './read/preview.js';
import { transcodeUtf16, utf16Of } from './read/utf16.js';
import { inspectXlsx } from './read/xlsx-inspect.js';
import { readXlsx, XlsxReadFlake } from './read/xlsx-rows.js';
import { emptyResult, type FileResult } from './result.js';

const HEAD_BYTES = 256 * 1024;
const READ_ATTEMPTS = 3;

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

/** What the caller knows of a file already: its checksum and the latest earlier load of those bytes. */
export interface KnownFile {
  sha256: string;
  previous: PreviousLoad | undefined;
}

/**
 * Loads one file as a new version of its partitions, in one transaction; never throws a user error.
 * With a `turn`, the transaction waits for it (files read side by side land in order).
 */
export async function ingestFile(
  wh: Warehouse,
  path: string,
  ctx: IngestContext,
  known?: KnownFile,
  turn?: FileTurn,
): Promise<FileResult> {
  const file = basename(path);
  for (let attempt = 1; ; attempt++) {
    const result = emptyResult(file, path);
    let again = false;
    try {
      await ingestInto(result, wh, path, ctx, known, turn);
      return result;
    } catch (error) {
      if (!(error instanceof UserError)) {
        // A fault of the program on one file must not stop the others: the file is reported failed.
        result.status = 'failed';
        result.error =
          `Файл «${file}» не загружен из-за внутренней ошибки программы (${String((error as Error)?.message ?? error).slice(0, 200)}). ` +
          'Ничего из него не записано. Передайте файл и это сообщение разработчикам.';
        result.internal = true;
        return result;
      }
      // A flaky workbook read left nothing behind (its transaction was rolled back): read it again.
      again = error instanceof XlsxReadFlake && attempt < READ_ATTEMPTS;
      if (again) continue;
      result.status = 'failed';
      result.error = error.message;
      return result;
    } finally {
      // The turn is kept over a second reading: no later file may land before this one.
      if (!again) turn?.release();
      await dropTemps(wh);
    }
  }
}

async function ingestInto(
  result: FileResult,
  wh: Warehouse,
  path: string,
  ctx: IngestContext,
  known: KnownFile | undefined,
  turn: FileTurn | undefined,
): Promise<void> {
  const file = result.file;
  const started = new Date();
  result.sha256 = known?.sha256 ?? (await sha256File(path));
  let head = await readHead(path);
  // A UTF-16 text is read from its UTF-8 copy (the checksum and the file's date stay the user's file's).
  const utf16 = utf16Of(head);
  const readPath = utf16 ? utf16Copy(wh) : path;
  if (utf16) {
    await transcodeUtf16(path, utf16, readPath);
    head = await readHead(readPath);
  }
  const kind = detectFileKind(head, file);

  const contracts = ctx.source ? ctx.contracts.filter((c) => c.source === ctx.source) : ctx.contracts;
  if (contracts.length === 0) {
    throw new UserError(`Неизвестный источник «${ctx.source}». Список источников: shnor ingest --help.`);
  }

  const decide = (
    rows: PreviewRow[],
    sheet?: string,
    hint = '',
  ): { match: HeaderMatch; title: string } | undefined => {
    const { best, ties } = findHeader(rows, contracts, ctx.indexes, ctx.parse.factors, `${file} ${hint}`);
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

  const previous = known ? known.previous : await previousLoad(wh, result.sha256);
  const fingerprintOf = (c: Contract) => ctx.fingerprints.get(c.source) ?? '';

  /** Whether the file is to be (re)loaded, saying why when it was loaded before. */
  const shouldLoad = async (contract: Contract) => {
    result.source = contract.source;
    result.sourceTitle = contract.title;
    if (!previous || ctx.reload) return true;
    if (previous.contract_fingerprint !== fingerprintOf(contract)) {
      result.warnings.push(
        'файл загружался раньше; правила источника, псевдонимы или справочники изменились — перепроверен',
      );
      return true;
    }
    if (previous.rows_rejected > 0 && previous.registry_batch !== (await registryBatch(wh))) {
      result.warnings.push('файл загружался раньше; реестр ОО изменился — строки перепроверены');
      return true;
    }
    result.status = 'unchanged';
    result.batchId = previous.batch_id;
    return false;
  };

  /** The load plan of one table: its meta values (title, file name, flags) and its columns. */
  const planFor = async (match: HeaderMatch, title: string): Promise<LoadPlan> => {
    const contract = match.contract;
    refuseRepeatedColumn(match, ctx, file, result.sheets.at(-1));
    const present = new Set(match.columns.keys());
    if (match.wideCells.size) present.add('factor_code').add('risk_level');
    if (contract.person && match.personCells.length) present.add(contract.person.column);
    const meta = resolveMeta(contract, present, title, file, ctx.flags, file);
    hints = metaHints(contract, present, title, file, ctx.flags);
    if (!result.snapshot) result.snapshot = resolveSnapshot(title, ctx.flags, (await stat(path)).mtime, file);
    for (const [k, v] of meta) if (!result.meta[k]) result.meta[k] = v;
    if (match.ignored.length) {
      const where = result.sheets.length > 1 ? `лист «${result.sheets.at(-1)}»: ` : '';
      result.notes.push(`${where}не использованы столбцы: ${match.ignored.map((h) => `«${h}»`).join(', ')}`);
    }
    return planColumns(contract, match, meta, match.header.length);
  };

  let plan: LoadPlan | undefined;
  /** What titles, the file name or flags say about columns the table has: compared after typing. */
  let hints = new Map<string, MetaValue>();
  let writer: BatchWriter | undefined;
  /** Writes a typed table's good rows; the file's transaction opens at the first, once it is the file's turn. */
  const write = async (p: LoadPlan) => {
    if (ctx.dryRun) return;
    if (!writer) {
      await turn?.wait();
      writer = await BatchWriter.begin(wh, p);
    }
    await writer.writeRows(p);
  };
  /** The last table read, written only after everything else about the file is known (the turn is short). */
  let last: LoadPlan | undefined;
  try {
    if (kind === 'text') {
      const preview = previewCsv(head, file);
      const found = decide(preview.rows);
      if (!found) throw noHeader(file, preview.rows, contracts, ctx);
      if (!(await shouldLoad(found.match.contract))) return;
      plan = await planFor(found.match, found.title);
      const headerUnit = preview.rows[found.match.headerIndex].unit;
      const transcoded = inputLink(wh);
      const scan = await scanCsv(readPath, preview, headerUnit, transcoded, file);
      result.encoding = utf16
        ? 'UTF-16 («Юникод-текст» Excel)'
        : preview.encoding === 'utf-8'
          ? `UTF-8${preview.bom ? ' с BOM' : ''}`
          : 'Windows-1251';
      result.delimiter = preview.delimiter;
      await stageCsv(wh, plan, scan, preview.delimiter, headerUnit + 1, file);
      const lines = { data: scan.records, blank: scan.blankLines };
      await loadStagedTable(wh, plan, ctx.parse, result, lines);
      await warnMetaConflicts(wh, plan, hints, ctx.parse, result);
      last = plan;
    } else {
      // Every sheet whose header matches the file's source is loaded; other sheets get a note.
      const sheets = await inspectXlsx(path, file);
      let open: { stage: XlsxStage; plan: LoadPlan } | undefined;
      let lastPreview: PreviewRow[] = [];
      let unchanged = false;
      /** Types the sheet read; its rows are written at once unless it is the workbook's last. */
      const finish = async (lastSheet: boolean) => {
        if (!open) return;
        await open.stage.close();
        const lines = { data: open.stage.rows, blank: open.stage.gapRows };
        await loadStagedTable(wh, open.plan, ctx.parse, result, lines);
        await warnMetaConflicts(wh, open.plan, hints, ctx.parse, result);
        if (lastSheet) last = open.plan;
        else await write(open.plan);
        open = undefined;
      };
      await readXlsx(
        path,
        sheets,
        async (sheet, preview) => {
          await finish(false);
          lastPreview = preview;
          if (unchanged) return undefined;
          const found = decide(preview, sheet.name, sheet.name);
          if (!found) return undefined;
          if (plan && found.match.contract !== plan.contract) {
            result.notes.push(
              `лист «${sheet.name}» похож на другой источник (${found.match.contract.title}) и не загружен`,
            );
            return undefined;
          }
          if (!plan && !(await shouldLoad(found.match.contract))) {
            unchanged = true;
            return undefined;
          }
          result.sheets.push(sheet.name);
          plan = await planFor(found.match, `${sheet.name}\n${found.title}`);
          const header = preview[found.match.headerIndex];
          const stage = new XlsxStage(wh, plan, sheet.name, found.match.headerIndex + 1, header.line);
          await stage.open();
          open = { stage, plan };
          return stage;
        },
        file,
        wh.tempDir,
      );
      await finish(true);
      if (unchanged) return;
      if (!plan) throw noHeader(file, lastPreview, contracts, ctx);
      result.sheet = result.sheets.join(', ');
    }
    if (!plan) return;
    if (result.read === 0) result.warnings.push('в файле только заголовок: строк с данными нет');
    result.topReasons = await wh.rows<{ reason: string; count: number }>(sqlFile('ingest/top-reasons.sql'));
    if (last) await write(last);
    if (!writer) {
      result.status = 'dry-run';
      return;
    }
    await writer.commit(plan, result, fingerprintOf(plan.contract), started);
    result.status = 'loaded';
  } catch (error) {
    await writer?.rollback();
    throw error;
  }
}

function titleOf(rows: PreviewRow[], headerIndex: number): string {
  return rows
    .slice(0, headerIndex)
    .map((r) => r.cells.filter((c) => c?.trim()).join(' '))
    .filter(Boolean)
    .join('\n');
}

/** The file DuckDB reads: a transcoded copy or a link to the user's file, removed after each file. */
const inputLink = (wh: Warehouse) => join(wh.tempDir, `input-${process.pid}-${wh.lane}.csv`);
/** The UTF-8 copy of a UTF-16 file, removed after each file. */
const utf16Copy = (wh: Warehouse) => join(wh.tempDir, `utf16-${process.pid}-${wh.lane}.csv`);

/** The per-file TEMP objects, dropped after each file so that memory goes back at once. */
const FILE_TEMPS = [
  'src0',
  'src',
  'line_map',
  'cell_issue',
  'header_cell',
  'skipped',
  'dict',
  'typed',
  'file_rejects',
  'bad_line',
  'file_rejects_all',
  'file_key',
];

async function dropTemps(wh: Warehouse): Promise<void> {
  rmSync(inputLink(wh), { force: true });
  rmSync(utf16Copy(wh), { force: true });
  await wh.run('DROP VIEW IF EXISTS temp.main.data');
  await wh.run('DROP VIEW IF EXISTS temp.main.src').catch(() => undefined);
  await wh.run('DROP VIEW IF EXISTS temp.main.skipped').catch(() => undefined);
  for (const name of FILE_TEMPS)
    await wh.run(`DROP TABLE IF EXISTS temp.main.${name}`).catch(() => undefined);
}
