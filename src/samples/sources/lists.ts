/** Lists by year: `participants`, `shnor_list`, `regional_programme`, `objectivity_list`. */
import { col, emptyRow, insertAt, spell } from '../columns.js';
import { addDays, day, ru } from '../dates.js';
import { fullName, shortName } from '../names.js';
import { participants, programme, type Region, YEARS } from '../region.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, utf8Comma, xlsx } from '../sample-file.js';
import { data, type Table } from '../table.js';

function participantsFile(region: Region, year: 2025 | 2026, rng: Rng): SampleFile {
  const asOf = year === 2025 ? day(2025, 3, 15) : day(2026, 10, 1);
  const columns =
    year === 2025
      ? [
          col('№ п/п', null, { width: 7 }),
          col('Муниципалитет', 'municipality', { width: 24 }),
          col('Логин ОО', 'school_login', { width: 13 }),
          col('Наименование ОО', 'school_name', { width: 45 }),
          col('Год участия', 'year'),
          col('Когорта', 'cohort'),
          col('ФИО куратора', 'curator_name', { width: 34 }),
          col('Дата назначения куратора', 'curator_assigned_at', { numFmt: 'dd.mm.yyyy' }),
          col('Муниципальный координатор', 'municipal_coordinator', { width: 24 }),
          col('Дата включения в проект', 'included_at', { numFmt: 'dd.mm.yyyy' }),
        ]
      : [
          col('№', null, { width: 7 }),
          col('Район', 'municipality', { width: 24 }),
          col('Логин школы', 'school_login', { width: 13 }),
          col('Школа', 'school_name', { width: 45 }),
          col('Год', 'year'),
          col('Год вхождения в проект', 'cohort'),
          col('Куратор', 'curator_name', { width: 34 }),
          col('Куратор назначен', 'curator_assigned_at', { numFmt: 'dd.mm.yyyy' }),
          col('Муниципальный координатор', 'municipal_coordinator', { width: 24 }),
          col('Дата включения', 'included_at', { numFmt: 'dd.mm.yyyy' }),
        ];
  const list = participants(region, year);
  const rows = list.map((s, i) => {
    let curator: string | null = s.curator ? fullName(s.curator) : null;
    let assigned: Date | null = addDays(day(year, 2, 20), rng.int(0, 18));
    // 2026: one curator named without a date, one school still without a curator.
    if (year === 2026 && i === 3) assigned = null;
    if (year === 2026 && i === list.length - 2) {
      curator = null;
      assigned = null;
    }
    return data([
      i + 1,
      s.municipality.name,
      s.login,
      s.name,
      year,
      s.cohort ?? year,
      curator,
      assigned,
      shortName(s.municipality.coordinator),
      addDays(day(year, 1, 20), rng.int(0, 10)),
    ]);
  });
  const table: Table = {
    title: [[`Перечень школ – участниц проекта «500+» в ${year} году`], [`по состоянию на ${ru(asOf)}`], []],
    columns,
    rows,
    merges: ['A1:J1', 'A2:J2'],
  };
  return {
    path: `participants/uchastniki_500plus_${year}.xlsx`,
    source: 'participants',
    format: xlsx,
    sheets: [{ name: `Участники ${year}`, table }],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

function shnorListFile(region: Region, year: number): SampleFile {
  const asOf = day(year, 1, 15);
  const schools = region.schools.filter((s) => s.shnor.has(year));
  const title = [
    [`Перечень школ с низкими образовательными результатами на ${year} год`],
    [`по состоянию на ${ru(asOf)}`],
  ];
  let table: Table;
  if (year === 2024) {
    table = {
      title,
      columns: [
        col('Регион', null),
        col('Логин ОО', 'school_login'),
        col('Наименование ОО', 'school_name'),
        col('Год', 'year'),
      ],
      rows: schools.map((s) => data(['Республика Дагестан', s.login, s.name, year])),
    };
  } else if (year === 2025) {
    table = {
      title,
      columns: [
        col('Код региона', null),
        col('Логин', 'school_login'),
        col('Полное наименование ОО', 'school_name'),
        col('Учебный год', 'year'),
      ],
      rows: schools.map((s, i) =>
        data(['05', i === 4 ? spell(s.login, 'edu') : s.login, s.name, '2024/2025']),
      ),
    };
    insertAt(table.rows, 17, emptyRow()); // planted: an empty row in the middle
  } else {
    table = {
      title,
      columns: [col('Логин ОО', 'school_login'), col('Наименование ОО', 'school_name')],
      rows: schools.map((s) => data([s.login, s.name])),
      context: { year: { value: String(year), from: 'title' } },
    };
  }
  return {
    path: `fioko/shnor_spisok_${year}.csv`,
    source: 'shnor_list',
    format: cp1251Semicolon,
    sheets: [{ name: '', table }],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

function programmeFile(region: Region): SampleFile {
  const asOf = day(2026, 2, 1);
  const sheets = [2025, 2026].map((year) => {
    const table: Table = {
      title: [
        [
          'Региональная программа поддержки школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях',
        ],
        [`Перечень школ ${year} года по состоянию на ${ru(asOf)}`],
        [],
      ],
      columns: [
        col('Муниципальное образование', 'municipality', { width: 24 }),
        col('Логин ОО', 'school_login', { width: 13 }),
        col('Наименование ОО', 'school_name', { width: 45 }),
        col('Категория', 'category'),
        col('Год', 'year'),
      ],
      rows: programme(region, year).map(({ school: s, category }) =>
        data([s.municipality.name, s.login, s.name, category, year]),
      ),
    };
    return { name: `${year} год`, table };
  });
  return {
    path: 'regional/regionalnaya_programma_shnor_shnsu.xlsx',
    source: 'regional_programme',
    format: xlsx,
    sheets,
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

function objectivityFile(region: Region, year: number, rng: Rng): SampleFile {
  const asOf = day(year, 10, 15);
  const eligible = region.schools.filter((s) => !s.comparison && s.cohort === undefined && !s.opened);
  const rows = rng
    .sample(eligible, 3 + (year % 3))
    .map((s) =>
      data([
        s.login,
        s.name,
        rng.pick(['Математика', 'Русский язык']),
        rng.int(5, 8),
        rng.pick(['Признаки необъективности результатов ВПР', 'Необъективные результаты ВПР (повторно)']),
        year,
      ]),
    );
  for (const s of region.schools.filter((x) => x.marker === 'listed' && year === 2025)) {
    rows.unshift(data([s.login, s.name, 'Математика', 5, 'Признаки необъективности результатов ВПР', year]));
  }
  const table: Table = {
    title: [],
    columns: [
      col('Логин ОО', 'school_login'),
      col('Наименование ОО', 'school_name'),
      col('Предмет', 'subject'),
      col('Класс', 'grade'),
      col('Признак', 'marker'),
      col('Год', 'year'),
    ],
    rows,
  };
  return {
    path: `fioko/oo_priznaki_neobektivnosti_${year}.csv`,
    source: 'objectivity_list',
    format: utf8Comma,
    sheets: [{ name: '', table }],
    snapshot: asOf,
    snapshotFrom: 'flag',
  };
}

export function listFiles(region: Region, rng: Rng): SampleFile[] {
  return [
    participantsFile(region, 2025, rng.fork('p25')),
    participantsFile(region, 2026, rng.fork('p26')),
    ...YEARS.map((y) => shnorListFile(region, y)),
    programmeFile(region),
    ...YEARS.map((y) => objectivityFile(region, y, rng.fork(`obj${y}`))),
  ];
}
