/** `oge_results` (CSV per subject and year) and `ege_results` (XLSX per year, a sheet per subject). */
import { col, insertAt, repeatedHeader } from '../columns.js';
import { addDays, day, ru } from '../dates.js';
import { type Person, person } from '../names.js';
import { assessed, meanAbility, type Region, type School, YEARS } from '../region.js';
import { binomial, className, sigmoid } from '../results.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, xlsx } from '../sample-file.js';
import { type Cell, type Column, data, type Row, type Table } from '../table.js';
import { SUBJECT_SLUG } from '../vpr-scale.js';

interface Student {
  school: School;
  person: Person;
  className: string;
  series: string;
  number: string;
  birth: Date;
  theta: number;
}

function cohort(region: Region, year: number, grade: 9 | 11, rng: Rng): Student[] {
  const out: Student[] = [];
  for (const s of assessed(region)) {
    if (grade === 11 && s.name.includes('ООШ')) continue;
    const { grade9, grade11 } = region.config.divisors;
    const n = Math.max(
      2,
      Math.round((s.students / (grade === 9 ? grade9 : grade11)) * (0.8 + rng.next() * 0.4)),
    );
    const mu = meanAbility(s, year);
    for (let i = 0; i < n; i++) {
      out.push({
        school: s,
        person: person(rng),
        className: className(grade, i, n),
        series: String(8200 + rng.int(0, 25)),
        number: String(rng.int(100000, 999999)),
        birth: addDays(day(year - grade - 6, 1, 1), rng.int(0, 364)),
        theta: rng.normal(mu, 1),
      });
    }
  }
  return out;
}

const score = (rng: Rng, max: number, theta: number, shift = 0) =>
  binomial(rng, max, sigmoid(1.2 * (theta + 0.4 + shift)));

const personCells = (st: Student): Cell[] => [
  st.school.municipality.code,
  st.school.rcoi,
  st.className,
  st.person.last,
  st.person.first,
  st.person.middle,
  st.series,
  st.number,
];

const PERSON_COLUMNS = (year: number): Column[] => [
  col(year === 2026 ? 'Код муниципалитета' : 'Код МСУ', 'municipality_code'),
  col(year === 2026 ? 'Код ОУ' : 'Код ОО', 'rcoi_code'),
  col('Класс', 'class_name'),
  col('Фамилия', 'student.last_name'),
  col('Имя', 'student.first_name'),
  col('Отчество', 'student.middle_name'),
  col('Серия документа', 'student.document_series'),
  col('Номер документа', 'student.document_number'),
];

// ---- ОГЭ ---------------------------------------------------------------------------------------

const OGE: [subject: string, max: number, bounds: [number, number, number], month: number, dayOf: number][] =
  [
    ['Русский язык', 33, [15, 23, 29], 6, 3],
    ['Математика', 31, [8, 15, 22], 6, 10],
    ['Обществознание', 37, [14, 24, 32], 5, 30],
    ['Биология', 48, [13, 26, 38], 5, 30],
    ['География', 31, [12, 19, 26], 6, 14],
    ['Информатика', 19, [5, 11, 16], 6, 14],
  ];

const markBy = (b: [number, number, number], x: number) =>
  x >= b[2] ? 5 : x >= b[1] ? 4 : x >= b[0] ? 3 : 2;

function ogeFiles(region: Region, year: number, rng: Rng): SampleFile[] {
  const students = cohort(region, year, 9, rng);
  const electives = new Map(students.map((st) => [st, rng.sample([2, 3, 4, 5], 2)]));
  const asOf = day(year, 7, 15);
  return OGE.map(([subject, max, bounds, month, dd], index) => {
    const main = day(year, month, dd);
    const reserve = day(year, 6, 24);
    const retake = day(year, 7, 2);
    const rows: Row[] = [];
    for (const st of students) {
      if (index >= 2 && !electives.get(st)?.includes(index)) continue;
      const onReserve = rng.chance(0.03);
      const primary = score(rng, max, st.theta, subject === 'Математика' ? -0.1 : 0);
      const mark = markBy(bounds, primary);
      const cells = (date: Date, attempt: string, p: number, m: number): Cell[] => [
        ...personCells(st),
        st.birth,
        date,
        attempt,
        p,
        m,
      ];
      rows.push(data(cells(onReserve ? reserve : main, onReserve ? 'резервный' : 'основной', primary, mark)));
      if (mark === 2 && index < 2 && rng.chance(0.6)) {
        const p2 = score(rng, max, st.theta, 0.5);
        rows.push(data(cells(retake, 'пересдача', p2, markBy(bounds, p2))));
      }
    }
    const columns = [
      ...PERSON_COLUMNS(year),
      col('Дата рождения', 'student.birth_date'),
      col(year === 2026 ? 'Дата проведения' : 'Дата экзамена', 'exam_date'),
      col('Попытка', 'attempt'),
      col('Первичный балл', 'primary_score'),
      col(year === 2026 ? 'Оценка' : 'Отметка', 'mark'),
    ];
    // planted: the header repeated after a page break
    if (year === 2025 && subject === 'Математика')
      insertAt(rows, Math.floor(rows.length * 0.4), repeatedHeader(columns));
    const table: Table = {
      title: [[`Результаты ОГЭ ${year} года`], [`Предмет: ${subject}`], [`по состоянию на ${ru(asOf)}`]],
      columns,
      rows,
      context: { year: { value: String(year), from: 'title' }, subject: { value: subject, from: 'title' } },
    };
    return {
      path: `oge/${year}/oge_${year}_${SUBJECT_SLUG[subject]}.csv`,
      source: 'oge_results',
      format: cp1251Semicolon,
      sheets: [{ name: '', table }],
      snapshot: asOf,
      snapshotFrom: 'title' as const,
    };
  });
}

