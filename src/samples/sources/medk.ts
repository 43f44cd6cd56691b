/** ИС МЭДК: `medk_documents`, `expert_review` (ФИОКО) and `medk_monitoring` (stages 1 and 2). */
import { col, yesNo } from '../columns.js';
import { addDays, day, iso, ru } from '../dates.js';
import { factorName, type SchoolRisk } from '../risks.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, utf8BomSemicolon, xlsx } from '../sample-file.js';
import { type Cell, data, type Row } from '../table.js';

const CONCEPT = 'Концепция развития';
const PROGRAMME = 'Среднесрочная программа развития';
const ANTIRISK = 'Антирисковая программа';

function documents(list: SchoolRisk[], year: 2025 | 2026, rng: Rng): SampleFile {
  const asOf = year === 2025 ? day(2025, 5, 31) : day(2026, 10, 15);
  const rows: Row[] = [];
  for (const { school: s, activated } of list) {
    const docs: [string, number | null][] = [
      [CONCEPT, null],
      [PROGRAMME, null],
      ...[...activated].sort((a, b) => a - b).map((f): [string, number] => [ANTIRISK, f]),
    ];
    const laggard = rng.chance(year === 2025 ? 0.2 : 0.12);
    for (const [doc, factor] of docs) {
      const uploaded = addDays(day(year, 4, 1), rng.int(0, 28));
      const u = rng.next();
      let status = 'согласовано';
      let at: Date | null = addDays(uploaded, rng.int(2, 20));
      if (laggard && u < 0.5) status = 'на доработке';
      else if (laggard && u < 0.7) {
        status = 'не рассмотрено';
        at = null;
      }
      const fCell: Cell = factor === null ? null : year === 2025 ? factor : factorName(factor);
      rows.push(
        data(
          year === 2025
            ? [s.login, s.name, year, doc, fCell, uploaded, status, at]
            : [s.login, year, doc.toLowerCase(), fCell, iso(uploaded), status, at ? iso(at) : null],
        ),
      );
    }
  }
  if (year === 2025) {
    return {
      path: 'medk/dokumenty_2025.xlsx',
      source: 'medk_documents',
      format: xlsx,
      sheets: [
        {
          name: 'Документы',
          table: {
            title: [[`ИС МЭДК: концептуальные документы школ, 2025 год, по состоянию на ${ru(asOf)}`], []],
            columns: [
              col('Логин ОО', 'school_login', { width: 13 }),
              col('Наименование ОО', 'school_name', { width: 45 }),
              col('Год', 'year'),
              col('Вид документа', 'doc_type', { width: 34 }),
              col('Код фактора', 'factor_code'),
              col('Дата загрузки', 'uploaded_at', { numFmt: 'dd.mm.yyyy' }),
              col('Статус согласования', 'curator_status', { width: 16 }),
              col('Дата согласования', 'curator_status_at', { numFmt: 'dd.mm.yyyy' }),
            ],
            rows,
          },
        },
      ],
      snapshot: asOf,
      snapshotFrom: 'title',
    };
  }
  return {
    path: 'medk/dokumenty_2026.csv',
    source: 'medk_documents',
    format: utf8BomSemicolon,
    sheets: [
      {
        name: '',
        table: {
          title: [],
          columns: [
            col('Логин', 'school_login'),
            col('Год', 'year'),
            col('Тип документа', 'doc_type'),
            col('Рисковое направление', 'factor_code'),
            col('Загружен', 'uploaded_at'),
            col('Статус', 'curator_status'),
            col('Дата изменения статуса', 'curator_status_at'),
          ],
          rows,
        },
      },
    ],
    snapshot: asOf,
    snapshotFrom: 'flag',
  };
}

const CRITERIA = [
  'Соответствие документа рисковому профилю школы',
  'Измеримость целей и показателей',
  'Реалистичность мероприятий и сроков',
  'Согласованность с программой развития',
];

function review(list: SchoolRisk[], year: 2025 | 2026, rng: Rng): SampleFile {
  const rounds = year === 2025 ? ['июнь', 'ноябрь'] : ['июнь'];
  const rows: Row[] = [];
  for (const round of rounds) {
    for (const { school: s, activated } of rng.sample(list, Math.ceil(list.length / 2))) {
      const weak = rng.chance(0.2);
      const firstRisk = [...activated].sort((a, b) => a - b)[0] ?? null;
      const docs: [string, number | null][] = [
        [CONCEPT, null],
        [PROGRAMME, null],
        [ANTIRISK, firstRisk],
      ];
      for (const [doc, factor] of docs) {
        for (const criterion of CRITERIA) {
          const score = weak ? rng.int(0, 1) : rng.int(1, 2);
          rows.push(data([year, round, s.login, doc, factor, criterion, score, 2]));
        }
      }
    }
  }
  if (year === 2025) {
    return {
      path: 'fioko/ekspertiza_dokumentov_2025.xlsx',
      source: 'expert_review',
      format: xlsx,
      sheets: [
        {
          name: 'Экспертиза',
          table: {
            title: [['Результаты экспертизы концептуальных документов школ – участниц проекта «500+»'], []],
            columns: [
              col('Год', 'year'),
              col('Период экспертизы', 'round'),
              col('Логин ОО', 'school_login', { width: 13 }),
              col('Тип документа', 'doc_type', { width: 34 }),
              col('Код фактора', 'factor_code'),
              col('Критерий', 'criterion', { width: 45 }),
              col('Балл', 'score'),
              col('Максимальный балл', 'max_score'),
            ],
            rows,
          },
        },
      ],
      snapshot: day(2025, 12, 10),
      snapshotFrom: 'flag',
    };
  }
  return {
    path: 'fioko/ekspertiza_dokumentov_2026.csv',
    source: 'expert_review',
    format: cp1251Semicolon,
    sheets: [
      {
        name: '',
        table: {
          title: [],
          columns: [
            col('Год', 'year'),
            col('Раунд', 'round'),
            col('Логин', 'school_login'),
            col('Документ', 'doc_type'),
            col('Фактор', 'factor_code'),
            col('Критерий оценки', 'criterion'),
            col('Баллы', 'score'),
            col('Макс балл', 'max_score'),
          ],
          rows,
        },
      },
    ],
    snapshot: day(2026, 7, 10),
    snapshotFrom: 'flag',
  };
}

