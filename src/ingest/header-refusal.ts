import { UserError } from '../cli/errors.js';
import { fold } from './aliases.js';
import type { IngestContext } from './context.js';
import type { Contract } from './contracts/types.js';
import { type HeaderMatch, knownHeaderCells, missingColumnsText } from './header.js';
import type { PreviewRow } from './read/preview.js';

/** Why a file's header is refused, in words the user can act on (never quoting a data row). */

/**
 * A header naming one column twice («Логин ОО» in A and C): which one holds the values is unknown, so the
 * file is refused rather than loaded from the first and silent about the second.
 */
export function refuseRepeatedColumn(
  match: HeaderMatch,
  ctx: IngestContext,
  file: string,
  sheet?: string,
): void {
  const index = ctx.indexes.get(match.contract.source);
  match.header.forEach((cell, i) => {
    const spec = index?.get(fold(cell ?? ''))?.find((s) => match.columns.has(s.name));
    const first = spec ? match.columns.get(spec.name) : undefined;
    if (first === undefined || first === i || !match.ignored.includes(cell.trim())) return;
    throw new UserError(
      `Файл «${file}»${sheet ? `, лист «${sheet}»` : ''}: столбец «${match.header[first].trim()}» есть в заголовке ` +
        `дважды (столбцы ${first + 1} и ${i + 1}) — неясно, из какого брать значения. Удалите лишний столбец или ` +
        'переименуйте его и загрузите файл снова.',
    );
  });
}

/** The message for a file in which no row is the header of a known source. */
export function noHeader(
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
  const close = closestContract(nonEmpty, contracts, ctx, file);
  if (close) {
    return new UserError(
      `Файл «${file}», строка ${close.line}: похоже на заголовок источника «${close.contract.title}» ` +
        `(${close.contract.source}), но в нём нет обязательных столбцов: ${close.missing}. Добавьте их; если они ` +
        'названы иначе, переименуйте или допишите псевдоним в pipelines/aliases.csv (см. README); если это другая ' +
        'выгрузка, укажите источник флагом --source.',
    );
  }
  // Only a row that names a known column is quoted: in a file without its header row every row is
  // data, and a name or a document number must not reach the message, the log or the manifest.
  const named = nonEmpty
    .map((r) => ({ r, n: knownHeaderCells(r.cells, contracts, ctx.indexes) }))
    .sort((a, b) => b.n - a.n)[0];
  const cells = named.r.cells
    .filter((c) => c?.trim())
    .slice(0, 6)
    .map((c) => `«${c.trim().slice(0, 40)}»`)
    .join(', ');
  return new UserError(
    `Файл «${file}»: не удалось определить источник — ни одна строка в первых ${rows.length} ` +
      (named.n > 0
        ? `(строка ${named.r.line}: ${cells}) не похожа на заголовок известной выгрузки. `
        : 'не похожа на заголовок известной выгрузки: ни в одной нет известного названия столбца (возможно, ' +
          'в файле нет строки заголовка). ') +
      'Проверьте, что это нужный файл, укажите источник флагом --source или добавьте псевдонимы заголовков ' +
      '(pipelines/aliases.csv, см. README).',
  );
}

/**
 * The source a header row almost matches: it names at least two of its columns, more than it lacks, and
 * lacks a required one (hinted by the file name first). Only the contract's own titles are quoted.
 */
function closestContract(
  rows: PreviewRow[],
  contracts: readonly Contract[],
  ctx: IngestContext,
  file: string,
): { contract: Contract; line: number; missing: string } | undefined {
  let best: { contract: Contract; line: number; known: number; lacks: number; hinted: boolean } | undefined;
  for (const row of rows) {
    const keys = row.cells.map((c) => fold(c ?? '')).filter(Boolean);
    for (const contract of contracts) {
      const index = ctx.indexes.get(contract.source);
      const found = new Set(keys.flatMap((k) => (index?.get(k) ?? []).map((spec) => spec.name)));
      const known = found.size;
      const lacks = contract.columns.filter((c) => c.required && !c.meta && !found.has(c.name)).length;
      if (known < 2 || lacks === 0 || lacks >= known) continue;
      const hinted = (contract.fileHints ?? []).some((re) => re.test(file));
      if (
        !best ||
        known > best.known ||
        (known === best.known && Number(hinted) - Number(best.hinted) > 0) ||
        (known === best.known && hinted === best.hinted && lacks < best.lacks)
      ) {
        best = { contract, line: row.line, known, lacks, hinted };
      }
    }
  }
  if (!best) return undefined;
  const row = rows.find((r) => r.line === best.line) ?? rows[0];
  const index = ctx.indexes.get(best.contract.source) ?? new Map();
  return {
    contract: best.contract,
    line: best.line,
    missing: missingColumnsText(best.contract, row.cells, index),
  };
}
