/**
 * Risk factors, the РПШ levels and the directions activated in ИС МЭДК, per participant and year.
 * Factors co-occur in groups ({1, 8, 10}, {2, 3, 5}, {7, 9}); activation counts are chosen so the
 * shares rank like the real regional note (81 % / 78 % / 49 % when the count of schools allows).
 */
import { participants, type Region, type School } from './region.js';
import type { Rng } from './rng.js';

export const FACTORS: { code: number; name: string; short: string }[] = [
  { code: 1, name: 'Низкий уровень оснащения школы', short: 'Оснащение' },
  { code: 2, name: 'Дефицит педагогических кадров', short: 'Кадры' },
  {
    code: 3,
    name: 'Недостаточная предметная и методическая компетентность педагогических работников',
    short: 'Компетентность педагогов',
  },
  { code: 4, name: 'Риски низкой адаптивности учебного процесса', short: 'Адаптивность' },
  {
    code: 5,
    name: 'Несформированность внутришкольной системы повышения квалификации',
    short: 'Внутришкольное ПК',
  },
  { code: 6, name: 'Низкое качество преодоления языковых и культурных барьеров', short: 'Языковые барьеры' },
  {
    code: 7,
    name: 'Пониженный уровень качества школьной образовательной и воспитательной среды',
    short: 'Среда',
  },
  { code: 8, name: 'Высокая доля обучающихся с рисками учебной неуспешности', short: 'Учебная неуспешность' },
  { code: 9, name: 'Низкий уровень вовлеченности родителей', short: 'Родители' },
  { code: 10, name: 'Низкая учебная мотивация обучающихся', short: 'Мотивация' },
];

export const factorName = (code: number): string =>
  FACTORS.find((f) => f.code === code)?.name ?? String(code);

/** Target share of participants activating each factor (ranked as in the Dagestan note). */
const TARGET: Record<number, number> = {
  1: 81,
  8: 78,
  10: 49,
  3: 41,
  2: 35,
  5: 30,
  9: 24,
  7: 19,
  4: 14,
  6: 8,
};
const GROUP: Record<number, number> = { 1: 0, 8: 0, 10: 0, 2: 1, 3: 1, 5: 1, 7: 2, 9: 2, 4: 3, 6: 4 };

export const LEVEL_WORDS = ['отсутствует', 'низкий', 'средний', 'высокий'] as const;

export interface SchoolRisk {
  school: School;
  /** РПШ level 0–3 per factor code. */
  level: Record<number, number>;
  activated: Set<number>;
}

/** The smallest count whose rounded share equals the target percent, else the nearest count. */
export function countFor(n: number, percent: number): number {
  for (let k = 0; k <= n; k++) if (Math.round((100 * k) / n) === percent) return k;
  return Math.round((n * percent) / 100);
}

export function riskYear(region: Region, year: number, rng: Rng): SchoolRisk[] {
  const schools = participants(region, year);
  const affinity = schools.map(() => [0, 1, 2, 3, 4].map(() => rng.next()));
  const activated = schools.map(() => new Set<number>());
  for (const f of Object.keys(TARGET).map(Number)) {
    const k = countFor(schools.length, TARGET[f] as number);
    const order = schools
      .map((_, i) => ({ i, key: (affinity[i]?.[GROUP[f] as number] ?? 0) + rng.next() * 0.35 }))
      .sort((a, b) => b.key - a.key || a.i - b.i);
    for (const { i } of order.slice(0, k)) activated[i]?.add(f);
  }
  return schools.map((school, i) => {
    const act = activated[i] as Set<number>;
    const level: Record<number, number> = {};
    for (const { code } of FACTORS) {
      const u = rng.next();
      level[code] = act.has(code) ? (u < 0.55 ? 3 : u < 0.95 ? 2 : 1) : u < 0.45 ? 0 : u < 0.85 ? 1 : 2;
    }
    return { school, level, activated: act };
  });
}

/** Risk of every participant for the years of the project, computed once per region. */
export function risks(region: Region, rng: Rng): Map<number, SchoolRisk[]> {
  return new Map([2025, 2026].map((y) => [y, riskYear(region, y, rng.fork(`risk-${y}`))]));
}
