import { num, plur, ruDate } from '../text/russian.js';
import { type FileResult, SKIP_REASON_RU, type SkipReason, skippedTotal } from './result.js';

const MARK: Record<FileResult['status'], string> = {
  loaded: '✓',
  'dry-run': '○',
  unchanged: '=',
  failed: '✗',
};

/** The per-file lines of an ingest summary, in Russian. */
export function fileSummary(r: FileResult): string[] {
  if (r.status === 'failed') return [`${MARK.failed} ${r.file}`, `   ${r.error ?? 'не загружен'}`];
  if (r.status === 'unchanged') {
    return [
      `${MARK.unchanged} ${r.file} — уже загружен (версия №\u00a0${r.batchId}), без изменений; пропущен`,
    ];
  }
  const lines = [
    `${MARK[r.status]} ${r.file} — ${r.sourceTitle} (${r.source})${sheetsText(r.sheets)}` +
      (r.status === 'dry-run' ? ' — проверка без записи' : r.batchId ? `, версия №\u00a0${r.batchId}` : ''),
  ];
  if (r.snapshot) lines.push(`   по состоянию на ${ruDate(r.snapshot.raw)} (${r.snapshot.origin})`);
  const meta = Object.entries(r.meta).map(([k, v]) => `${k} = ${v.raw} (${v.origin})`);
  if (r.encoding)
    meta.unshift(`${r.encoding}, разделитель «${r.delimiter === '\t' ? 'табуляция' : r.delimiter}»`);
  if (meta.length) lines.push(`   ${meta.join('; ')}`);
  const skipped = skippedTotal(r);
  const skippedBy = (Object.entries(r.skipped) as [SkipReason, number][])
    .filter(([, n]) => n)
    .map(([k, n]) => `${SKIP_REASON_RU[k]}: ${num(n)}`)
    .join(', ');
  lines.push(
    `   прочитано ${num(r.read)}, загружено ${num(r.loaded)}, отклонено ${num(r.rejected)}, пропущено ${num(skipped)}` +
      (skippedBy ? ` (${skippedBy})` : ''),
  );
  for (const t of r.topReasons)
    lines.push(`   отклонено: ${t.reason} — ${plur(t.count, 'строка', 'строки', 'строк')}`);
  for (const w of r.warnings) lines.push(`   внимание: ${w}`);
  for (const n of r.notes) lines.push(`   к сведению: ${n}`);
  return lines;
}

/** The closing lines: totals over all files. */
export function totalsSummary(results: FileResult[]): string[] {
  const by = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  const sum = (f: (r: FileResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const lines = [
    '',
    `Итого: ${plur(results.length, 'файл', 'файла', 'файлов')}; загружено ${by('loaded')}, без изменений ${by('unchanged')}, ` +
      `с ошибкой ${by('failed')}${by('dry-run') ? `, проверено без записи ${by('dry-run')}` : ''}.`,
    `Строк: прочитано ${num(sum((r) => r.read))}, загружено ${num(sum((r) => r.loaded))}, отклонено ${num(sum((r) => r.rejected))}, ` +
      `пропущено ${num(sum(skippedTotal))}.`,
  ];
  if (sum((r) => r.rejected) > 0)
    lines.push('Отклонённые строки: shnor rejects (по муниципалитетам: shnor rejects --by-municipality).');
  return lines;
}

function sheetsText(sheets: string[]): string {
  if (sheets.length === 0) return '';
  const names = sheets.map((s) => `«${s}»`).join(', ');
  return sheets.length === 1 ? `, лист ${names}` : `, листы ${names}`;
}
