/** `survey_status`, `surveys` (answers of the region's own questionnaire) and `survey_questions`. */
import { col, spell, totalRow } from '../columns.js';
import { day, ru } from '../dates.js';
import { participants, type Region, type School } from '../region.js';
import type { SchoolRisk } from '../risks.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, utf8Comma, xlsx } from '../sample-file.js';
import { data, type Row, type Table } from '../table.js';

export const GROUPS = ['директор', 'учителя', 'ученики', 'родители'] as const;
type Group = (typeof GROUPS)[number];

const PREFIX: Record<Group, string> = { директор: 'Д', учителя: 'У', ученики: 'О', родители: 'Р' };
const FILE: Record<Group, string> = {
  директор: 'direktor',
  учителя: 'uchitelya',
  ученики: 'ucheniki',
  родители: 'roditeli',
};

/** [factor, text] per group; codes are the group letter and the number. */
const QUESTIONS: Record<Group, [number, string][]> = {
  директор: [
    [1, 'Школа обеспечена современным учебным оборудованием'],
    [2, 'В школе нет вакансий педагогических работников'],
    [3, 'Педагоги владеют современными методиками преподавания'],
    [4, 'Учебный процесс учитывает индивидуальные особенности обучающихся'],
    [5, 'В школе действует система внутреннего повышения квалификации'],
    [7, 'В школе благоприятный психологический климат'],
    [8, 'Школа своевременно выявляет обучающихся с трудностями в обучении'],
    [9, 'Родители участвуют в жизни школы'],
  ],
  учителя: [
    [1, 'Мой кабинет оснащён всем необходимым для уроков'],
    [3, 'Я уверенно применяю формирующее оценивание'],
    [5, 'Я регулярно посещаю уроки коллег и обсуждаю их'],
    [6, 'Обучающиеся хорошо понимают язык обучения'],
    [8, 'Я знаю, как помочь отстающим обучающимся'],
    [10, 'Большинство обучающихся хотят учиться'],
  ],
  ученики: [
    [1, 'На уроках мы используем компьютеры и оборудование'],
    [7, 'Я чувствую себя в школе в безопасности'],
    [8, 'Мне понятно, что объясняют на уроках'],
    [10, 'Мне интересно учиться'],
    [10, 'Я выполняю домашние задания самостоятельно'],
  ],
  родители: [
    [7, 'Мой ребёнок с удовольствием ходит в школу'],
    [9, 'Я знаю, как мой ребёнок учится'],
    [9, 'Школа приглашает родителей к участию в мероприятиях'],
    [10, 'Ребёнок рассказывает дома об уроках'],
  ],
};

const code = (g: Group, i: number) => `${PREFIX[g]}${String(i + 1).padStart(2, '0')}`;

function questionsFile(): SampleFile {
  const rows: Row[] = GROUPS.flatMap((g) =>
    QUESTIONS[g].map(([factor, text], i) => data([code(g, i), g, factor, text, '1–5'])),
  );
  return {
    path: 'surveys/voprosy_regionalnoy_ankety.xlsx',
    source: 'survey_questions',
    format: xlsx,
    sheets: [
      {
        name: 'Вопросы',
        table: {
          title: [],
          columns: [
            col('Код вопроса', 'question_code'),
            col('Группа респондентов', null, { width: 20 }),
            col('Код фактора', 'factor_code'),
            col('Текст вопроса', 'text', { width: 60 }),
            col('Шкала', 'scale'),
          ],
          rows,
        },
      },
    ],
    snapshot: day(2025, 2, 1),
    snapshotFrom: 'flag',
  };
}

const expectedOf = (s: School, g: Group): number =>
  g === 'директор'
    ? 1
    : g === 'учителя'
      ? Math.max(5, Math.round(s.students / 12))
      : g === 'ученики'
        ? Math.round(s.students * 0.55)
        : Math.round(s.students * 0.45);

