import { col, req, schoolLogin, year } from './columns.js';
import type { Contract } from './types.js';

const wave = col('wave', 'text', 'волна диагностики', {
  required: true,
  meta: true,
  aliases: ['Волна', 'Этап диагностики', 'Период диагностики', 'Срез', 'Этап'],
});

const score = col('score', 'number', 'балл', { required: true, min: 0 });
const maxScore = col('max_score', 'number', 'максимальный балл', { required: true, min: 0 });

export const managerDiagnostics: Contract = {
  source: 'manager_diagnostics',
  title: 'диагностика управленческих компетенций',
  partitionKey: ['year', 'wave'],
  key: ['year', 'wave', 'person_id', 'competence'],
  fileHints: [/управленч/i, /руководител/i],
  person: { column: 'person_id', headers: ['фио', 'фио руководителя', 'фамилия', 'имя', 'отчество'] },
  columns: [
    year(),
    wave,
    col('person_id', 'text', 'код участника', {
      required: true,
      aliases: ['Код участника', 'Код руководителя', 'ID участника', 'Участник', 'Идентификатор участника'],
    }),
    col('position', 'enum', 'должность', {
      aliases: ['Должность'],
      values: {
        директор: ['директор', 'руководитель'],
        заместитель: ['заместитель', 'заместитель директора', 'зам. директора', 'зам директора', 'завуч'],
      },
    }),
    schoolLogin(),
    col('competence', 'text', 'компетенция', req),
    score,
    maxScore,
    col('level', 'text', 'уровень по инструменту', { aliases: ['Уровень сформированности', 'Уровень'] }),
  ],
};

export const teacherDiagnostics: Contract = {
  source: 'teacher_diagnostics',
  title: 'диагностика профессиональных дефицитов педагогов',
  partitionKey: ['year', 'wave', 'subject'],
  key: ['year', 'wave', 'teacher_id', 'subject', 'item_no'],
  fileHints: [/дефицит/i, /педагог/i, /диро/i],
  person: {
    column: 'teacher_id',
    headers: ['фио', 'фио педагога', 'фио учителя', 'фамилия', 'имя', 'отчество'],
  },
  columns: [
    year(),
    wave,
    col('teacher_id', 'text', 'код педагога', {
      required: true,
      aliases: ['Код педагога', 'Код участника', 'Код учителя', 'ID педагога', 'Логин участника'],
    }),
    schoolLogin(),
    col('subject', 'subject', 'предмет', { required: true, meta: true }),
    col('block', 'enum', 'блок', {
      required: true,
      aliases: ['Блок', 'Блок заданий', 'Раздел'],
      values: {
        'нормативно-правовой': ['нормативно-правовой', 'нормативно правовой', 'нормативный', 'правовой'],
        предметный: ['предметный'],
        методический: ['методический'],
        'психолого-педагогический': [
          'психолого-педагогический',
          'психолого педагогический',
          'психологический',
        ],
      },
    }),
    col('item_no', 'text', 'номер задания', req),
    col('topic', 'text', 'тема', { aliases: ['Тема', 'Проверяемое умение', 'Тема задания'] }),
    score,
    maxScore,
  ],
};
