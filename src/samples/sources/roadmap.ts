/** `roadmap` (seed 001 for 2022, adapted for 2026) and `roadmap_status` (2026). */
import { col, continuation } from '../columns.js';
import { addDays, day, MONTHS, ru } from '../dates.js';
import { participants, type Region } from '../region.js';
import type { Rng } from '../rng.js';
import { ROADMAP_2022_ROWS, ROADMAP_2022_TITLE } from '../roadmap-seed.js';
import { type SampleFile, xlsx } from '../sample-file.js';
import { data, type Row, type Table } from '../table.js';

const seedRows = (): string[][] => ROADMAP_2022_ROWS.split('\n').map((l) => l.split('\t'));

function adapt(text: string, shnor: number): string {
  return text.replaceAll('2022', '2026').replaceAll('2021', '2025').replace('(102 ШНОР)', `(${shnor} ШНОР)`);
}

function roadmap(year: 2022 | 2026, shnor: number): SampleFile {
  const cellsList = seedRows().map((cells) => (year === 2022 ? cells : cells.map((c) => adapt(c, shnor))));
  const rows: Row[] = cellsList.map((cells) => (cells[0] ? data(cells) : continuation(cells)));
  const words =
    year === 2022
      ? [
          '№ п/п',
          'Задачи',
          'Сроки реализации',
          'Исполнитель',
          'Показатель реализации',
          'Информационное сопровождение проекта',
        ]
      : ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Ожидаемый результат', 'Информационное сопровождение'];
  const canon = ['item_no', 'task', 'period', 'executor', 'indicator', null];
  const widths = [8, 60, 18, 30, 50, 30];
  const title = year === 2022 ? ROADMAP_2022_TITLE : adapt(ROADMAP_2022_TITLE, shnor);
  const table: Table = {
    title: [[title], []],
    columns: words.map((w, i) => col(w, canon[i] ?? null, { width: widths[i] })),
    // Two header rows: «Результат» spans the last two columns, the others span both rows.
    headerRows: [
      [words[0] ?? '', words[1] ?? '', words[2] ?? '', words[3] ?? '', 'Результат', null],
      [null, null, null, null, words[4] ?? '', words[5] ?? ''],
    ],
    merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3'],
    rows,
    context: {
      roadmap_code: { value: '500+', from: 'title' },
      year: { value: String(year), from: 'title' },
    },
  };
  return {
    path: `roadmap/dorozhnaya_karta_500plus_${year}.xlsx`,
    source: 'roadmap',
    format: xlsx,
    sheets: [{ name: 'Дорожная карта', table }],
    snapshot: year === 2022 ? day(2022, 3, 31) : day(2026, 3, 20),
    snapshotFrom: 'flag',
  };
}

/** Last month a period names («март-июнь» → 6); «в течение года» → 12. */
function dueMonth(period: string): number {
  const text = period.toLowerCase();
  let last = 12;
  let at = -1;
  MONTHS.forEach((m, i) => {
    const stem = m.slice(0, 3);
    const pos = text.lastIndexOf(stem);
    if (pos > at) {
      at = pos;
      last = i + 1;
    }
  });
  return last;
}

function status(rng: Rng): SampleFile {
  const asOf = day(2026, 9, 30);
  const rows: Row[] = [];
  for (const cells of seedRows()) {
    const no = cells[0];
    if (!no) continue;
    const due = day(2026, dueMonth(cells[2] ?? '') + 1, 1); // first day after the period
    const lastDay = addDays(due, -1);
    let state = 'выполнено';
    let doneAt: Date | null = addDays(lastDay, -rng.int(0, 20));
    let evidence: string | null = rng.pick([
      'Приказ МОН РД',
      'Аналитическая справка',
      'Протокол совещания',
      'Отчёт в ИС МЭДК',
    ]);
    if (lastDay > asOf) {
      state = 'в работе';
      doneAt = null;
      evidence = null;
    } else if (no === '18.') {
      state = 'не выполнено'; // overdue
      doneAt = null;
      evidence = null;
    } else if (no === '19.' || no === '31.') {
      doneAt = addDays(lastDay, rng.int(10, 40)); // done late
    }
    rows.push(data(['500+', 2026, no, state, doneAt, evidence]));
  }
  return {
    path: 'roadmap/ispolnenie_dorozhnoy_karty_2026.xlsx',
    source: 'roadmap_status',
    format: xlsx,
    sheets: [
      {
        name: 'Исполнение',
        table: {
          title: [
            ['Исполнение региональной «дорожной карты» проекта «500+» в 2026 году'],
            [`по состоянию на ${ru(asOf)}`],
            [],
          ],
          columns: [
            col('Код дорожной карты', 'roadmap_code'),
            col('Год', 'year'),
            col('№ п/п', 'item_no'),
            col('Статус исполнения', 'status', { width: 16 }),
            col('Дата исполнения', 'done_at', { numFmt: 'dd.mm.yyyy' }),
            col('Подтверждение', 'evidence', { width: 26 }),
          ],
          rows,
        },
      },
    ],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

export function roadmapFiles(region: Region, rng: Rng): SampleFile[] {
  const shnor = participants(region, 2026).length;
  return [roadmap(2022, shnor), roadmap(2026, shnor), status(rng)];
}
