import { col, DOC_TYPES, factorCode, req, schoolLogin, year } from './columns.js';
import type { Contract } from './types.js';

const docType = col('doc_type', 'enum', 'тип документа', { required: true, values: DOC_TYPES });

export const medkDirections: Contract = {
  source: 'medk_directions',
  title: 'рисковые направления в ИС МЭДК',
  partitionKey: ['year'],
  key: ['year', 'school_login', 'factor_code'],
  fileHints: [/направлен/i, /мэдк/i],
  columns: [
    year(),
    schoolLogin(),
    factorCode(),
    col('activated', 'bool', 'направление активировано', req),
    col('activated_at', 'date', 'дата активации', { aliases: ['Дата активации', 'Дата выбора'] }),
    col('verified_by_curator', 'bool', 'подтверждено куратором', {
      aliases: ['Подтверждено куратором', 'Верифицировано куратором', 'Проверено куратором'],
    }),
  ],
};

export const medkDocuments: Contract = {
  source: 'medk_documents',
  title: 'концептуальные документы в ИС МЭДК',
  partitionKey: ['year'],
  key: ['year', 'school_login', 'doc_type', 'factor_code'],
  fileHints: [/документ/i, /мэдк/i],
  columns: [
    year(),
    schoolLogin(),
    docType,
    factorCode(false),
    col('uploaded_at', 'date', 'дата загрузки', {
      aliases: ['Дата загрузки', 'Загружен', 'Дата размещения'],
    }),
    col('curator_status', 'enum', 'статус согласования куратором', {
      values: {
        согласовано: ['согласовано', 'согласован', 'одобрено', 'принято'],
        'на доработке': ['на доработке', 'доработка', 'отправлено на доработку', 'возвращено'],
        'не рассмотрено': ['не рассмотрено', 'не рассмотрен', 'на рассмотрении', 'ожидает'],
      },
    }),
    col('curator_status_at', 'date', 'дата статуса', {
      aliases: ['Дата согласования', 'Дата статуса', 'Дата рассмотрения', 'Дата изменения статуса'],
    }),
  ],
};

export const expertReview: Contract = {
  source: 'expert_review',
  title: 'экспертиза концептуальных документов',
  partitionKey: ['year'],
  key: ['year', 'round', 'school_login', 'doc_type', 'factor_code', 'criterion'],
  fileHints: [/экспертиз/i],
  columns: [
    year(),
    col('round', 'enum', 'тур экспертизы', {
      required: true,
      meta: true,
      aliases: ['Тур', 'Тур экспертизы', 'Этап экспертизы', 'Период экспертизы', 'Раунд', 'Раунд экспертизы'],
      values: {
        июнь: ['июнь', 'июнь (1 тур)', '1', 'первый', 'весна'],
        ноябрь: ['ноябрь', '2', 'второй', 'осень'],
      },
    }),
    schoolLogin(),
    docType,
    factorCode(false),
    col('criterion', 'text', 'критерий', {
      aliases: ['Критерий', 'Критерий оценки', 'Показатель экспертизы'],
    }),
    col('score', 'number', 'балл', { required: true, min: 0 }),
    col('max_score', 'number', 'максимальный балл', { required: true, min: 0 }),
  ],
};

export const medkMonitoring: Contract = {
  source: 'medk_monitoring',
  title: 'мониторинг позитивных изменений (ИС МЭДК)',
  partitionKey: ['year', 'stage'],
  key: ['year', 'stage', 'school_login', 'factor_code', 'indicator'],
  fileHints: [/мониторинг/i],
  columns: [
    year(),
    col('stage', 'int', 'этап мониторинга', { required: true, meta: true, min: 1, max: 2 }),
    schoolLogin(),
    factorCode(),
    col('indicator', 'text', 'показатель'),
    col('baseline_value', 'number', 'исходное значение', {
      aliases: ['Исходное значение', 'Базовое значение', 'Значение на начало'],
    }),
    col('target_value', 'number', 'целевое значение', { aliases: ['Целевое значение', 'Плановое значение'] }),
    col('actual_value', 'number', 'достигнутое значение', {
      aliases: ['Фактическое значение', 'Достигнутое значение', 'Значение на дату мониторинга'],
    }),
    col('positive_change', 'bool', 'есть позитивное изменение', {
      aliases: ['Позитивное изменение', 'Положительная динамика', 'Есть изменения'],
    }),
    col('confirmed_by_curator', 'bool', 'подтверждено куратором', {
      required: true,
      aliases: ['Подтверждено куратором', 'Подтверждение куратора', 'Подтверждено'],
    }),
    col('submitted_at', 'date', 'дата отправки', {
      aliases: ['Дата отправки', 'Дата заполнения', 'Отправлено', 'Дата внесения'],
    }),
  ],
};
