/** ДИРО: `manager_diagnostics`, `teacher_diagnostics` (with ФИО to pseudonymise) and `pd_courses`. */
import { col, totalRow } from '../columns.js';
import { addDays, day } from '../dates.js';
import { fullName, type Person, person } from '../names.js';
import { participants, type Region, type School } from '../region.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, utf8Comma, xlsx } from '../sample-file.js';
import { data, type Row, type Table } from '../table.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const binomial = (rng: Rng, n: number, p: number) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
};

const WAVES: [number, number, Date][] = [
  [2025, 1, day(2025, 3, 25)],
  [2025, 2, day(2025, 11, 12)],
  [2026, 1, day(2026, 3, 24)],
];

// ---- managers ---------------------------------------------------------------------------------

const COMPETENCES = [
  'Стратегическое управление',
  'Управление образовательным процессом',
  'Управление персоналом',
  'Управление ресурсами',
  'Анализ и оценка качества образования',
];

function levelOf(percent: number): string {
  if (percent >= 85) return 'высокий';
  if (percent >= 70) return 'продвинутый';
  if (percent >= 50) return 'базовый';
  if (percent >= 35) return 'удовлетворительный';
  return 'низкий';
}

interface Manager {
  id: string;
  position: 'директор' | 'заместитель';
  school: School;
  theta: number;
}

function managers(region: Region, rng: Rng): Manager[] {
  const all = region.schools.filter((s) => s.cohort !== undefined);
  let n = 0;
  return all.flatMap((school) =>
    (['директор', 'заместитель'] as const).map((position) => ({
      id: `РК-${String(++n).padStart(4, '0')}`,
      position,
      school,
      theta: rng.normal(position === 'директор' ? 0.2 : 0, 0.8),
    })),
  );
}

function managerFile(region: Region, list: Manager[], year: number, wave: number, rng: Rng): SampleFile {
  const inYear = new Set(participants(region, year).map((s) => s.login));
  const rows: Row[] = [];
  for (const m of list.filter((x) => inYear.has(x.school.login))) {
    COMPETENCES.forEach((competence, i) => {
      const p = sigmoid(m.theta + (wave === 2 ? 0.35 : 0) + 0.3 - i * 0.15 + rng.normal(0, 0.3));
      const score = Math.round(p * 20 * 2) / 2;
      const cells = [year, wave, m.id, m.position, m.school.login, competence, score, 20];
      rows.push(data(year === 2025 ? [...cells, levelOf((score / 20) * 100)] : cells));
    });
  }
  const base = [
    col('Год', 'year'),
    col('Волна', 'wave'),
    col('Идентификатор участника', 'person_id', { width: 14 }),
    col('Должность', 'position', { width: 14 }),
    col('Логин ОО', 'school_login', { width: 13 }),
    col('Компетенция', 'competence', { width: 40 }),
    col('Балл', 'score', { numFmt: '0.0' }),
    col('Максимальный балл', 'max_score'),
  ];
  if (year === 2025) {
    const table: Table = {
      title: [[`Диагностика управленческих компетенций руководителей ШНОР, ${year} год, волна ${wave}`], []],
      columns: [...base, col('Уровень сформированности', 'level', { width: 20 })],
      rows,
    };
    return {
      path: `diro/upravlencheskie_kompetencii_${year}_volna${wave}.xlsx`,
      source: 'manager_diagnostics',
      format: xlsx,
      sheets: [{ name: 'Результаты', table }],
      snapshot: addDays(WAVES.find(([y, w]) => y === year && w === wave)?.[2] ?? day(year, 1, 1), 14),
      snapshotFrom: 'flag',
    };
  }
  return {
    path: `diro/upravlencheskie_kompetencii_${year}_volna${wave}.csv`,
    source: 'manager_diagnostics',
    format: cp1251Semicolon,
    sheets: [{ name: '', table: { title: [], columns: base, rows } }],
    snapshot: day(year, 4, 10),
    snapshotFrom: 'flag',
  };
}

// ---- teachers ---------------------------------------------------------------------------------

interface Item {
  no: number;
  block: string;
  topic: string;
  max: number;
  difficulty: number;
}

const BLOCKS: [string, number, [string, number][]][] = [
  [
    'нормативно-правовой',
    0.2,
    [
      ['ФГОС ООО', 2],
      ['Федеральная образовательная программа', 1],
      ['Закон об образовании', 1],
    ],
  ],
  ['предметный', 0.6, []],
  [
    'методический',
    0.8,
    [
      ['Формирующее оценивание', 2],
      ['Планирование урока', 2],
      ['Работа с неуспевающими', 1],
    ],
  ],
  [
    'психолого-педагогический',
    0.4,
    [
      ['Мотивация обучающихся', 2],
      ['Возрастные особенности', 1],
    ],
  ],
];

const SUBJECT_TOPICS: Record<string, [string, number][]> = {
  Математика: [
    ['Алгебраические выражения', 2],
    ['Уравнения и неравенства', 2],
    ['Геометрические задачи', 2],
  ],
  'Русский язык': [
    ['Орфография', 2],
    ['Пунктуация', 2],
    ['Морфология', 2],
  ],
};

function items(subject: string): Item[] {
  const out: Item[] = [];
  for (const [block, difficulty, topics] of BLOCKS) {
    for (const [topic, count] of block === 'предметный' ? (SUBJECT_TOPICS[subject] ?? []) : topics) {
      for (let k = 0; k < count; k++) {
        out.push({ no: out.length + 1, block, topic, max: out.length % 3 === 0 ? 2 : 1, difficulty });
      }
    }
  }
  return out;
}

export interface Teacher {
  id: string;
  person: Person;
  school: School;
  subject: string;
  theta: number;
}

