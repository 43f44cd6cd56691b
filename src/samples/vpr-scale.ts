/** ВПР work structure used by the generator: task labels, their maxima and mark boundaries. */

export interface WorkScale {
  subject: string;
  grade: number;
  tasks: [label: string, max: number][];
  /** Lowest primary score for marks 3, 4 and 5. */
  bounds: [number, number, number];
}

const numbered = (maxes: number[]): [string, number][] => maxes.map((m, i) => [String(i + 1), m]);
const labelled = (labels: string, maxes: number[]): [string, number][] =>
  labels.split(' ').map((l, i) => [l, maxes[i] ?? 1]);

const RU_6_8 = '1(1) 1(2) 1(3) 2(1) 2(2) 2(3) 2(4) 3 4(1) 4(2) 5(1) 5(2) 6 7 8 9 10 11(1) 11(2) 12 13 14';
const RU_6_8_MAX = [4, 3, 2, 3, 3, 3, 3, 2, 2, 1, 2, 2, 2, 2, 2, 3, 2, 2, 2, 3, 1, 2];

export const VPR_SCALES: WorkScale[] = [
  {
    subject: 'Математика',
    grade: 5,
    tasks: numbered([1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 2, 2, 3]),
    bounds: [7, 12, 17],
  },
  {
    subject: 'Математика',
    grade: 6,
    tasks: numbered([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]),
    bounds: [6, 10, 14],
  },
  {
    subject: 'Математика',
    grade: 7,
    tasks: numbered([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 2]),
    bounds: [6, 12, 16],
  },
  {
    subject: 'Математика',
    grade: 8,
    tasks: numbered([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]),
    bounds: [7, 13, 19],
  },
  {
    subject: 'Русский язык',
    grade: 5,
    tasks: labelled(
      '1(1) 1(2) 1(3) 2(1) 2(2) 2(3) 2(4) 3 4 5 6(1) 6(2) 7(1) 7(2) 8 9 10 11 12',
      [4, 3, 2, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1],
    ),
    bounds: [18, 29, 39],
  },
  { subject: 'Русский язык', grade: 6, tasks: labelled(RU_6_8, RU_6_8_MAX), bounds: [22, 33, 44] },
  {
    subject: 'Русский язык',
    grade: 7,
    tasks: labelled(
      '1(1) 1(2) 1(3) 2(1) 2(2) 2(3) 2(4) 3 4 5 6 7(1) 7(2) 8(1) 8(2) 9 10 11 12 13 14',
      [4, 3, 2, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, 1, 2, 1, 2, 1],
    ),
    bounds: [19, 29, 39],
  },
  { subject: 'Русский язык', grade: 8, tasks: labelled(RU_6_8, RU_6_8_MAX), bounds: [24, 34, 44] },
];

/** Written by participants in 2026 only: the «couple of others». */
export const VPR_EXTRA: WorkScale[] = [
  {
    subject: 'Окружающий мир',
    grade: 4,
    tasks: labelled(
      '1 2 3(1) 3(2) 3(3) 4 5 6(1) 6(2) 6(3) 7 8 9 10(1) 10(2)',
      [2, 2, 1, 2, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4],
    ),
    bounds: [8, 18, 27],
  },
  { subject: 'История', grade: 5, tasks: numbered([2, 1, 3, 2, 1, 2, 2, 2]), bounds: [4, 8, 12] },
];

export const maxOf = (w: WorkScale): number => w.tasks.reduce((a, [, m]) => a + m, 0);

export function markOf(w: WorkScale, total: number): number {
  const [b3, b4, b5] = w.bounds;
  return total >= b5 ? 5 : total >= b4 ? 4 : total >= b3 ? 3 : 2;
}

export const SUBJECT_SLUG: Record<string, string> = {
  Математика: 'matematika',
  'Русский язык': 'russkiy',
  'Окружающий мир': 'okr_mir',
  История: 'istoriya',
  Обществознание: 'obshchestvo',
  Биология: 'biologiya',
  География: 'geografiya',
  Информатика: 'informatika',
  Химия: 'himiya',
  'Математика (профильный уровень)': 'matematika_prof',
  'Математика (базовый уровень)': 'matematika_baza',
};
