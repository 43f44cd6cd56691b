import { col, req, schoolLogin, year } from './columns.js';
import type { Contract } from './types.js';

export const schools: Contract = {
  source: 'schools',
  title: 'реестр ОО',
  partitionKey: [],
  key: ['school_login'],
  fileHints: [/реестр/i, /schools/i],
  columns: [
    schoolLogin(),
    col('school_name', 'text', 'наименование ОО', req),
    col('municipality', 'text', 'муниципалитет', req),
    col('municipality_code', 'text', 'код муниципалитета'),
    col('region_code', 'text', 'код региона'),
    col('rcoi_code', 'text', 'код ОО в РЦОИ'),
    col('settlement_type', 'enum', 'тип поселения', {
      aliases: ['Тип населенного пункта', 'Тип поселения', 'Местность'],
      values: {
        город: ['город', 'городская', 'г'],
        село: ['село', 'сельская', 'с', 'сельская местность'],
        посёлок: ['поселок', 'пгт', 'посёлок городского типа', 'поселок городского типа', 'п'],
      },
    }),
    col('students_total', 'int', 'число обучающихся', {
      min: 0,
      aliases: ['Количество обучающихся', 'Численность обучающихся', 'Всего обучающихся', 'Контингент'],
    }),
    col('is_small_school', 'bool', 'малокомплектная', {
      aliases: ['Малокомплектная', 'Малокомплектная школа'],
    }),
  ],
  example: {
    school_login: 'sch050001',
    school_name: 'МКОУ «СОШ № 1»',
    municipality: 'Ахтынский район',
    municipality_code: '03',
    rcoi_code: '030001',
    settlement_type: 'село',
    students_total: '412',
    is_small_school: 'нет',
  },
};

export const participants: Contract = {
  source: 'participants',
  title: 'список школ — участниц «500+»',
  partitionKey: ['year'],
  key: ['year', 'school_login'],
  fileHints: [/500\s*\+|500 плюс/i, /участни/i],
  columns: [
    year(),
    schoolLogin(),
    col('cohort', 'year', 'год вхождения в проект (когорта)', {
      defaultFrom: 'year',
      aliases: [
        'Когорта',
        'Год вхождения',
        'Год вхождения в проект',
        'Год включения в проект',
        'Год начала участия',
      ],
    }),
    col('curator_name', 'text', 'куратор'),
    col('curator_assigned_at', 'date', 'дата назначения куратора', {
      aliases: ['Дата назначения куратора', 'Куратор назначен'],
    }),
    col('municipal_coordinator', 'text', 'муниципальный координатор', {
      aliases: ['Муниципальный координатор', 'ФИО муниципального координатора'],
    }),
    col('included_at', 'date', 'дата включения в проект', {
      aliases: ['Дата включения', 'Дата включения в проект', 'Включена'],
    }),
  ],
  example: {
    year: '2026',
    school_login: 'sch050001',
    cohort: '2026',
    curator_name: 'Магомедова Патимат Ахмедовна',
    curator_assigned_at: '15.03.2026',
    municipal_coordinator: 'Алиев Руслан Магомедович',
    included_at: '20.01.2026',
  },
};

export const shnorList: Contract = {
  source: 'shnor_list',
  title: 'перечень ШНОР ФИОКО',
  partitionKey: ['year'],
  key: ['year', 'school_login'],
  fileHints: [/шнор/i, /перечень/i],
  columns: [year(), schoolLogin()],
};

export const regionalProgramme: Contract = {
  source: 'regional_programme',
  title: 'региональная программа поддержки ШНОР и ШНСУ',
  partitionKey: ['year'],
  key: ['year', 'school_login', 'category'],
  fileHints: [/программ/i, /шнсу/i],
  columns: [
    year(),
    schoolLogin(),
    col('category', 'enum', 'категория', {
      required: true,
      aliases: ['Категория', 'Категория ОО', 'Тип школы'],
      values: { ШНОР: ['шнор'], ШНСУ: ['шнсу'] },
    }),
  ],
};

export const objectivityList: Contract = {
  source: 'objectivity_list',
  title: 'перечень ОО с признаками необъективности',
  partitionKey: ['year'],
  key: ['year', 'school_login', 'subject', 'grade', 'marker'],
  fileHints: [/необъектив/i, /объектив/i],
  columns: [
    year(),
    schoolLogin(),
    col('subject', 'subject', 'предмет'),
    col('grade', 'int', 'класс', { min: 1, max: 11 }),
    col('marker', 'text', 'признак', {
      aliases: ['Признак', 'Признак необъективности', 'Маркер', 'Признаки необъективности'],
    }),
  ],
};
