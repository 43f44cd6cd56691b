/**
 * `vpr_results`: ФИС ОКО protocols. One file per school × subject × grade for participants,
 * one combined file per subject × grade for the other assessed schools (with a login column).
 */
import { col, rejectRow } from '../columns.js';
import { day } from '../dates.js';
import { fullName, person } from '../names.js';
import { assessed, effectOf, meanAbility, type Region, type School, YEARS } from '../region.js';
import { className, gradeSize, raiseTo, taskScores } from '../results.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile, utf8BomSemicolon } from '../sample-file.js';
import { type Cell, type Column, data, type Row, type Table } from '../table.js';
import { markOf, SUBJECT_SLUG, VPR_EXTRA, VPR_SCALES, type WorkScale } from '../vpr-scale.js';
import { VprStats } from '../vpr-stats.js';

interface Work {
  code: string;
  name: string;
  className: string;
  variant: number | null;
  scores: number[] | null;
  total: number | null;
  mark: number | null;
  journal: number;
}

/** Header wording by year (DOMAIN §3.7 aliases). */
function headerWords(year: number) {
  if (year === 2024)
    return ['Код участника', 'Первичный балл', 'Отметка', 'Отметка за предыдущую четверть'] as const;
  if (year === 2025) return ['Код ученика', 'Сумма баллов', 'Оценка', 'Отметка по журналу'] as const;
  return [
    'Номер обучающегося',
    'Всего баллов',
    'Отметка по 5-балльной шкале',
    'Отметка за предыдущую четверть/триместр',
  ] as const;
}

function columnsFor(w: WorkScale, year: number, withLogin: boolean): Column[] {
  const [code, total, mark, journal] = headerWords(year);
  return [
    ...(withLogin ? [col('Логин ОО', 'school_login')] : []),
    col(code, 'student_code'),
    col('ФИО обучающегося', 'student_name'),
    col('Класс', 'class_name'),
    col('Вариант', 'variant'),
    ...w.tasks.map(([label]) => col(label, `task_score[${label}]`)),
    col(total, 'total_score'),
    col(mark, 'mark'),
    col(journal, 'journal_mark'),
    col('Примечание', 'absence_note'),
  ];
}

function works(s: School, w: WorkScale, year: number, rng: Rng, stats: VprStats, divisor: number): Work[] {
  const n = gradeSize(s, rng, divisor);
  const bunch = s.marker === 'bunching' && year === 2025 && w.subject === 'Математика';
  // The bunching school's math «improvement» in 2025 is only the marks pushed over the boundary.
  const real = meanAbility(s, year) - (bunch ? effectOf(s, year) : 0);
  const mu = real + (w.subject === 'Русский язык' ? -0.1 : 0) + (w.grade - 6) * -0.05;
  const maxima = w.tasks.map(([, m]) => m);
  const pLower = s.marker === 'journal' && year === 2026 ? 0.45 : 0.08;
  const stat = stats.cell(s.login, w.subject, w.grade, year, w.bounds);
  const out: Work[] = [];
  for (let i = 0; i < n; i++) {
    const theta = rng.normal(mu, 1);
    const name = fullName(person(rng));
    const code = String(10000 + ((s.students * 7 + w.grade * 131 + i * 17) % 89999));
    const klass = className(w.grade, i, n);
    const absent = rng.chance(0.06);
    const journalBase = Math.min(5, Math.max(2, Math.round(3.4 + theta * 0.7 + rng.normal(0, 0.4))));
    if (absent) {
      out.push({
        code,
        name,
        className: klass,
        variant: null,
        scores: null,
        total: null,
        mark: null,
        journal: journalBase,
      });
      continue;
    }
    const scores = taskScores(rng, maxima, theta);
    let total = scores.reduce((a, b) => a + b, 0);
    const b3 = w.bounds[0];
    if (bunch && total >= b3 - 4 && total < b3) {
      raiseTo(scores, maxima, b3);
      total = b3;
    }
    const mark = markOf(w, total);
    const u = rng.next();
    const journal = u < pLower ? Math.min(5, mark + 1) : u < pLower + 0.05 ? Math.max(2, mark - 1) : mark;
    VprStats.add(stat, total, mark, journal);
    out.push({ code, name, className: klass, variant: rng.int(1, 2), scores, total, mark, journal });
  }
  return out;
}

