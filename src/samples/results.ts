/** Shared pieces of assessment results: class sizes, class letters, task scores from ability. */
import type { School } from './region.js';
import type { Rng } from './rng.js';

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** Students of one grade in a school (varies a little by year). */
export const gradeSize = (s: School, rng: Rng, divisor: number): number =>
  Math.max(3, Math.round((s.students / divisor) * (0.85 + rng.next() * 0.3)));

const LETTERS = 'АБВГДЕЖ';

/** Class name (e.g. «5Б») of the i-th of n students: classes of at most 25. */
export function className(grade: number, i: number, n: number): string {
  const classes = Math.ceil(n / 25);
  return `${grade}${LETTERS[Math.floor((i * classes) / n)] ?? 'А'}`;
}

/**
 * Scores of one student on tasks of the given maxima: harder tasks later in the work.
 * `theta` is the student's ability (0 = regional mean).
 */
export function taskScores(rng: Rng, maxima: number[], theta: number): number[] {
  const n = maxima.length;
  return maxima.map((max, i) => {
    const difficulty = -1.2 + (2.6 * i) / Math.max(1, n - 1);
    return binomial(rng, max, sigmoid(1.3 * (theta + 0.5 - difficulty)));
  });
}

/** Adds points to tasks with room left until the scores sum to `total` (for bunching). */
export function raiseTo(scores: number[], maxima: number[], total: number): void {
  let sum = scores.reduce((a, b) => a + b, 0);
  for (let i = 0; i < scores.length && sum < total; i++) {
    while ((scores[i] ?? 0) < (maxima[i] ?? 0) && sum < total) {
      scores[i] = (scores[i] ?? 0) + 1;
      sum++;
    }
  }
}
