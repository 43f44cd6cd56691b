/** `curator_visits` and `events` (установочный семинар, вебинары, мастер-класс) by year. */
import { col, insertAt, rejectRow, spell, UNKNOWN_LOGIN } from '../columns.js';
import { AS_OF, addDays, day, ru } from '../dates.js';
import { fullName } from '../names.js';
import { participants, type Region } from '../region.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, xlsx } from '../sample-file.js';
import { type Cell, data, type Row } from '../table.js';

function visits(region: Region, year: 2025 | 2026, rng: Rng): SampleFile {
  const list = participants(region, year);
  const rows: Row[] = [];
  const end = year === 2025 ? day(2025, 12, 15) : AS_OF;
  list.forEach((s, i) => {
    const curator = s.curator ? fullName(s.curator) : '';
    // Two schools of 2026 are not visited yet (the indicator lists them).
    if (year === 2026 && i >= list.length - 2) return;
    let when = addDays(day(year, 3, 10), rng.int(0, 20));
    rows.push(data([s.login, curator, when, 'первичное']));
    for (;;) {
      when = addDays(when, rng.int(35, 80));
      if (when > end) break;
      rows.push(data([i === 6 ? spell(s.login, 'edu') : s.login, curator, when, 'плановое']));
    }
  });
  if (year === 2026) {
    // planted: an impossible date, the row is rejected
    const s = list[1];
    const bad: Cell[] = [s?.login ?? '', s?.curator ? fullName(s.curator) : '', '31.02.2026', 'плановое'];
    insertAt(rows, 9, rejectRow(bad, 'invalid_date', 'Дата визита', '31.02.2026'));
  }
  const columns =
    year === 2025
      ? [
          col('Логин ОО', 'school_login'),
          col('ФИО куратора', 'curator_name'),
          col('Дата посещения', 'visit_date'),
          col('Вид посещения', 'visit_kind'),
        ]
      : [
          col('Логин', 'school_login'),
          col('Куратор', 'curator_name'),
          col('Дата визита', 'visit_date'),
          col('Тип посещения', 'visit_kind'),
        ];
  return {
    path: `curators/poseshcheniya_${year}.csv`,
    source: 'curator_visits',
    format: cp1251Semicolon,
    sheets: [{ name: '', table: { title: [], columns, rows } }],
    snapshot: year === 2025 ? day(2025, 12, 20) : AS_OF,
    snapshotFrom: 'flag',
  };
}

interface EventSpec {
  id: string;
  name: string;
  kind: string;
  date: Date;
}

function eventList(year: number): EventSpec[] {
  const y = String(year).slice(2);
  const list: EventSpec[] = [
    {
      id: `С${y}-01`,
      name: `Установочный семинар для школ – участниц проекта «500+» ${year} года`,
      kind: 'установочный семинар',
      date: day(year, 2, 18),
    },
  ];
  const webinars = [
    'Работа с рисковым профилем школы',
    'Разработка антирисковых программ',
    'Мониторинг позитивных изменений в ИС МЭДК',
    'Формирующее оценивание на уроке',
    'Работа с обучающимися с рисками учебной неуспешности',
  ];
  webinars.forEach((name, i) => {
    list.push({
      id: `В${y}-${String(i + 1).padStart(2, '0')}`,
      name: `Вебинар «${name}»`,
      kind: 'вебинар',
      date: day(year, 3 + i, 12),
    });
  });
  list.push({
    id: `М${y}-01`,
    name: 'Мастер-класс педагогов РКЦ «Современный урок математики»',
    kind: 'мастер-класс',
    date: day(year, 4, 24),
  });
  return list;
}

function events(region: Region, year: 2025 | 2026, rng: Rng): SampleFile {
  const rows: Row[] = [];
  for (const e of eventList(year)) {
    for (const s of participants(region, year)) {
      const u = rng.next();
      const attendance =
        e.kind === 'установочный семинар'
          ? u < 0.82
            ? 'очно'
            : u < 0.94
              ? 'дистанционно'
              : 'нет'
          : u < 0.15
            ? 'очно'
            : u < 0.85
              ? 'дистанционно'
              : 'нет';
      rows.push(data([e.id, e.name, e.kind, e.date, s.login, s.name, attendance]));
    }
  }
  if (year === 2026) {
    // planted: a login that no registry knows
    const e = eventList(year)[1] as EventSpec;
    const bad = [e.id, e.name, e.kind, e.date, UNKNOWN_LOGIN, 'МКОУ «СОШ с. Мугерган»', 'дистанционно'];
    insertAt(rows, 60, rejectRow(bad, 'unknown_school', 'Логин ОО', UNKNOWN_LOGIN));
  }
  const asOf = day(year, 7, 31);
  return {
    path: `events/meropriyatiya_${year}.xlsx`,
    source: 'events',
    format: xlsx,
    sheets: [
      {
        name: 'Участие',
        table: {
          title: [
            [`Участие школ в мероприятиях проекта «500+», ${year} год`],
            [`по состоянию на ${ru(asOf)}`],
            [],
          ],
          columns: [
            col('Код мероприятия', 'event_id'),
            col('Название мероприятия', 'event_name', { width: 50 }),
            col('Вид мероприятия', 'event_kind', { width: 20 }),
            col('Дата мероприятия', 'event_date', { numFmt: 'dd.mm.yyyy' }),
            col('Логин ОО', 'school_login', { width: 13 }),
            col('Наименование ОО', 'school_name', { width: 40 }),
            col('Форма участия', 'attendance'),
          ],
          rows,
        },
      },
    ],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

export function activityFiles(region: Region, rng: Rng): SampleFile[] {
  return [
    visits(region, 2025, rng.fork('v25')),
    visits(region, 2026, rng.fork('v26')),
    events(region, 2025, rng.fork('e25')),
    events(region, 2026, rng.fork('e26')),
  ];
}
