import { plur } from '../../text/russian.js';
import { ident, literal } from '../../warehouse/quote.js';
import { sqlFile } from '../../warehouse/sql-file.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { Contract } from '../contracts/types.js';
import type { FileResult } from '../result.js';

interface Replaced {
  partition_key: string;
  rows: number;
  date: string;
  before_batch: number;
  before_rows: number;
  before_file: string;
  before_date: string;
  same_date: boolean;
}

/** Rows of a key named in a message; the rest are counted. */
const SHOWN = 5;
/** Replaced parts named one by one in the note; more are counted. */
const NOTED = 3;

/**
 * Says what a new load replaced (DOMAIN §3.2: the earlier version stays, addressable as of its date):
 * a note naming the version of each part it replaces; a warning when the new version has fewer rows
 * or lacks keys the earlier one had — naming them, so that rows never disappear unnoticed.
 */
export async function reportReplaced(
  wh: Warehouse,
  contract: Contract,
  table: string,
  batch: number,
  result: FileResult,
): Promise<void> {
  const replaced = await wh.rows<Replaced>(sqlFile('ingest/replaced-versions.sql'), { batch });
  const quiet: Replaced[] = [];
  for (const r of replaced) {
    const part = r.partition_key || (contract.source === 'schools' ? 'весь реестр' : 'весь источник');
    const gone = await goneKeys(wh, contract, table, batch, r);
    const goneText = gone.count
      ? `нет ${plur(gone.count, 'строки', 'строк', 'строк')} прежней: ${gone.shown.join(', ')}` +
        (gone.count > gone.shown.length ? ' …' : '')
      : '';
    const when = r.same_date
      ? `Прежняя версия — от той же даты (${r.date}) и больше не действует ни для какой даты; если файлы — части ` +
        'одного списка, соедините их в один файл и загрузите его'
      : `Прежняя версия сохранена и действует для дат до ${r.date}`;
    if (r.rows < r.before_rows) {
      result.warnings.push(
        `в новой версии меньше строк, чем в предыдущей: часть «${part}» — ${r.rows} против ${r.before_rows} ` +
          `(версия от ${r.before_date})${goneText ? `; ${goneText}` : ''}. ${when}.`,
      );
    } else if (gone.count) {
      result.warnings.push(
        `новая версия части «${part}» заменяет версию №\u00a0${r.before_batch} (файл «${r.before_file}») от ` +
          `${r.before_date}, но в ней ${goneText}. ${when}.`,
      );
    } else quiet.push(r);
  }
  if (quiet.length) result.notes.push(replacedNote(quiet));
}

/** One note for the parts replaced with every row kept: which versions, and for which dates they still hold. */
function replacedNote(quiet: Replaced[]): string {
  const named = quiet
    .slice(0, NOTED)
    .map((r) => `№\u00a0${r.before_batch} (файл «${r.before_file}») от ${r.before_date}`);
  const more = quiet.length > NOTED ? ` и ещё ${quiet.length - NOTED}` : '';
  const date = quiet[0].date;
  const many = quiet.length > 1;
  const tail = quiet.every((r) => r.same_date)
    ? `той же даты: ${many ? 'прежние больше не действуют' : 'прежняя больше не действует'}`
    : quiet.some((r) => r.same_date)
      ? `версии той же даты больше не действуют, более ранние действуют для дат до ${date}`
      : `${many ? 'прежние действуют' : 'прежняя действует'} для дат до ${date}`;
  return `заменяет ${quiet.length > 1 ? 'версии' : 'версию'} ${named.join(', ')}${more} — ${tail}`;
}

/** Keys of the earlier version of a part that the new one lacks (none when the contract has no key). */
async function goneKeys(
  wh: Warehouse,
  contract: Contract,
  table: string,
  batch: number,
  r: Replaced,
): Promise<{ count: number; shown: string[] }> {
  const key = (contract.key ?? []).filter((k) => !contract.partitionKey.includes(k));
  if (key.length === 0) return { count: 0, shown: [] };
  const text = `concat_ws(', ', ${key.map((k) => `CAST(${ident(k)} AS VARCHAR)`).join(', ')})`;
  const part = literal(r.partition_key);
  const rows = await wh.rows<{ k: string; n: number }>(
    `SELECT k, CAST(count(*) OVER () AS INTEGER) AS n FROM (
       SELECT ${text} AS k FROM ${ident(table)} WHERE _batch_id = ${r.before_batch} AND _partition = ${part}
       EXCEPT
       SELECT ${text} FROM ${ident(table)} WHERE _batch_id = ${batch} AND _partition = ${part}
     ) ORDER BY k LIMIT ${SHOWN}`,
  );
  return { count: rows[0]?.n ?? 0, shown: rows.map((x) => x.k) };
}