export function teachers(region: Region, rng: Rng): Teacher[] {
  let n = 0;
  return region.schools
    .filter((s) => s.cohort !== undefined)
    .flatMap((school) =>
      Object.keys(SUBJECT_TOPICS).flatMap((subject) =>
        Array.from({ length: school.students > 250 ? 3 : 2 }, () => ({
          id: `П${String(++n).padStart(5, '0')}`,
          person: person(rng),
          school,
          subject,
          theta: rng.normal(-0.1, 0.9),
        })),
      ),
    );
}

function teacherFile(region: Region, list: Teacher[], year: number, wave: number, rng: Rng): SampleFile {
  const inYear = new Set(participants(region, year).map((s) => s.login));
  const withYear = !(year === 2025 && wave === 1);
  const sheets = Object.keys(SUBJECT_TOPICS).map((subject) => {
    const rows: Row[] = [];
    for (const t of list.filter((x) => x.subject === subject && inYear.has(x.school.login))) {
      for (const item of items(subject)) {
        const p = sigmoid(t.theta + 0.6 + (wave === 2 ? 0.4 : 0) - item.difficulty);
        const cells = [
          t.id,
          fullName(t.person),
          t.school.login,
          subject,
          item.block,
          item.no,
          item.topic,
          binomial(rng, item.max, p),
          item.max,
        ];
        rows.push(data(withYear ? [year, wave, ...cells] : cells));
      }
    }
    const columns = [
      ...(withYear ? [col('Год', 'year'), col('Волна', 'wave')] : []),
      col('Код педагога', 'teacher_id'),
      col('ФИО педагога', 'teacher_name', { width: 34 }),
      col('Логин ОО', 'school_login', { width: 13 }),
      col('Предмет', 'subject', { width: 14 }),
      col('Блок', 'block', { width: 24 }),
      col('№ задания', 'item_no'),
      col('Тема', 'topic', { width: 34 }),
      col('Балл', 'score'),
      col('Макс балл', 'max_score'),
    ];
    const table: Table = {
      title: [[`Диагностика профессиональных дефицитов педагогов, ${year} год, волна ${wave}`], []],
      columns,
      rows,
      ...(withYear
        ? {}
        : {
            context: {
              year: { value: String(year), from: 'title' },
              wave: { value: String(wave), from: 'title' },
            },
          }),
    };
    return { name: subject, table };
  });
  const date = WAVES.find(([y, w]) => y === year && w === wave)?.[2] ?? day(year, 1, 1);
  return {
    path: `diro/deficity_pedagogov_${year}_volna${wave}.xlsx`,
    source: 'teacher_diagnostics',
    format: xlsx,
    sheets,
    snapshot: addDays(date, 10),
    snapshotFrom: 'flag',
  };
}

// ---- courses ----------------------------------------------------------------------------------

const COURSES: Record<string, string> = {
  'нормативно-правовой': 'Реализация требований обновлённых ФГОС ООО в работе учителя',
  предметный: 'Совершенствование предметных компетенций учителя',
  методический: 'Формирующее оценивание и работа с неуспевающими обучающимися',
  'психолого-педагогический': 'Психолого-педагогические основы повышения учебной мотивации',
};

function courseFile(region: Region, list: Teacher[], year: 2025 | 2026, rng: Rng): SampleFile {
  const inYear = new Set(participants(region, year).map((s) => s.login));
  const rows: Row[] = [];
  let hours = 0;
  for (const t of list.filter((x) => inYear.has(x.school.login) && x.theta < 0.2)) {
    const blocks = rng.sample(Object.keys(COURSES), t.theta < -0.8 ? 2 : 1);
    for (const block of blocks) {
      const h = rng.pick([16, 24, 36, 72]);
      const done = addDays(day(year, 4, 15), rng.int(0, year === 2025 ? 180 : 150));
      hours += h;
      rows.push(data([year, t.id, t.school.login, COURSES[block] ?? block, h, block, done]));
    }
  }
  const columns =
    year === 2025
      ? [
          col('Год', 'year'),
          col('Код педагога', 'teacher_id'),
          col('Логин ОО', 'school_login'),
          col('Программа повышения квалификации', 'course'),
          col('Объём, ч', 'hours'),
          col('Блок', 'block'),
          col('Дата окончания', 'completed_at'),
        ]
      : [
          col('Год', 'year'),
          col('Код педагога', 'teacher_id'),
          col('Логин', 'school_login'),
          col('Курс', 'course'),
          col('Количество часов', 'hours'),
          col('Блок дефицита', 'block'),
          col('Дата завершения', 'completed_at'),
        ];
  if (year === 2026) rows.push(totalRow(['Всего', '', '', '', hours, '', ''])); // planted: a «Всего» row
  return {
    path: `diro/kursy_pk_${year}.csv`,
    source: 'pd_courses',
    format: utf8Comma,
    sheets: [{ name: '', table: { title: [], columns, rows } }],
    snapshot: year === 2025 ? day(2025, 12, 25) : day(2026, 10, 20),
    snapshotFrom: 'flag',
  };
}

export function diagnosticFiles(region: Region, rng: Rng): SampleFile[] {
  const mgr = managers(region, rng.fork('managers'));
  const tch = teachers(region, rng.fork('teachers'));
  return [
    ...WAVES.map(([y, w]) => managerFile(region, mgr, y, w, rng.fork(`m${y}${w}`))),
    ...WAVES.map(([y, w]) => teacherFile(region, tch, y, w, rng.fork(`t${y}${w}`))),
    courseFile(region, tch, 2025, rng.fork('c25')),
    courseFile(region, tch, 2026, rng.fork('c26')),
  ];
}