/** [indicator, unit direction (+1: higher is better), baseline range] per factor. */
const INDICATORS: Record<number, [string, number, number, number]> = {
  1: ['Доля учебных кабинетов, оснащённых современным оборудованием, %', 1, 20, 45],
  2: ['Доля вакантных ставок педагогов, %', -1, 8, 20],
  3: ['Доля педагогов, прошедших курсы по предметной подготовке, %', 1, 15, 40],
  4: ['Доля обучающихся с индивидуальными образовательными маршрутами, %', 1, 5, 20],
  5: ['Количество методических объединений, проводящих взаимопосещения', 1, 0, 2],
  6: ['Доля обучающихся с трудностями в понимании языка обучения, %', -1, 10, 25],
  7: ['Доля обучающихся, удовлетворённых школьной средой, %', 1, 40, 60],
  8: ['Доля обучающихся с академической задолженностью, %', -1, 8, 22],
  9: ['Доля родителей, посещающих родительские собрания, %', 1, 30, 55],
  10: ['Доля обучающихся, занятых во внеурочной деятельности, %', 1, 35, 60],
};

const round1 = (x: number) => Math.round(x * 10) / 10;

function monitoring(list: SchoolRisk[], year: 2025 | 2026, stage: 1 | 2, rng: Rng): SampleFile {
  const asOf = stage === 1 ? day(year, 6, 30) : day(year, 11, 30);
  const rows: Row[] = [];
  for (const { school: s, activated } of list) {
    const lazy = rng.chance(stage === 1 ? 0.15 : 0.06);
    for (const f of [...activated].sort((a, b) => a - b)) {
      const [indicator, dir, lo, hi] = INDICATORS[f] as [string, number, number, number];
      const baseline = round1(lo + rng.next() * (hi - lo));
      const target = round1(baseline + dir * (hi - lo) * 0.3);
      const progress = (s.improver ? 0.6 : 0.25) * (stage === 1 ? 0.5 : 1) + rng.normal(0, 0.15);
      const actual = round1(baseline + dir * (hi - lo) * 0.3 * progress);
      const positive = dir * (actual - baseline) > 0;
      const confirmed = !lazy && rng.chance(stage === 1 ? 0.85 : 0.95);
      const submitted = addDays(day(year, stage === 1 ? 6 : 11, 1), rng.int(0, 20));
      rows.push(
        data([
          s.login,
          year,
          stage,
          f,
          indicator,
          baseline,
          target,
          actual,
          yesNo(positive),
          yesNo(confirmed),
          submitted,
        ]),
      );
    }
  }
  const columns = [
    col('Логин ОО', 'school_login', { width: 13 }),
    col('Год', 'year'),
    col('Этап мониторинга', 'stage'),
    col('Код фактора', 'factor_code'),
    col('Показатель', 'indicator', { width: 50 }),
    col('Базовое значение', 'baseline_value', { numFmt: '0.0' }),
    col('Целевое значение', 'target_value', { numFmt: '0.0' }),
    col('Фактическое значение', 'actual_value', { numFmt: '0.0' }),
    col('Положительная динамика', 'positive_change'),
    col('Подтверждено куратором', 'confirmed_by_curator'),
    col('Дата внесения', 'submitted_at', { numFmt: 'dd.mm.yyyy' }),
  ];
  const title = [
    [`Мониторинг позитивных изменений, ${year} год, этап ${stage}`],
    [`по состоянию на ${ru(asOf)}`],
  ];
  if (year === 2026) {
    return {
      path: `medk/monitoring_${year}_etap${stage}.csv`,
      source: 'medk_monitoring',
      format: cp1251Semicolon,
      sheets: [{ name: '', table: { title, columns, rows } }],
      snapshot: asOf,
      snapshotFrom: 'title',
    };
  }
  return {
    path: `medk/monitoring_${year}_etap${stage}.xlsx`,
    source: 'medk_monitoring',
    format: xlsx,
    sheets: [{ name: `Этап ${stage}`, table: { title: [...title, []], columns, rows } }],
    snapshot: asOf,
    snapshotFrom: 'title',
  };
}

export function medkFiles(byYear: Map<number, SchoolRisk[]>, rng: Rng): SampleFile[] {
  const y25 = byYear.get(2025) ?? [];
  const y26 = byYear.get(2026) ?? [];
  return [
    documents(y25, 2025, rng.fork('doc25')),
    documents(y26, 2026, rng.fork('doc26')),
    review(y25, 2025, rng.fork('rev25')),
    review(y26, 2026, rng.fork('rev26')),
    monitoring(y25, 2025, 1, rng.fork('m251')),
    monitoring(y25, 2025, 2, rng.fork('m252')),
    monitoring(y26, 2026, 1, rng.fork('m261')),
  ];
}
