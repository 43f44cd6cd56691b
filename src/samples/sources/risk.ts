/** `risk_profiles` (2025 wide, 2026 long) and `medk_directions` (activation in ИС МЭДК). */
import { col, spell, yesNo } from '../columns.js';
import { addDays, day, ru } from '../dates.js';
import { FACTORS, LEVEL_WORDS, type SchoolRisk } from '../risks.js';
import type { Rng } from '../rng.js';
import { type SampleFile, utf8BomSemicolon, xlsx } from '../sample-file.js';
import { data, type Table } from '../table.js';

function wideProfiles(list: SchoolRisk[]): SampleFile {
  const asOf = day(2025, 2, 28);
  const table: Table = {
    title: [
      ['Рисковые профили школ – участниц проекта «500+» 2025 года'],
      [`по состоянию на ${ru(asOf)}`],
      [],
    ],
    columns: [
      col('Логин ОО', 'school_login', { width: 13 }),
      col('Наименование ОО', 'school_name', { width: 45 }),
      col('Муниципалитет', 'municipality', { width: 24 }),
      ...FACTORS.map((f) => col(f.name, `risk_level[factor_code=${f.code}]`, { width: 18 })),
    ],
    rows: list.map(({ school: s, level }) =>
      data([s.login, s.name, s.municipality.name, ...FACTORS.map((f) => LEVEL_WORDS[level[f.code] ?? 0])]),
    ),
    context: { year: { value: '2025', from: 'title' } },
  };
  return {
    path: 'fioko/rpsh_2025.xlsx',
    source: 'risk_profiles',
    format: xlsx,
    sheets: [{ name: 'РПШ', table }],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

function longProfiles(list: SchoolRisk[]): SampleFile {
  const table: Table = {
    title: [],
    columns: [
      col('Год', 'year'),
      col('Логин', 'school_login'),
      col('Фактор риска', 'factor_code'),
      col('Уровень риска', 'risk_level'),
    ],
    rows: list.flatMap(({ school: s, level }) =>
      FACTORS.map((f) => data([2026, s.login, `Фактор ${f.code}`, level[f.code] ?? 0])),
    ),
  };
  return {
    path: 'fioko/rpsh_2026.csv',
    source: 'risk_profiles',
    format: utf8BomSemicolon,
    sheets: [{ name: '', table }],
    snapshot: day(2026, 2, 27),
    snapshotFrom: 'flag',
  };
}

function directions(list: SchoolRisk[], year: 2025 | 2026, rng: Rng): SampleFile {
  const asOf = year === 2025 ? day(2025, 3, 31) : day(2026, 4, 15);
  const columns =
    year === 2025
      ? [
          col('Логин ОО', 'school_login', { width: 13 }),
          col('Наименование ОО', 'school_name', { width: 45 }),
          col('Год', 'year'),
          col('Код фактора', 'factor_code'),
          col('Активировано', 'activated'),
          col('Дата активации', 'activated_at', { numFmt: 'dd.mm.yyyy' }),
          col('Подтверждено куратором', 'verified_by_curator'),
        ]
      : [
          col('Логин', 'school_login', { width: 13 }),
          col('Школа', 'school_name', { width: 45 }),
          col('Год', 'year'),
          col('Рисковое направление', 'factor_code', { width: 50 }),
          col('Направление выбрано', 'activated'),
          col('Дата активации', 'activated_at', { numFmt: 'dd.mm.yyyy' }),
          col('Подтверждено куратором', 'verified_by_curator'),
        ];
  const rows = list.flatMap(({ school: s, activated }, i) => {
    const when = addDays(day(year, 3, 5), rng.int(0, 20));
    const login = year === 2026 && i === 2 ? spell(s.login, 'upper') : s.login;
    return FACTORS.map((f) => {
      const on = activated.has(f.code);
      const factor = year === 2025 ? f.code : f.name;
      const flag = year === 2025 ? yesNo(on) : on ? 'Да' : 'Нет';
      return data([
        login,
        s.name,
        year,
        factor,
        flag,
        on ? when : null,
        on ? (year === 2025 ? 'да' : 'Да') : null,
      ]);
    });
  });
  return {
    path: `medk/napravleniya_${year}.xlsx`,
    source: 'medk_directions',
    format: xlsx,
    sheets: [
      {
        name: 'Рисковые направления',
        table: {
          title: [[`ИС МЭДК: рисковые направления, ${year} год`], [`по состоянию на ${ru(asOf)}`], []],
          columns,
          rows,
        },
      },
    ],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

export function riskFiles(byYear: Map<number, SchoolRisk[]>, rng: Rng): SampleFile[] {
  const y25 = byYear.get(2025) ?? [];
  const y26 = byYear.get(2026) ?? [];
  return [
    wideProfiles(y25),
    longProfiles(y26),
    directions(y25, 2025, rng.fork('d25')),
    directions(y26, 2026, rng.fork('d26')),
  ];
}