function statusFile(region: Region, year: 2025 | 2026, rng: Rng): SampleFile {
  const asOf = year === 2025 ? day(2025, 2, 20) : day(2026, 2, 25);
  const schools = participants(region, year);
  const short = new Set(rng.sample(schools, 4).map((s) => s.login));
  const rows: Row[] = [];
  let sumExpected = 0;
  let sumCompleted = 0;
  schools.forEach((s, i) => {
    GROUPS.forEach((g) => {
      const expected = expectedOf(s, g);
      const completed =
        short.has(s.login) && g === 'родители'
          ? Math.round(expected * 0.4)
          : expected + (g === 'директор' ? 0 : rng.int(0, 3));
      sumExpected += expected;
      sumCompleted += completed;
      const login = year === 2025 && i === 5 ? spell(s.login, 'upper') : s.login;
      rows.push(
        data(year === 2025 ? [login, s.name, g, expected, completed] : [year, login, g, expected, completed]),
      );
    });
  });
  if (year === 2025) {
    rows.push(totalRow(['Итого', '', '', sumExpected, sumCompleted])); // planted: an «Итого» row
    const table: Table = {
      title: [['Анкетирование ФИС ОКО 2025: заполнение анкет'], [`по состоянию на ${ru(asOf)}`]],
      columns: [
        col('Логин ОО', 'school_login'),
        col('Наименование ОО', 'school_name'),
        col('Группа респондентов', 'respondent_group'),
        col('Ожидалось анкет', 'expected'),
        col('Заполнено анкет', 'completed'),
      ],
      rows,
      context: { year: { value: '2025', from: 'title' } },
    };
    return {
      path: 'surveys/zapolnenie_anket_2025.csv',
      source: 'survey_status',
      format: cp1251Semicolon,
      sheets: [{ name: '', table }],
      snapshot: asOf,
      snapshotFrom: 'title',
    };
  }
  const table: Table = {
    title: [['Мониторинг заполнения анкет ФИС ОКО'], [`по состоянию на ${ru(asOf)}`], []],
    columns: [
      col('Год', 'year'),
      col('Логин', 'school_login', { width: 13 }),
      col('Категория респондентов', 'respondent_group', { width: 16 }),
      col('Ожидаемое количество анкет', 'expected'),
      col('Количество заполненных анкет', 'completed'),
    ],
    rows,
  };
  return {
    path: 'surveys/zapolnenie_anket_2026.xlsx',
    source: 'survey_status',
    format: xlsx,
    sheets: [{ name: 'Анкетирование', table }],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

function answersFile(region: Region, year: 2025 | 2026, g: Group, risk: SchoolRisk[], rng: Rng): SampleFile {
  const levels = new Map(risk.map((r) => [r.school.login, r.level]));
  const schools = region.config.allSchools
    ? region.schools.filter((s) => (year === 2025 ? !s.opened : !s.closed))
    : participants(region, year);
  const n = region.config.respondents;
  const rows: Row[] = [];
  for (const s of schools) {
    const count =
      g === 'директор'
        ? 1
        : g === 'учителя'
          ? Math.min(n.учителя, expectedOf(s, g))
          : Math.min(n[g], expectedOf(s, g));
    const level = levels.get(s.login);
    for (let r = 1; r <= count; r++) {
      const respondent = `${String(year).slice(2)}-${s.login.slice(3)}-${PREFIX[g]}${String(r).padStart(3, '0')}`;
      QUESTIONS[g].forEach(([factor], i) => {
        const mean = level ? 4.3 - 0.55 * (level[factor] ?? 1) : 3.8;
        const answer = Math.min(5, Math.max(1, Math.round(rng.normal(mean, 0.9))));
        rows.push(data([year, s.login, g, respondent, code(g, i), answer]));
      });
    }
  }
  const columns =
    year === 2025
      ? [
          col('Год', 'year'),
          col('Логин ОО', 'school_login'),
          col('Группа респондентов', 'respondent_group'),
          col('Код респондента', 'respondent_id'),
          col('Код вопроса', 'question_code'),
          col('Ответ', 'answer'),
        ]
      : [
          col('Год', 'year'),
          col('Логин', 'school_login'),
          col('Группа респондентов', 'respondent_group'),
          col('ID анкеты', 'respondent_id'),
          col('Вопрос', 'question_code'),
          col('Значение ответа', 'answer'),
        ];
  return {
    path: `surveys/otvety_${year}_${FILE[g]}.csv`,
    source: 'surveys',
    format: utf8Comma,
    sheets: [{ name: '', table: { title: [], columns, rows } }],
    snapshot: year === 2025 ? day(2025, 3, 1) : day(2026, 3, 2),
    snapshotFrom: 'flag',
  };
}

export function* surveyFiles(
  region: Region,
  byYear: Map<number, SchoolRisk[]>,
  rng: Rng,
): Generator<SampleFile> {
  yield questionsFile();
  yield statusFile(region, 2025, rng.fork('s25'));
  yield statusFile(region, 2026, rng.fork('s26'));
  for (const year of [2025, 2026] as const) {
    for (const g of GROUPS)
      yield answersFile(region, year, g, byYear.get(year) ?? [], rng.fork(`a${year}${g}`));
  }
}
