import { col, req, schoolLogin, year } from './columns.js';
import type { ColumnSpec, Contract } from './types.js';

const subject = col('subject', 'subject', 'предмет', { required: true, meta: true });
const mark = (required: boolean) => col('mark', 'mark', 'отметка', { required, min: 2, max: 5 });
const className = col('class_name', 'text', 'класс (литера)', {
  valuePattern: /^\s*\d{1,2}\s*[-\s«"]?\s*[А-ЯЁа-яёA-Za-z]/,
});
const gradeCol = col('grade', 'int', 'параллель', {
  required: true,
  meta: true,
  min: 1,
  max: 11,
  valuePattern: /^\s*\d{1,2}\s*$/,
});

/** A remark column; «отсутствовал» there marks an absent participant. */
const note = col('note', 'text', 'примечание', {
  aliases: ['Примечание', 'Комментарий', 'Отметка об отсутствии'],
});

const protocolColumns: ColumnSpec[] = [
  year(),
  col('session', 'enum', 'сессия', {
    meta: true,
    aliases: ['Сессия', 'Период проведения'],
    values: { весна: ['весна', 'весенняя'], осень: ['осень', 'осенняя'] },
  }),
  { ...schoolLogin(), meta: true },
  subject,
  gradeCol,
  className,
  col('student_code', 'text', 'код участника', req),
  col('variant', 'text', 'вариант', { aliases: ['Вариант', 'Номер варианта'] }),
  col('total_score', 'number', 'первичный балл', { required: true, min: 0, max: 200 }),
  mark(true),
  col('journal_mark', 'mark', 'отметка по журналу', { min: 2, max: 5 }),
  note,
];

/** A protocol row with no mark and no score (or «отсутствовал») is an absent participant. */
const protocolAbsence: Contract['absence'] = {
  markColumns: ['mark'],
  scoreColumns: ['total_score'],
  noteColumn: 'note',
  identityColumn: 'student_code',
};

export const vprResults: Contract = {
  source: 'vpr_results',
  title: 'протокол ВПР',
  partitionKey: ['year', 'subject', 'grade', 'school_login'],
  fileHints: [/впр/i],
  absence: protocolAbsence,
  taskScores: true,
  columns: protocolColumns,
};

export const regionalAssessment: Contract = {
  source: 'regional_assessment',
  title: 'протокол региональной оценочной процедуры',
  partitionKey: ['year', 'subject', 'grade', 'school_login'],
  fileHints: [/регионал.*(работ|оценк|диагност)/i, /рдр/i],
  absence: protocolAbsence,
  taskScores: true,
  columns: [
    col('assessment_name', 'text', 'оценочная процедура', {
      required: true,
      meta: true,
      aliases: ['Оценочная процедура', 'Наименование процедуры', 'Работа', 'Название работы'],
    }),
    ...protocolColumns,
  ],
};

const rcoiColumns = (scoreColumn: ColumnSpec[]): ColumnSpec[] => [
  year(),
  col('exam_date', 'date', 'дата экзамена', { required: true, meta: true }),
  subject,
  col('rcoi_code', 'rcoi_code', 'код ОО (РЦОИ)', req),
  col('municipality_code', 'text', 'код МСУ'),
  col('class_name', 'text', 'класс', { aliases: ['Класс'] }),
  col('student', 'person', 'участник (псевдоним)', { required: true }),
  col('attempt', 'enum', 'попытка', {
    aliases: ['Попытка', 'Тип экзамена', 'Этап', 'Период', 'Сдача'],
    values: {
      основной: ['основной', 'основной период', 'основной срок', 'основная'],
      резервный: ['резервный', 'резервный день', 'резервный срок', 'резерв'],
      пересдача: ['пересдача', 'повторно', 'повторная сдача', 'дополнительный'],
    },
  }),
  col('primary_score', 'number', 'первичный балл', { required: true, min: 0, max: 200 }),
  ...scoreColumn,
  note,
];

const rcoiPerson = {
  column: 'student',
  headers: [
    'фио',
    'фамилия',
    'имя',
    'отчество',
    'серия документа',
    'номер документа',
    'серия',
    'номер',
    'дата рождения',
  ],
};

export const ogeResults: Contract = {
  source: 'oge_results',
  title: 'результаты ОГЭ (РЦОИ)',
  partitionKey: ['year', 'exam_date', 'subject'],
  fileHints: [/огэ/i, /гиа-?9/i],
  absence: {
    markColumns: ['mark'],
    scoreColumns: ['primary_score'],
    noteColumn: 'note',
    identityColumn: 'student',
  },
  person: rcoiPerson,
  columns: rcoiColumns([mark(true)]),
};

export const egeResults: Contract = {
  source: 'ege_results',
  title: 'результаты ЕГЭ (РЦОИ)',
  partitionKey: ['year', 'exam_date', 'subject'],
  fileHints: [/егэ/i, /гиа-?11/i],
  absence: {
    markColumns: ['mark', 'test_score'],
    scoreColumns: ['primary_score'],
    noteColumn: 'note',
    identityColumn: 'student',
  },
  requireOneOf: ['mark', 'test_score'],
  person: rcoiPerson,
  columns: rcoiColumns([mark(false), col('test_score', 'number', 'тестовый балл', { min: 0, max: 100 })]),
};
