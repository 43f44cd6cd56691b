import { col, req, schoolLogin, year } from './columns.js';
import type { Contract } from './types.js';

export const curatorVisits: Contract = {
  source: 'curator_visits',
  title: 'посещения школ кураторами',
  partitionKey: ['year'],
  key: ['school_login', 'visit_date', 'curator_name'],
  yearFromDate: 'visit_date',
  fileHints: [/посещен/i, /визит/i],
  columns: [
    schoolLogin(),
    col('curator_name', 'text', 'куратор'),
    col('visit_date', 'date', 'дата посещения', {
      required: true,
      aliases: ['Дата посещения', 'Дата визита', 'Дата выезда'],
    }),
    col('visit_kind', 'enum', 'вид посещения', {
      aliases: ['Вид посещения', 'Тип посещения', 'Посещение'],
      values: { первичное: ['первичное', 'первое'], плановое: ['плановое', 'повторное', 'текущее'] },
    }),
  ],
  example: {
    school_login: 'sch050001',
    curator_name: 'Магомедова Патимат Ахмедовна',
    visit_date: '25.03.2026',
    visit_kind: 'первичное',
  },
};

export const events: Contract = {
  source: 'events',
  title: 'семинары и вебинары',
  partitionKey: ['year'],
  key: ['event_id', 'school_login'],
  yearFromDate: 'event_date',
  fileHints: [/семинар/i, /вебинар/i, /мероприят/i],
  columns: [
    col('event_id', 'text', 'код мероприятия', {
      required: true,
      aliases: ['Код мероприятия', 'Номер мероприятия', 'ID мероприятия'],
    }),
    col('event_name', 'text', 'название мероприятия', {
      required: true,
      aliases: ['Название мероприятия', 'Наименование мероприятия', 'Тема'],
    }),
    col('event_kind', 'text', 'вид мероприятия', {
      aliases: ['Вид мероприятия', 'Тип мероприятия', 'Форма мероприятия', 'Формат'],
    }),
    col('event_date', 'date', 'дата мероприятия', {
      required: true,
      aliases: ['Дата мероприятия', 'Дата проведения'],
    }),
    schoolLogin(),
    col('attendance', 'enum', 'участие', {
      required: true,
      aliases: ['Участие', 'Форма участия', 'Присутствие', 'Посещение'],
      values: {
        очно: ['очно', 'очное', 'присутствовал', 'да'],
        дистанционно: ['дистанционно', 'онлайн', 'дистанционное', 'заочно'],
        нет: ['нет', 'не участвовал', 'отсутствовал', 'не присутствовал'],
      },
    }),
  ],
  example: {
    event_id: 'С-2026-01',
    event_name: 'Установочный семинар для школ — участниц проекта «500+»',
    event_kind: 'установочный семинар',
    event_date: '18.02.2026',
    school_login: 'sch050001',
    attendance: 'очно',
  },
};

export const pdCourses: Contract = {
  source: 'pd_courses',
  title: 'повышение квалификации педагогов',
  partitionKey: ['year'],
  key: ['year', 'teacher_id', 'course'],
  fileHints: [/курс/i, /квалификац/i],
  person: {
    column: 'teacher_id',
    headers: ['фио', 'фио педагога', 'фио слушателя', 'фамилия', 'имя', 'отчество'],
  },
  columns: [
    year(),
    col('teacher_id', 'text', 'код педагога', {
      required: true,
      aliases: [
        'Код педагога',
        'Код участника',
        'Код слушателя',
        'ID педагога',
        'person_id',
        'Код работника',
      ],
    }),
    schoolLogin(),
    col('course', 'text', 'курс', {
      required: true,
      aliases: [
        'Курс',
        'Название курса',
        'Программа ПК',
        'Наименование программы',
        'Программа повышения квалификации',
        'Дополнительная профессиональная программа',
      ],
    }),
    col('hours', 'number', 'часов', {
      required: true,
      min: 0,
      max: 2000,
      aliases: ['Часов', 'Объем, ч', 'Объём часов', 'Количество часов'],
    }),
    col('block', 'text', 'блок', { aliases: ['Блок', 'Направление курса', 'Блок дефицита'] }),
    col('completed_at', 'date', 'дата окончания', {
      aliases: ['Дата окончания', 'Дата завершения', 'Окончание'],
    }),
  ],
  example: {
    year: '2026',
    teacher_id: 'T-000123',
    school_login: 'sch050001',
    course: 'Формирование функциональной грамотности',
    hours: '36',
    block: 'методический',
    completed_at: '30.04.2026',
  },
};

const ROADMAP_STATUS = {
  выполнено: ['выполнено', 'исполнено', 'выполнен', 'да'],
  'в работе': ['в работе', 'в процессе', 'выполняется', 'частично'],
  'не выполнено': ['не выполнено', 'не исполнено', 'нет'],
};

const roadmapCode = col('roadmap_code', 'text', 'дорожная карта', {
  required: true,
  meta: true,
  aliases: ['Дорожная карта', 'Код дорожной карты', 'Программа'],
});

export const roadmap: Contract = {
  source: 'roadmap',
  title: 'региональная дорожная карта',
  partitionKey: ['roadmap_code', 'year'],
  key: ['roadmap_code', 'year', 'item_no'],
  continuationKey: 'item_no',
  fileHints: [/дорожн/i, /roadmap/i],
  columns: [
    roadmapCode,
    year(),
    col('item_no', 'text', 'номер пункта', req),
    col('task', 'text', 'задача', req),
    col('period', 'period', 'срок', req),
    col('executor', 'text', 'исполнитель'),
    col('indicator', 'text', 'показатель реализации'),
  ],
};

export const roadmapStatus: Contract = {
  source: 'roadmap_status',
  title: 'исполнение дорожной карты',
  partitionKey: ['roadmap_code', 'year'],
  key: ['roadmap_code', 'year', 'item_no'],
  fileHints: [/исполнен/i, /статус/i],
  columns: [
    roadmapCode,
    year(),
    col('item_no', 'text', 'номер пункта', req),
    col('status', 'enum', 'статус исполнения', {
      required: true,
      aliases: ['Статус', 'Статус исполнения', 'Отметка о выполнении', 'Исполнение'],
      values: ROADMAP_STATUS,
    }),
    col('done_at', 'date', 'дата исполнения', {
      aliases: ['Дата исполнения', 'Дата выполнения', 'Выполнено'],
    }),
    col('evidence', 'text', 'подтверждение', {
      aliases: ['Подтверждение', 'Подтверждающий документ', 'Ссылка', 'Документ-основание'],
    }),
  ],
  example: {
    roadmap_code: '500+',
    year: '2026',
    item_no: '1.',
    status: 'выполнено',
    done_at: '20.01.2026',
    evidence: 'Приказ МОН РД от 20.01.2026 № 05-02-1/26',
  },
};