function cellsOf(wk: Work, login: string | null, w: WorkScale): Cell[] {
  return [
    ...(login ? [login] : []),
    wk.code,
    wk.name,
    wk.className,
    wk.variant,
    ...(wk.scores ?? w.tasks.map(() => null)),
    wk.total,
    wk.mark,
    wk.journal,
    wk.variant === null ? 'отсутствовал' : null,
  ];
}

const title = (w: WorkScale, year: number): Cell[][] => [
  [`Всероссийские проверочные работы ${year}`],
  [`Предмет: ${w.subject}`],
  [`Класс: ${w.grade}`],
];

const context = (w: WorkScale, year: number): Table['context'] => ({
  year: { value: String(year), from: 'title' },
  subject: { value: w.subject, from: 'title' },
  grade: { value: String(w.grade), from: 'title' },
});

export function* vprFiles(region: Region, rng: Rng, stats: VprStats): Generator<SampleFile> {
  const schools = assessed(region);
  const own = schools.filter((s) => s.cohort !== undefined);
  const others = schools.filter((s) => s.cohort === undefined);
  const utf8Municipality = region.municipalities[1]?.code;
  const divisor = region.config.divisors.grade;
  let markSixPlanted = false;
  for (const year of YEARS) {
    const snapshot = day(year, 6, 20);
    const scales = year === 2026 ? [...VPR_SCALES, ...VPR_EXTRA] : VPR_SCALES;
    for (const w of scales) {
      const slug = `${SUBJECT_SLUG[w.subject]}_${w.grade}`;
      for (const s of own) {
        const list = works(s, w, year, rng.fork(`${s.login}${year}${slug}`), stats, divisor);
        const rows: Row[] = list.map((wk) => data(cellsOf(wk, null, w)));
        const six = list.findIndex((wk, i) => i >= 3 && wk.mark !== null);
        if (!markSixPlanted && year === 2025 && w.subject === 'Математика' && w.grade === 6 && six >= 0) {
          const wk = list[six] as Work;
          VprStats.remove(
            stats.cell(s.login, w.subject, w.grade, year, w.bounds),
            wk.total ?? 0,
            wk.mark ?? 0,
            wk.journal,
          );
          const cells = cellsOf({ ...wk, mark: 6 }, null, w); // planted: a mark of 6
          rows[six] = rejectRow(cells, 'invalid_mark', 'Оценка', '6');
          markSixPlanted = true;
        }
        const utf8 = year === 2026 && (s.municipality.code === utf8Municipality || w.grade === 4);
        yield {
          path: `vpr/${year}/${s.login}_${slug}.csv`,
          source: 'vpr_results',
          format: utf8 ? utf8BomSemicolon : cp1251Semicolon,
          sheets: [
            {
              name: '',
              table: {
                title: [...title(w, year), [`Логин ОО: ${s.login}`]],
                columns: columnsFor(w, year, false),
                rows,
                context: { ...context(w, year), school_login: { value: s.login, from: 'title' } },
              },
            },
          ],
          snapshot,
          snapshotFrom: 'flag',
        };
      }
      if (VPR_EXTRA.includes(w)) continue;
      const rows: Row[] = others.flatMap((s) =>
        works(s, w, year, rng.fork(`${s.login}${year}${slug}`), stats, divisor).map((wk) =>
          data(cellsOf(wk, s.login, w)),
        ),
      );
      yield {
        path: `vpr/${year}/svod_drugie_oo_${slug}.csv`,
        source: 'vpr_results',
        format: cp1251Semicolon,
        sheets: [
          {
            name: '',
            table: {
              title: title(w, year),
              columns: columnsFor(w, year, true),
              rows,
              context: context(w, year),
            },
          },
        ],
        snapshot,
        snapshotFrom: 'flag',
      };
    }
  }
}
