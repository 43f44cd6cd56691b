/** `regional_assessment`: one РДР protocol (math, grade 7, October 2025) with half-point scores. */
import { col } from '../columns.js';
import { day } from '../dates.js';
import { fullName, person } from '../names.js';
import { assessed, meanAbility, type Region } from '../region.js';
import { binomial, className, gradeSize, sigmoid } from '../results.js';
import type { Rng } from '../rng.js';
import { cp1251Semicolon, type SampleFile } from '../sample-file.js';
import { data, type Row } from '../table.js';

const NAME = 'Региональная диагностическая работа по математике';
const MAXIMA = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3];
const BOUNDS = [5, 9, 14];

export function regionalAssessmentFile(region: Region, rng: Rng): SampleFile {
  const schools = assessed(region).filter(
    (s) => region.config.allSchools || s.cohort === 2025 || s.comparison,
  );
  const rows: Row[] = [];
  for (const s of schools) {
    const n = gradeSize(s, rng, region.config.divisors.grade);
    const mu = meanAbility(s, 2025) + 0.05;
    for (let i = 0; i < n; i++) {
      const theta = rng.normal(mu, 1);
      const name = fullName(person(rng));
      const code = `${s.login.slice(3)}${String(i + 1).padStart(3, '0')}`;
      if (rng.chance(0.05)) {
        rows.push(
          data([
            s.login,
            code,
            name,
            className(7, i, n),
            null,
            ...MAXIMA.map(() => null),
            null,
            null,
            'отсутствовал',
          ]),
        );
        continue;
      }
      // Half points: each task scored in steps of 0,5.
      const scores = MAXIMA.map(
        (m, t) => binomial(rng, 2 * m, sigmoid(1.3 * (theta + 0.4 - (-1 + t * 0.25)))) / 2,
      );
      const total = scores.reduce((a, b) => a + b, 0);
      const mark =
        total >= (BOUNDS[2] ?? 0) ? 5 : total >= (BOUNDS[1] ?? 0) ? 4 : total >= (BOUNDS[0] ?? 0) ? 3 : 2;
      rows.push(data([s.login, code, name, className(7, i, n), rng.int(1, 4), ...scores, total, mark, null]));
    }
  }
  return {
    path: 'regional/rdr_2025_matematika_7.csv',
    source: 'regional_assessment',
    format: cp1251Semicolon,
    sheets: [
      {
        name: '',
        table: {
          title: [[NAME], ['Предмет: Математика'], ['Класс: 7'], ['Дата проведения: 16.10.2025']],
          columns: [
            col('Логин ОО', 'school_login'),
            col('Код участника', 'student_code'),
            col('ФИО обучающегося', 'student_name'),
            col('Класс', 'class_name'),
            col('Вариант', 'variant'),
            ...MAXIMA.map((_, i) => col(String(i + 1), `task_score[${i + 1}]`)),
            col('Первичный балл', 'total_score'),
            col('Отметка', 'mark'),
            col('Примечание', 'absence_note'),
          ],
          rows,
          context: {
            assessment_name: { value: NAME, from: 'title' },
            year: { value: '2025', from: 'title' },
            subject: { value: 'Математика', from: 'title' },
            grade: { value: '7', from: 'title' },
          },
        },
      },
    ],
    snapshot: day(2025, 11, 5),
    snapshotFrom: 'flag',
  };
}
