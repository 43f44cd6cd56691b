import { col, factorCode, RESPONDENT_GROUPS, req, schoolLogin, year } from './columns.js';
import type { Contract } from './types.js';

export const riskProfiles: Contract = {
  source: 'risk_profiles',
  title: 'рисковые профили школ (РПШ)',
  partitionKey: ['year'],
  key: ['year', 'school_login', 'factor_code'],
  fileHints: [/рпш/i, /рисков.*профил/i],
  columns: [year(), schoolLogin(), factorCode(), col('risk_level', 'risk_level', 'уровень риска', req)],
  wide: { keyColumn: 'factor_code', valueColumn: 'risk_level', minColumns: 5 },
};

const respondentGroup = col('respondent_group', 'enum', 'группа респондентов', {
  required: true,
  meta: true,
  aliases: ['Группа респондентов', 'Респонденты', 'Категория респондентов', 'Анкета', 'Группа'],
  values: RESPONDENT_GROUPS,
});

export const surveyStatus: Contract = {
  source: 'survey_status',
  title: 'ход анкетирования',
  partitionKey: ['year'],
  key: ['year', 'school_login', 'respondent_group'],
  fileHints: [/анкетирован/i],
  columns: [
    year(),
    schoolLogin(),
    respondentGroup,
    col('expected', 'int', 'ожидалось анкет', {
      min: 0,
      aliases: [
        'Ожидалось',
        'Ожидалось анкет',
        'Должно заполнить',
        'Количество респондентов',
        'План',
        'Ожидаемое количество анкет',
      ],
    }),
    col('completed', 'int', 'заполнено анкет', {
      required: true,
      min: 0,
      aliases: ['Заполнено', 'Заполнено анкет', 'Заполнили', 'Количество заполненных анкет', 'Факт'],
    }),
  ],
};

export const surveys: Contract = {
  source: 'surveys',
  title: 'ответы на анкеты региона',
  partitionKey: ['year', 'respondent_group'],
  fileHints: [/ответ/i, /анкет/i],
  columns: [
    year(),
    schoolLogin(),
    respondentGroup,
    col('respondent_id', 'text', 'код респондента', {
      required: true,
      aliases: ['Код респондента', 'Респондент', 'ID респондента', 'Номер анкеты', 'ID анкеты', 'Код анкеты'],
    }),
    col('question_code', 'text', 'код вопроса', {
      required: true,
      aliases: ['Код вопроса', 'Вопрос', 'Номер вопроса'],
    }),
    col('answer', 'text', 'ответ', {
      required: true,
      aliases: ['Ответ', 'Значение', 'Вариант ответа', 'Значение ответа'],
    }),
  ],
};

export const surveyQuestions: Contract = {
  source: 'survey_questions',
  title: 'словарь вопросов анкет',
  partitionKey: [],
  key: ['question_code'],
  fileHints: [/вопрос/i, /словар/i],
  columns: [
    col('question_code', 'text', 'код вопроса', {
      required: true,
      aliases: ['Код вопроса', 'Номер вопроса'],
    }),
    factorCode(false),
    col('text', 'text', 'текст вопроса', {
      required: true,
      aliases: ['Текст вопроса', 'Формулировка', 'Вопрос'],
    }),
    col('scale', 'text', 'шкала', { aliases: ['Шкала', 'Шкала ответа', 'Варианты ответа'] }),
  ],
};