// ---- ЕГЭ ---------------------------------------------------------------------------------------

const EGE: [subject: string, sheet: string, max: number, month: number, dayOf: number, min: number][] = [
  ['Русский язык', 'Русский язык', 50, 5, 30, 24],
  ['Математика (профильный уровень)', 'Математика П', 32, 6, 2, 27],
  ['Математика (базовый уровень)', 'Математика Б', 21, 6, 2, 0],
  ['Обществознание', 'Обществознание', 58, 6, 5, 42],
  ['Биология', 'Биология', 59, 6, 9, 36],
  ['Химия', 'Химия', 56, 5, 23, 36],
  ['История', 'История', 42, 5, 23, 32],
];

const testScore = (primary: number, max: number) => Math.min(100, Math.round(100 * (primary / max) ** 0.8));

function egeFile(region: Region, year: number, rng: Rng): SampleFile {
  const students = cohort(region, year, 11, rng);
  const choice = new Map(
    students.map((st) => [
      st,
      { profile: rng.chance(0.45), electives: rng.sample([3, 4, 5, 6], rng.int(0, 2)) },
    ]),
  );
  const asOf = day(year, 7, 20);
  const sheets = EGE.map(([subject, sheet, max, month, dd, min], index) => {
    const base = index === 2;
    const rows: Row[] = [];
    for (const st of students) {
      const c = choice.get(st);
      if (!c) continue;
      const takes =
        index === 0 || (index === 1 && c.profile) || (base && !c.profile) || c.electives.includes(index);
      if (!takes) continue;
      const result = (shift: number): [number, number] => {
        const p = score(rng, max, st.theta, shift);
        return [p, base ? markBy([7, 12, 17], p) : testScore(p, max)];
      };
      const [p, r] = result(index === 1 ? -0.3 : 0);
      const cells = (date: Date, attempt: string, pp: number, rr: number): Cell[] => [
        ...personCells(st),
        st.birth,
        subject,
        date,
        attempt,
        pp,
        rr,
      ];
      rows.push(data(cells(day(year, month, dd), 'основной', p, r)));
      const failed = base ? r === 2 : r < min;
      if (failed && index < 3 && rng.chance(0.5)) {
        const [p2, r2] = result(0.4);
        rows.push(data(cells(day(year, 7, 4), 'пересдача', p2, r2)));
      }
    }
    const table: Table = {
      title: [[`Результаты ЕГЭ ${year} года`], [`по состоянию на ${ru(asOf)}`], []],
      columns: [
        ...PERSON_COLUMNS(year),
        col('Дата рождения', 'student.birth_date', { numFmt: 'dd.mm.yyyy' }),
        col('Предмет', 'subject', { width: 30 }),
        col('Дата экзамена', 'exam_date', { numFmt: 'dd.mm.yyyy' }),
        col('Попытка', 'attempt'),
        col('Первичный балл', 'primary_score'),
        base ? col('Отметка', 'mark') : col('Тестовый балл', 'test_score'),
      ],
      rows,
    };
    return { name: sheet, table };
  });
  return {
    path: `ege/ege_${year}.xlsx`,
    source: 'ege_results',
    format: xlsx,
    sheets,
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

export function* examFiles(region: Region, rng: Rng): Generator<SampleFile> {
  for (const y of YEARS) {
    yield* ogeFiles(region, y, rng.fork(`oge${y}`));
    yield egeFile(region, y, rng.fork(`ege${y}`));
  }
}
