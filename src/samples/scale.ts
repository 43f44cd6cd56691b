/** The two sizes of generated region: the committed sample and the benchmark-size region. */

export type ScaleName = 'small' | 'region';

export interface ScaleConfig {
  name: ScaleName;
  outDir: string;
  municipalities: number;
  schools: number;
  /** Schools entering «500+» in 2025; of them `leavers` leave the ШНОР list in 2026 (and the project). */
  cohort2025: number;
  leavers: number;
  cohort2026: number;
  /** ШНОР of the ФИОКО list that are not in «500+» (they are in the regional programme). */
  otherShnor: number;
  shnsu: number;
  /** Never-participating schools matched on baseline results (small scale; the region has all schools). */
  comparison: number;
  /** Small scale limits ВПР/ОГЭ/ЕГЭ/surveys to participants and the comparison group. */
  allSchools: boolean;
  respondents: { учителя: number; ученики: number; родители: number };
  /** Share of the region's schools in cities (weight of a city municipality against a district). */
  cityWeight: number;
  /** Students of a school per student in one grade (ВПР), in grade 9 (ОГЭ) and in grade 11 (ЕГЭ). */
  divisors: { grade: number; grade9: number; grade11: number };
}

export const SCALES: Record<ScaleName, ScaleConfig> = {
  small: {
    name: 'small',
    outDir: 'data-samples',
    municipalities: 12,
    schools: 300,
    cohort2025: 22,
    leavers: 6,
    cohort2026: 21,
    otherShnor: 10,
    shnsu: 8,
    comparison: 80,
    allSchools: false,
    respondents: { учителя: 6, ученики: 12, родители: 8 },
    cityWeight: 2.5,
    divisors: { grade: 11, grade9: 16, grade11: 30 },
  },
  region: {
    name: 'region',
    outDir: 'data-samples-region',
    municipalities: 51,
    schools: 1500,
    cohort2025: 90,
    leavers: 25,
    cohort2026: 35,
    otherShnor: 40,
    shnsu: 30,
    comparison: 300,
    allSchools: true,
    respondents: { учителя: 20, ученики: 80, родители: 60 },
    cityWeight: 1.5,
    divisors: { grade: 14, grade9: 36, grade11: 70 },
  },
};
