/** `schools`: the registry of schools, as of 01.09.2025 and 01.09.2026 (2 closed, 1 opened). */
import { col, spell } from '../columns.js';
import { day, ru } from '../dates.js';
import type { Region, School } from '../region.js';
import { type SampleFile, xlsx } from '../sample-file.js';
import { data, type Table } from '../table.js';

function registry(region: Region, year: 2025 | 2026): SampleFile {
  const asOf = day(year, 9, 1);
  const schools = region.schools.filter((s) => (year === 2025 ? !s.opened : !s.closed));
  const columns =
    year === 2025
      ? [
          col('№ п/п', null, { width: 7 }),
          col('Муниципальное образование', 'municipality', { width: 26 }),
          col('Код МСУ', 'municipality_code'),
          col('Полное наименование ОО', 'school_name', { width: 50 }),
          col('Логин ОО', 'school_login', { width: 13 }),
          col('Код ОО', 'rcoi_code'),
          col('Тип населенного пункта', 'settlement_type'),
          col('Количество обучающихся', 'students_total'),
          col('Малокомплектная', 'is_small_school'),
        ]
      : [
          col('№', null, { width: 7 }),
          col('Муниципальный район', 'municipality', { width: 26 }),
          col('Код МО', 'municipality_code'),
          col('Наименование ОО', 'school_name', { width: 50 }),
          col('Логин', 'school_login', { width: 13 }),
          col('Код ОУ', 'rcoi_code'),
          col('Тип поселения', 'settlement_type'),
          col('Численность обучающихся', 'students_total'),
          col('Малокомплектная школа', 'is_small_school'),
        ];
  const small = (s: School) => s.students < 100;
  const rows = schools.map((s, i) => {
    // One login is typed in upper case in the newer registry (normalisation, not an error).
    const login = year === 2026 && i === 7 ? spell(s.login, 'upper') : s.login;
    const smallCell = year === 2025 ? (small(s) ? 'да' : 'нет') : small(s) ? 1 : 0;
    return data([
      i + 1,
      s.municipality.name,
      s.municipality.code,
      s.name,
      login,
      s.rcoi,
      s.settlement,
      year === 2026 ? s.students + ((i * 7) % 13) - 6 : s.students,
      smallCell,
    ]);
  });
  const table: Table = {
    title: [[`Реестр общеобразовательных организаций по состоянию на ${ru(asOf)}`], []],
    columns,
    rows,
    merges: ['A1:I1'],
  };
  return {
    path: `schools/reestr_oo_${year}-09-01.xlsx`,
    source: 'schools',
    format: xlsx,
    sheets: [{ name: 'Реестр ОО', table }],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

export const registryFiles = (region: Region): SampleFile[] => [
  registry(region, 2025),
  registry(region, 2026),
];
