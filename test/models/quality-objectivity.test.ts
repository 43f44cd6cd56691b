import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadProject } from '../../src/models/project.js';
import { runModels } from '../../src/models/run-models.js';
import { selectModels } from '../../src/models/select.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { type FixtureRow, fixtureWarehouse } from '../helpers/fixture-warehouse.js';

// Quality before/after, the project effect and the signs of biased results (DOMAIN §4.4, §4.5).

const QUALITY = ['+quality', '+quality_region'];
const EFFECT = ['+project_effect', '+project_effect_schools'];
const OBJECTIVITY = ['+objectivity_markers', '+objectivity_schools'];
const Y2026 = { year: 2026, asOf: '2026-10-31' };

/**
 * A score inside each mark's range of the shipped vpr_scale (2026), away from the first score of a
 * mark and the score just below it, so that no work sits on a boundary unless a test puts it there.
 */
const MID: Record<string, Record<number, number>> = {
  'math 5': { 2: 3, 3: 9, 4: 13, 5: 18 }, // first scores 7 / 11 / 16, max 20
  'math 6': { 2: 2, 3: 8, 4: 12, 5: 15 }, // 6 / 10 / 14, max 16
  'math 7': { 2: 2, 3: 9, 4: 14, 5: 18 }, // 6 / 12 / 16, max 19
  'rus 5': { 2: 10, 3: 23, 4: 33, 5: 42 }, // 18 / 29 / 39, max 45
};

interface Work {
  mark: number | null;
  journal?: number | null;
  score?: number;
}

let studentNo = 0;
/** ВПР protocol rows of one class; a work with no mark is an absent participant. */
function vpr(year: number, login: string, subject: string, grade: number, works: Work[]): FixtureRow[] {
  return works.map((w) => ({
    year,
    school_login: login,
    subject,
    grade,
    student_code: `s${++studentNo}`,
    total_score: w.mark === null ? null : (w.score ?? MID[`${subject} ${grade}`][w.mark]),
    mark: w.mark,
    journal_mark: w.journal ?? null,
    is_absent: w.mark === null,
  }));
}

/** `n` works with the given mark (journal mark equal, i.e. «подтвердили», unless given). */
const times = (n: number, mark: number, journal: number | null = mark, score?: number): Work[] =>
  Array.from({ length: n }, () => ({ mark, journal, score }));

/** A class of `n` works of which `twos` have a «2» (the rest «3»): share of «2» = twos / n. */
const withTwos = (twos: number, n = 10): Work[] => [...times(twos, 2), ...times(n - twos, 3)];

const school = (login: string, municipality: string, code: string): FixtureRow => ({
  school_login: login,
  school_name: `Школа ${login}`,
  municipality,
  municipality_code: code,
});

describe('quality: shares per school, subject and grade', () => {
  const fx = fixtureWarehouse();

  async function loadQualityFixture() {
    await fx.load('schools', '2026-01-01', [
      school('sch050001', 'Первый район', '01'),
      school('sch050002', 'Второй район', '02'),
    ]);
    // sch050001, ВПР 2026 math grade 5: 10 works written, 2 absent.
    //   (mark, journal): (2,3) пониз., (2,2) подтв., (3,3) подтв., (3,4) пониз., (3,2) повыс.,
    //   (4,4) подтв., (4,5) пониз., (5,5) подтв., (5,4) повыс., (5,—) no journal mark.
    await fx.load('vpr_results', '2026-06-01', [
      ...vpr(2026, 'sch050001', 'math', 5, [
        { mark: 2, journal: 3 },
        { mark: 2, journal: 2 },
        { mark: 3, journal: 3 },
        { mark: 3, journal: 4 },
        { mark: 3, journal: 2 },
        { mark: 4, journal: 4 },
        { mark: 4, journal: 5 },
        { mark: 5, journal: 5 },
        { mark: 5, journal: 4 },
        { mark: 5, journal: null },
        { mark: null },
        { mark: null },
      ]),
      // sch050002 (another municipality): marks 2, 3, 3, 4, 5.
      ...vpr(2026, 'sch050002', 'math', 5, [{ mark: 2 }, { mark: 3 }, { mark: 3 }, { mark: 4 }, { mark: 5 }]),
    ]);
    // ОГЭ 2026 math, sch050001: p1 sat the main day («2», 5) and the retake («3», 9) → «3», 9;
    // p2 main «4», 16; p3 main «2», 4 then absent at the retake → the «2» stands; p4 absent.
    const oge = (
      student: string,
      date: string,
      attempt: string,
      mark: number | null,
      score: number | null,
    ) => ({
      year: 2026,
      exam_date: date,
      subject: 'math',
      rcoi_code: '1001',
      school_login: 'sch050001',
      student,
      attempt,
      primary_score: score,
      mark,
      is_absent: mark === null,
    });
    await fx.load('oge_results', '2026-07-15', [
      oge('p1', '2026-06-10', 'основной', 2, 5),
      oge('p1', '2026-07-02', 'пересдача', 3, 9),
      oge('p2', '2026-06-10', 'основной', 4, 16),
      oge('p3', '2026-06-10', 'основной', 2, 4),
      oge('p3', '2026-07-02', 'пересдача', null, null),
      oge('p4', '2026-06-10', 'основной', null, null),
    ]);
    // ЕГЭ 2026, sch050001. Russian (minimum 24): e1 20 (below), e2 60, e3 22 then 30 on the
    // retake (→ 30, not below), e4 absent. Базовая математика: b1 «2», b2 «4».
    const ege = (
      student: string,
      subject: string,
      date: string,
      attempt: string,
      test: number | null,
      mark: number | null = null,
    ) => ({
      year: 2026,
      exam_date: date,
      subject,
      rcoi_code: '1001',
      school_login: 'sch050001',
      student,
      attempt,
      primary_score: test === null && mark === null ? null : 10,
      test_score: test,
      mark,
      is_absent: test === null && mark === null,
    });
    await fx.load('ege_results', '2026-07-20', [
      ege('e1', 'rus', '2026-06-03', 'основной', 20),
      ege('e2', 'rus', '2026-06-03', 'основной', 60),
      ege('e3', 'rus', '2026-06-03', 'основной', 22),
      ege('e3', 'rus', '2026-07-03', 'пересдача', 30),
      ege('e4', 'rus', '2026-06-03', 'основной', null),
      ege('b1', 'math_base', '2026-06-06', 'основной', null, 2),
      ege('b2', 'math_base', '2026-06-06', 'основной', null, 4),
    ]);
  }

  it('counts participants without the absent, shares of «2», «4»+«5», успеваемость, journal', async () => {
    await loadQualityFixture();
    await fx.run(Y2026, QUALITY);
    const [a] = await fx.rows(
      "SELECT * FROM quality_latest WHERE year = 2026 AND school_login = 'sch050001' AND assessment = 'vpr'",
    );
    expect(a).toMatchObject({
      municipality: 'Первый район',
      session: 'весна',
      is_comparable: true,
      participants: 10, // 12 rows, 2 absent
      absent: 2,
      with_mark: 10,
      mark_2: 2,
      share_2: 0.2,
      pct_2: 20,
      mark_4_5: 5,
      quality_share: 0.5,
      success_share: 0.8,
      mean_mark: 3.6, // (2+2+3+3+3+4+4+5+5+5) / 10
      // scores 3,3,9,9,9,13,13,18,18,18 = 113 of 10 × 20 → 56,5 %
      mean_score_pct: 56.5,
      journal_compared: 9,
      journal_lowered: 3,
      journal_confirmed: 4,
      journal_raised: 2,
      pct_lowered: 33.3, // 3 / 9
      pct_confirmed: 44.4, // 4 / 9
      pct_raised: 22.2, // 2 / 9
    });
    expect(a.share_lowered).toBeCloseTo(3 / 9, 12);
  });

  it('keeps the last attempt of the year a student sat (ОГЭ), and the ЕГЭ minimum', async () => {
    await loadQualityFixture();
    await fx.run(Y2026, QUALITY);
    const rows = await fx.rows(
      `SELECT assessment, subject, grade, participants, absent, with_mark, mark_2, mean_mark, mean_score_pct,
              with_min_check, below_min, share_below_min, mean_test_score
       FROM quality_latest WHERE year = 2026 AND assessment IN ('oge', 'ege') ORDER BY assessment, subject`,
    );
    expect(rows).toEqual([
      // p1 «3» (retake), p2 «4», p3 «2» (absent at the retake), p4 absent: (3+4+2)/3 = 3;
      // scores 9 + 16 + 4 = 29 of 3 × 31 (oge_scale 2026 math) = 31,18… → 31,2 %.
      {
        assessment: 'ege',
        subject: 'math_base',
        grade: 11,
        participants: 2,
        absent: 0,
        with_mark: 2,
        mark_2: 1,
        mean_mark: 3,
        mean_score_pct: null,
        with_min_check: 2,
        below_min: 1, // the «2» of базовая математика
        share_below_min: 0.5,
        mean_test_score: null,
      },
      {
        assessment: 'ege',
        subject: 'rus',
        grade: 11,
        participants: 3, // e4 absent; e3 counted once, with the retake's 30
        absent: 1,
        with_mark: 0,
        mark_2: 0,
        mean_mark: null,
        mean_score_pct: null,
        with_min_check: 3,
        below_min: 1, // e1 (20 < 24); e3's first 22 is replaced by the retake's 30
        share_below_min: 1 / 3,
        mean_test_score: 36.7, // (20 + 60 + 30) / 3 = 36,67
      },
      {
        assessment: 'oge',
        subject: 'math',
        grade: 9,
        participants: 3,
        absent: 1,
        with_mark: 3,
        mark_2: 1,
        mean_mark: 3,
        mean_score_pct: 31.2,
        with_min_check: 0,
        below_min: 0,
        share_below_min: null,
        mean_test_score: null,
      },
    ]);
  });

  it('region row sums the municipalities (works pooled, not school shares averaged)', async () => {
    await loadQualityFixture();
    await fx.run(Y2026, QUALITY);
    const rows = await fx.rows(
      `SELECT scope, municipality, schools, participants, mark_2, share_2, pct_2
       FROM quality_region_latest WHERE year = 2026 AND assessment = 'vpr' ORDER BY scope DESC, municipality_code`,
    );
    // Region: (2 + 1) «2» of (10 + 5) = 20 %; the mean of the school shares would be (20 + 20) / 2 too,
    // so the second school's share is 1/5 = 20 % and the region 3/15 = 20 %.
    expect(rows).toEqual([
      {
        scope: 'region',
        municipality: null,
        schools: 2,
        participants: 15,
        mark_2: 3,
        share_2: 0.2,
        pct_2: 20,
      },
      {
        scope: 'municipality',
        municipality: 'Первый район',
        schools: 1,
        participants: 10,
        mark_2: 2,
        share_2: 0.2,
        pct_2: 20,
      },
      {
        scope: 'municipality',
        municipality: 'Второй район',
        schools: 1,
        participants: 5,
        mark_2: 1,
        share_2: 0.2,
        pct_2: 20,
      },
    ]);
  });

  it('reads each protocol as of the run date: an older as-of gives the older version', async () => {
    await fx.load('schools', '2026-01-01', [school('sch050002', 'Второй район', '02')]);
    // Version of 01.05: all five «2»; version of 01.06 (same partition): marks 2, 3, 3, 4, 5.
    await fx.load('vpr_results', '2026-05-01', vpr(2026, 'sch050002', 'math', 5, times(5, 2)));
    await fx.load('vpr_results', '2026-06-01', vpr(2026, 'sch050002', 'math', 5, withTwos(1, 5)));
    await fx.run({ year: 2026, asOf: '2026-05-15' }, ['+quality']);
    await fx.run(Y2026, ['+quality']);
    const rows = await fx.rows(
      'SELECT CAST(as_of AS VARCHAR) AS as_of, participants, mark_2, share_2 FROM quality ORDER BY as_of',
    );
    expect(rows).toEqual([
      { as_of: '2026-05-15', participants: 5, mark_2: 5, share_2: 1 },
      { as_of: '2026-10-31', participants: 5, mark_2: 1, share_2: 0.2 },
    ]);
  });

  it('flags autumn ВПР 2020 as not comparable and leaves it out of the effect units', async () => {
    await fx.load('vpr_results', '2020-11-01', [
      ...vpr(2020, 'sch050001', 'math', 5, withTwos(3)).map((r) => ({ ...r, session: 'осень' })),
    ]);
    await fx.run({ year: 2020, asOf: '2020-12-31' }, ['+quality', '+int_effect_units']);
    const [q] = await fx.rows('SELECT session, is_comparable, share_2 FROM quality_latest');
    expect(q).toEqual({ session: 'осень', is_comparable: false, share_2: 0.3 });
    expect(await fx.rows('SELECT * FROM int_effect_units')).toEqual([]);
  });

  it('its data tests pass on the fixture and fail on a mark out of range', async () => {
    await loadQualityFixture();
    await fx.run(Y2026, QUALITY);
    const results = await fx.test(Y2026, QUALITY);
    const mine = results.filter((t) => /^(quality|int_quality_)/.test(t.model ?? ''));
    expect(mine.length).toBeGreaterThan(40);
    expect(mine.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);

    // A protocol row with a «7» (the ingest would reject it; here it is forced in).
    await fx.load('vpr_results', '2026-06-02', vpr(2026, 'sch050003', 'math', 6, [{ mark: 7, score: 3 }]));
    await fx.run(Y2026, QUALITY);
    const broken = await fx.test(Y2026, QUALITY);
    const failed = broken.filter(
      (t) => t.status === 'fail' && t.severity === 'error' && /^(quality|int_quality_)/.test(t.model ?? ''),
    );
    expect(failed.map((t) => `${t.model}.${t.test}`).sort()).toEqual([
      'int_quality_cells.marks_add_up',
      'int_quality_results.accepted_range_mark',
      'quality.accepted_range_mean_mark',
      'quality_region.accepted_range_mean_mark',
    ]);
  });
});

describe('project effect: difference in differences per cohort', () => {
  const fx = fixtureWarehouse();

  /**
   * ВПР math grade 5, 10 works per school and year; share of «2» = twos / 10.
   * Cohort 2026: a1, a2, a3. Comparison (never in «500+» nor the regional programme): c1…c4 and
   * c5 (an outlier at baseline). r1 is in the regional programme, k1 in cohort 2025.
   */
  async function loadEffectFixture() {
    const rows: FixtureRow[] = [];
    const put = (login: string, byYear: Record<number, number>) => {
      for (const [year, twos] of Object.entries(byYear))
        rows.push(...vpr(Number(year), login, 'math', 5, withTwos(twos)));
    };
    // baseline 2025 = 5 of 10 for all but c5 (9 of 10).
    put('sch050101', { 2025: 5, 2026: 2 }); // a1: Δ = −0,3
    put('sch050102', { 2025: 5, 2026: 3 }); // a2: Δ = −0,2
    put('sch050103', { 2025: 5, 2026: 1 }); // a3: Δ = −0,4
    put('sch050201', { 2024: 5, 2025: 5, 2026: 5 }); // c1: Δ = 0
    put('sch050202', { 2024: 5, 2025: 5, 2026: 4 }); // c2: Δ = −0,1
    put('sch050203', { 2024: 5, 2025: 5, 2026: 6 }); // c3: Δ = +0,1
    put('sch050204', { 2024: 5, 2025: 5, 2026: 5 }); // c4: Δ = 0
    put('sch050205', { 2024: 9, 2025: 9, 2026: 1 }); // c5: Δ = −0,8, another quintile
    put('sch050301', { 2025: 5, 2026: 0 }); // r1: Δ = −0,5, regional programme
    put('sch050401', { 2024: 5, 2025: 5, 2026: 0 }); // k1: cohort 2025, Δ(2024→2026) = −0,5
    await fx.load('vpr_results', '2026-06-20', rows);
    await fx.load('participants', '2026-03-01', [
      { year: 2025, school_login: 'sch050401', cohort: 2025 },
      { year: 2026, school_login: 'sch050401', cohort: 2025 },
      { year: 2026, school_login: 'sch050101', cohort: 2026 },
      { year: 2026, school_login: 'sch050102', cohort: 2026 },
      { year: 2026, school_login: 'sch050103' }, // no cohort: the year, 2026
    ]);
    await fx.load('regional_programme', '2025-02-01', [
      { year: 2025, school_login: 'sch050301', category: 'ШНОР' },
    ]);
  }

  it('estimates DiD and its interval by hand: 3 ШНОР schools against 4 comparison schools', async () => {
    await loadEffectFixture();
    await fx.run(Y2026, EFFECT);
    const [e] = await fx.rows(
      "SELECT * FROM project_effect_latest WHERE year = 2026 AND cohort = 2026 AND subject = 'math'",
    );
    // Quintiles of the 2025 shares (a1–a3, c1–c5, r1, k1: nine at 0,5, c5 at 0,9): every cut point
    // is 0,5, so 0,5 is quintile 1 and c5 (0,9) quintile 5 — c5 is left out, as are r1 and k1.
    // ШНОР Δ: −0,3, −0,2, −0,4 → mean −0,3 = −30 п. п.; s₁² = (0² + 0,1² + 0,1²) / 2 = 0,01 = 100 п. п.².
    // Comparison Δ: 0, −0,1, +0,1, 0 → mean 0; s₀² = (0 + 0,01 + 0,01 + 0) / 3 = 0,02/3 = 66,67 п. п.².
    // DiD = −30 − 0 = −30 п. п.; SE = √(100/3 + 66,67/4) = √(33,33 + 16,67) = √50 = 7,0711 п. п.
    // 95 %: −30 ± 1,96 · 7,0711 = −30 ± 13,8593 → [−43,8593; −16,1407]: wholly below 0.
    const se = Math.sqrt(50);
    expect(e).toMatchObject({
      before_year: 2025,
      after_year: 2026,
      measure: 'share_2',
      n_shnor: 3,
      n_comparison: 4,
      n_comparison_unmatched: 1, // c5
      n_shnor_unmatched: 0,
      small_group: true, // 3 and 4 < 20
      interval_below_zero: true,
      improved: false, // a small group never supports a claim
      schools_with_marker: 0, // 10 works a class: no marker is checked below N = 20
      confirmed: false,
      verdict: 'мало школ для вывода (в группе меньше 20)',
    });
    expect(e.share2_change_shnor_pp).toBeCloseTo(-30, 9);
    expect(e.share2_change_var_shnor).toBeCloseTo(100, 9);
    expect(e.share2_change_comparison_pp).toBeCloseTo(0, 9);
    expect(e.share2_change_var_comparison).toBeCloseTo(200 / 3, 9);
    expect(e.n_comparison_effective).toBeCloseTo(4, 9);
    expect(e.did_share2_pp).toBeCloseTo(-30, 9);
    expect(e.did_ci_low_pp).toBeCloseTo(-30 - 1.96 * se, 9);
    expect(e.did_ci_high_pp).toBeCloseTo(-30 + 1.96 * se, 9);
  });

  it('never pools cohorts: cohort 2025 has its own row, before year and schools', async () => {
    await loadEffectFixture();
    await fx.run(Y2026, EFFECT);
    const rows = await fx.rows(
      `SELECT cohort, before_year, n_shnor, n_comparison, did_share2_pp, did_ci_low_pp, improved, verdict
       FROM project_effect_latest WHERE year = 2026 ORDER BY cohort`,
    );
    // Cohort 2025 (k1 only): before = 2024 (its last year before 2025). Quintiles of 2024: k1, c1–c4 at
    // 0,5, c5 at 0,9 → c5 out. k1 Δ = 0 − 0,5 = −50 п. п.; comparison Δ(2024→2026) = 0, −0,1, +0,1, 0 → 0.
    // One school: no variance, no interval, not «improved».
    expect(rows.map((r) => [r.cohort, r.before_year, r.n_shnor, r.n_comparison])).toEqual([
      [2025, 2024, 1, 4],
      [2026, 2025, 3, 4],
    ]);
    expect(rows[0].did_share2_pp).toBeCloseTo(-50, 9);
    expect(rows[0]).toMatchObject({ did_ci_low_pp: null, improved: false });
    const schools = await fx.rows(
      'SELECT cohort, school_login, share2_change_pp, met FROM project_effect_schools_latest ORDER BY cohort, school_login',
    );
    expect(
      schools.map((s) => [s.cohort, s.school_login, Math.round(s.share2_change_pp as number), s.met]),
    ).toEqual([
      [2025, 'sch050401', -50, true],
      [2026, 'sch050101', -30, true],
      [2026, 'sch050102', -20, true],
      [2026, 'sch050103', -40, true],
    ]);
  });

  it('re-weights the comparison to the cohort’s quintile mix (two quintiles, by hand)', async () => {
    const rows: FixtureRow[] = [];
    const put = (login: string, before: number, after: number) => {
      rows.push(
        ...vpr(2025, login, 'math', 5, withTwos(before)),
        ...vpr(2026, login, 'math', 5, withTwos(after)),
      );
    };
    // Baselines 0,2 ×3 and 0,8 ×3: cut points q20 = q40 = 0,2, q60 = q80 = 0,8 → 0,2 is quintile 1,
    // 0,8 is quintile 3. ШНОР: two in quintile 1 (Δ −0,1, −0,2), one in 3 (Δ −0,3).
    // Comparison: one in quintile 1 (Δ +0,1), two in 3 (Δ 0, −0,2).
    put('sch050101', 2, 1);
    put('sch050102', 2, 0);
    put('sch050103', 8, 5);
    put('sch050201', 2, 3);
    put('sch050202', 8, 8);
    put('sch050203', 8, 6);
    await fx.load('vpr_results', '2026-06-20', rows);
    await fx.load('participants', '2026-03-01', [
      { year: 2026, school_login: 'sch050101', cohort: 2026 },
      { year: 2026, school_login: 'sch050102', cohort: 2026 },
      { year: 2026, school_login: 'sch050103', cohort: 2026 },
    ]);
    await fx.run(Y2026, EFFECT);
    const [e] = await fx.rows('SELECT * FROM project_effect_latest WHERE year = 2026');
    // Weights: quintile 1 comparison (2/3)/(1/3) = 2; quintile 3 comparison (1/3)/(2/3) = 0,5 each (sum 3).
    // mean₀ = (2·0,1 + 0,5·0 + 0,5·(−0,2)) / 3 = 0,1/3 = 1/30.
    // s₀² = [2·(1/15)² + 0,5·(1/30)² + 0,5·(7/30)²] / (3 − 1) = (16 + 1 + 49)/1800 / 2 = 11/600.
    // n₀ effective = 3² / (4 + 0,25 + 0,25) = 2.
    // mean₁ = −0,2, s₁² = (0,01 + 0 + 0,01) / 2 = 0,01.
    // DiD = −0,2 − 1/30 = −7/30; SE² = 0,01/3 + (11/600)/2 = 1/300 + 11/1200 = 1/80.
    expect(e.share2_change_comparison_pp).toBeCloseTo(100 / 30, 9);
    expect(e.share2_change_var_comparison).toBeCloseTo((10000 * 11) / 600, 9);
    expect(e.n_comparison_effective).toBeCloseTo(2, 9);
    expect(e.share2_change_shnor_pp).toBeCloseTo(-20, 9);
    expect(e.did_share2_pp).toBeCloseTo((-100 * 7) / 30, 9);
    expect(e.did_ci_low_pp).toBeCloseTo(100 * (-7 / 30 - 1.96 * Math.sqrt(1 / 80)), 9);
    expect(e.did_ci_high_pp).toBeCloseTo(100 * (-7 / 30 + 1.96 * Math.sqrt(1 / 80)), 9);
    expect([e.interval_below_zero, e.improved]).toEqual([true, false]); // high end −1,42 п. п., but a small group
    const weights = await fx.rows(
      "SELECT school_login, baseline_quintile, weight FROM int_effect_deltas WHERE group_name = 'comparison' ORDER BY school_login",
    );
    expect(weights.map((w) => [w.school_login, w.baseline_quintile])).toEqual([
      ['sch050201', 1],
      ['sch050202', 3],
      ['sch050203', 3],
    ]);
    expect(weights.map((w) => w.weight as number)).toEqual([
      expect.closeTo(2, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(0.5, 12),
    ]);
  });

  it('a flagged school is set aside for «confirmed»; the interval excluding 0 decides «improved»', async () => {
    const rows: FixtureRow[] = [];
    // 20 ШНОР and 20 comparison schools with 20 works (N = 20, markers are checked); baseline 10 «2».
    // ШНОР after: 6 «2» (Δ −0,2) for 10 schools and 4 (Δ −0,3) for 10 — comparison after: 10 and 9
    // (Δ 0 and −0,05). s² both small: the interval is far below 0. The first ШНОР school's
    // journal marks are all above its marks: «понизили» 100 %.
    for (let i = 0; i < 40; i++) {
      const login = `sch05${String(1000 + i)}`;
      const shnor = i < 20;
      const after = shnor ? (i % 2 ? 6 : 4) : i % 2 ? 10 : 9;
      rows.push(...vpr(2025, login, 'math', 5, withTwos(10, 20)));
      const works = withTwos(after, 20).map((w) => (i === 0 ? { ...w, journal: 5 } : w));
      rows.push(...vpr(2026, login, 'math', 5, works));
    }
    await fx.load('vpr_results', '2026-06-20', rows);
    await fx.load(
      'participants',
      '2026-03-01',
      Array.from({ length: 20 }, (_, i) => ({ year: 2026, school_login: `sch05${1000 + i}`, cohort: 2026 })),
    );
    await fx.run(Y2026, [...EFFECT, ...OBJECTIVITY]);
    const [e] = await fx.rows('SELECT * FROM project_effect_latest WHERE year = 2026');
    // ШНОР mean Δ = −0,25; comparison mean Δ = −0,025 → DiD = −22,5 п. п.
    expect(e.did_share2_pp).toBeCloseTo(-22.5, 9);
    expect(e).toMatchObject({
      n_shnor: 20,
      n_comparison: 20,
      small_group: false,
      improved: true,
      schools_with_marker: 1,
      marker_schools: 'sch051000',
      // The improvement holds without the marked school too: confirmed, and the verdict says so.
      confirmed: true,
      n_shnor_unmarked: 19,
      improved_unmarked: true,
    });
    expect(e.verdict).toMatch(/и без школ с признаками необъективности/);
    const [s] = await fx.rows(
      "SELECT has_marker, markers, met FROM project_effect_schools_latest WHERE school_login = 'sch051000'",
    );
    expect(s).toEqual({ has_marker: true, markers: 'lowered', met: false });
  });
});

describe('objectivity markers: each fires at its threshold and not below', () => {
  const fx = fixtureWarehouse();

  it('«понизили» ≥ 30 % of N ≥ 20', async () => {
    await fx.load('vpr_results', '2026-06-20', [
      // 6 of 20 lowered = 30 % → fires.
      ...vpr(2026, 'sch050001', 'math', 5, [...times(6, 3, 4), ...times(14, 3)]),
      // 5 of 20 = 25 % → checked, does not fire.
      ...vpr(2026, 'sch050002', 'math', 5, [...times(5, 3, 4), ...times(15, 3)]),
      // 10 of 19 → N < 20: not checked at all.
      ...vpr(2026, 'sch050003', 'math', 5, [...times(10, 3, 4), ...times(9, 3)]),
    ]);
    await fx.run(Y2026, OBJECTIVITY);
    const rows = await fx.rows(
      "SELECT school_login, n_works, numerator, value, flagged, detail FROM objectivity_markers_latest WHERE marker_code = 'lowered' ORDER BY school_login",
    );
    expect(rows).toEqual([
      {
        school_login: 'sch050001',
        n_works: 20,
        numerator: 6,
        value: 0.3,
        flagged: true,
        detail: 'понизили 6 из 20 (30,0 %), порог 30,0 %',
      },
      {
        school_login: 'sch050002',
        n_works: 20,
        numerator: 5,
        value: 0.25,
        flagged: false,
        detail: 'понизили 5 из 20 (25,0 %), порог 30,0 %',
      },
    ]);
    const schools = await fx.rows(
      'SELECT school_login, markers_flagged, met FROM objectivity_schools_latest ORDER BY school_login',
    );
    expect(schools.map((s) => [s.school_login, s.markers_flagged, s.met])).toEqual([
      ['sch050001', 1, false],
      ['sch050002', 0, true],
    ]);
  });

  it('«повысили» ≥ 15 % only with качество above the regional 75th percentile', async () => {
    // rus 5, 8 classes of 20. Качество: r1 0,9, r2 0,95, r3 0,5, f1–f5 0,1…0,5. Sorted:
    // 0,1 0,2 0,3 0,4 0,5 0,5 0,9 0,95; the 75th percentile (linear, h = 7·0,75 = 5,25) is
    // 0,5 + 0,25·(0,9 − 0,5) = 0,6.
    const cls = (good: number, raised: number): Work[] => [
      ...times(raised, 4, 3), // «4» over a journal «3»: повысили
      ...times(good - raised, 4),
      ...times(20 - good, 3),
    ];
    await fx.load('vpr_results', '2026-06-20', [
      ...vpr(2026, 'sch050011', 'rus', 5, cls(18, 3)), // r1: 15 %, качество 0,9 > 0,6 → fires
      ...vpr(2026, 'sch050012', 'rus', 5, cls(19, 2)), // r2: 10 % < 15 % → no
      ...vpr(2026, 'sch050013', 'rus', 5, cls(10, 4)), // r3: 20 %, but качество 0,5 ≤ 0,6 → no
      ...[2, 4, 6, 8, 10].flatMap((g, i) => vpr(2026, `sch05002${i}`, 'rus', 5, cls(g, 0))),
    ]);
    await fx.run(Y2026, OBJECTIVITY);
    const rows = await fx.rows(
      `SELECT school_login, numerator, quality_share, quality_threshold, flagged
       FROM objectivity_markers_latest WHERE marker_code = 'raised' AND school_login IN ('sch050011', 'sch050012', 'sch050013')
       ORDER BY school_login`,
    );
    expect(rows.map((r) => [r.school_login, r.numerator, r.quality_share, r.flagged])).toEqual([
      ['sch050011', 3, 0.9, true],
      ['sch050012', 2, 0.95, false],
      ['sch050013', 4, 0.5, false],
    ]);
    for (const r of rows) expect(r.quality_threshold).toBeCloseTo(0.6, 12);
  });

  it('works bunched on the first score of a mark: ≥ 2× the score below and ≥ 10 works there', async () => {
    // math 6 (vpr_scale 2026): «3» from 6 points. Score 12 is a «4» away from its boundary (10).
    const cls = (at: number, below: number): Work[] => [
      ...times(at, 3, 3, 6),
      ...times(below, 2, 2, 5),
      ...times(20 - at - below, 4, 4, 12),
    ];
    await fx.load('vpr_results', '2026-06-20', [
      ...vpr(2026, 'sch050031', 'math', 6, cls(10, 5)), // 10 = 2 × 5 and 10 ≥ 10 → fires
      ...vpr(2026, 'sch050032', 'math', 6, cls(9, 0)), // 9 < 10 works: chance-sized → no
      ...vpr(2026, 'sch050033', 'math', 6, cls(10, 6)), // 10 < 2 × 6 → no
    ]);
    await fx.run(Y2026, OBJECTIVITY);
    const rows = await fx.rows(
      `SELECT school_login, boundary_score, works_at_boundary, works_below_boundary, value, flagged
       FROM objectivity_markers_latest WHERE marker_code = 'bunching_3' ORDER BY school_login`,
    );
    expect(rows).toEqual([
      {
        school_login: 'sch050031',
        boundary_score: 6,
        works_at_boundary: 10,
        works_below_boundary: 5,
        value: 2,
        flagged: true,
      },
      {
        school_login: 'sch050032',
        boundary_score: 6,
        works_at_boundary: 9,
        works_below_boundary: 0,
        value: null,
        flagged: false,
      },
      {
        school_login: 'sch050033',
        boundary_score: 6,
        works_at_boundary: 10,
        works_below_boundary: 6,
        value: 10 / 6,
        flagged: false,
      },
    ]);
    const other = await fx.rows(
      "SELECT count(*) AS n FROM objectivity_markers_latest WHERE marker_code IN ('bunching_4', 'bunching_5') AND flagged",
    );
    expect(other).toEqual([{ n: 0 }]);
  });

  it('a rise of качество ≥ 20 п. п. against the previous year; a fall only when the seed says either way', async () => {
    // math 7, 20 works each year. c1 4 → 8 «4» (0,2 → 0,4: +20) fires; c2 4 → 7 (+15) no;
    // c3 10 → 6 (0,5 → 0,3: −20, in floating point −19,999…) fires only with change_upward_only = 0;
    // c4 has 19 works in 2025: not checked.
    const cls = (good: number, n = 20): Work[] => [...times(good, 4), ...times(n - good, 3)];
    await fx.load('vpr_results', '2026-06-20', [
      ...vpr(2025, 'sch050041', 'math', 7, cls(4)),
      ...vpr(2026, 'sch050041', 'math', 7, cls(8)),
      ...vpr(2025, 'sch050042', 'math', 7, cls(4)),
      ...vpr(2026, 'sch050042', 'math', 7, cls(7)),
      ...vpr(2025, 'sch050043', 'math', 7, cls(10)),
      ...vpr(2026, 'sch050043', 'math', 7, cls(6)),
      ...vpr(2025, 'sch050044', 'math', 7, cls(10, 19)),
      ...vpr(2026, 'sch050044', 'math', 7, cls(0)),
    ]);
    await fx.run(Y2026, OBJECTIVITY);
    const rows = await fx.rows(
      "SELECT school_login, previous_value, quality_share, value, flagged FROM objectivity_markers_latest WHERE marker_code = 'change' ORDER BY school_login",
    );
    expect(rows.map((r) => [r.school_login, r.flagged])).toEqual([
      ['sch050041', true],
      ['sch050042', false],
      ['sch050043', false],
    ]);
    expect(rows[0].value).toBeCloseTo(20, 9);
    expect(rows[1].value).toBeCloseTo(15, 9);
    expect(rows[2].value).toBeCloseTo(-20, 9);

    await fx.wh.run("UPDATE ref_objectivity_thresholds SET value = 0 WHERE key = 'change_upward_only'");
    await fx.run(Y2026, OBJECTIVITY, { full: true });
    const either = await fx.rows(
      "SELECT school_login, flagged FROM objectivity_markers_latest WHERE marker_code = 'change' ORDER BY school_login",
    );
    expect(either.map((r) => [r.school_login, r.flagged])).toEqual([
      ['sch050041', true],
      ['sch050042', false],
      ['sch050043', true],
    ]);
  });

  it('presence in the ФИОКО list, even with no results loaded', async () => {
    await fx.load('schools', '2026-01-01', [school('sch050051', 'Первый район', '01')]);
    await fx.load('objectivity_list', '2026-10-15', [
      {
        year: 2026,
        school_login: 'sch050051',
        subject: 'math',
        grade: 5,
        marker: 'Признаки необъективности результатов ВПР',
      },
    ]);
    await fx.run(Y2026, OBJECTIVITY);
    const rows = await fx.rows(
      'SELECT school_login, subject, grade, marker_code, n_works, flagged, detail FROM objectivity_markers_latest',
    );
    expect(rows).toEqual([
      {
        school_login: 'sch050051',
        subject: 'math',
        grade: 5,
        marker_code: 'listed',
        n_works: null,
        flagged: true,
        detail: 'в перечне ФИОКО: Признаки необъективности результатов ВПР',
      },
    ]);
    const [s] = await fx.rows(
      'SELECT municipality, markers_flagged, marker_list, met FROM objectivity_schools_latest',
    );
    expect(s).toEqual({
      municipality: 'Первый район',
      markers_flagged: 1,
      marker_list: 'В перечне ФИОКО ОО с признаками необъективности результатов — ВПР, Математика, 5 кл.',
      met: false,
    });
  });

  it('its data tests pass on a fixture with every marker', async () => {
    await fx.load('schools', '2026-01-01', [school('sch050001', 'Первый район', '01')]);
    await fx.load('vpr_results', '2026-06-20', [
      ...vpr(2025, 'sch050001', 'math', 5, [...times(10, 3), ...times(10, 4)]),
      ...vpr(2026, 'sch050001', 'math', 5, [...times(6, 3, 4), ...times(14, 4)]),
    ]);
    await fx.load('objectivity_list', '2026-10-15', [{ year: 2026, school_login: 'sch050001' }]);
    await fx.run(Y2026, OBJECTIVITY);
    const results = await fx.test(Y2026, OBJECTIVITY);
    const mine = results.filter((t) => /^(objectivity_|int_objectivity_)/.test(t.model ?? ''));
    expect(mine.length).toBeGreaterThan(20);
    expect(mine.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);
    const [s] = await fx.rows('SELECT markers_flagged, marker_kinds FROM objectivity_schools_latest');
    expect(s).toEqual({ markers_flagged: 3, marker_kinds: 3 }); // lowered, change (+20 п. п.), listed
  });
});

describe('objectivity markers planted in the samples (MANIFEST)', () => {
  const root = projectPath('data-samples');
  let dir = '';
  let wh: Warehouse | undefined;

  /** Loads sample files as one ingest with the snapshot date the generator gave them. */
  async function ingest(db: string, snapshot: string, paths: string[]) {
    const io = captureIo();
    await main(
      ['ingest', ...paths.map((p) => join(root, p)), '--snapshot-date', snapshot, '--json', '--db', db],
      io,
    );
    const results = JSON.parse(io.stdout.join('\n')) as { status: string; file: string }[];
    expect(results.filter((r) => r.status !== 'loaded')).toEqual([]);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shnor-objectivity-'));
    const db = join(dir, 's.duckdb');
    const files: { path: string }[] = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).files;
    const pick = (re: RegExp) => [...new Set(files.map((f) => f.path).filter((p) => re.test(p)))];
    await ingest(db, '01.09.2026', pick(/^schools\//));
    await ingest(db, '20.06.2025', pick(/^vpr\/2025\/sch050123_matematika_/));
    await ingest(db, '20.06.2026', pick(/^vpr\/2026\/sch050307_/));
    await ingest(db, '15.10.2025', pick(/^fioko\/oo_priznaki_neobektivnosti_2025/));
    wh = await Warehouse.open(db);
    const project = loadProject();
    const names = selectModels(project, OBJECTIVITY);
    for (const params of [{ year: 2025, asOf: '2025-12-31' }, Y2026]) {
      const built = await runModels(wh, project, params, { names });
      expect(built.filter((r) => r.status === 'error' || r.status === 'skipped')).toEqual([]);
    }
  }, 300_000);

  afterAll(() => {
    wh?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('«понизили» ≈ 40 % at sch050307 in 2026: the classes of the manifest’s lowered_30 list', async () => {
    const rows = await wh?.rows(
      `SELECT subject, grade, CAST(numerator AS INTEGER) AS lowered, CAST(n_works AS INTEGER) AS n
       FROM objectivity_markers_latest
       WHERE year = 2026 AND school_login = 'sch050307' AND marker_code = 'lowered' AND flagged
       ORDER BY subject, grade`,
    );
    // data-samples/manifest.json, planted.objectivity_checks.lowered_30 for sch050307.
    expect(rows).toEqual([
      { subject: 'env', grade: 4, lowered: 12, n: 24 },
      { subject: 'math', grade: 5, lowered: 12, n: 25 },
      { subject: 'math', grade: 6, lowered: 11, n: 26 },
      { subject: 'rus', grade: 5, lowered: 9, n: 26 },
      { subject: 'rus', grade: 6, lowered: 8, n: 20 },
      { subject: 'rus', grade: 7, lowered: 13, n: 22 },
      { subject: 'rus', grade: 8, lowered: 12, n: 27 },
    ]);
    const [s] = (await wh?.rows(
      "SELECT met FROM objectivity_schools_latest WHERE year = 2026 AND school_login = 'sch050307'",
    )) ?? [{}];
    expect(s.met).toBe(false);
  });

  it('works bunched on the first score of «3» in math 2025 at sch050123', async () => {
    const rows = await wh?.rows(
      `SELECT grade, CAST(works_at_boundary AS INTEGER) AS at, CAST(works_below_boundary AS INTEGER) AS below, flagged
       FROM objectivity_markers_latest
       WHERE year = 2025 AND school_login = 'sch050123' AND marker_code = 'bunching_3' AND grade <= 7
       ORDER BY grade`,
    );
    // manifest vpr_cells (at_3, below_3): grade 5 (8, 0), 6 (16, 0), 7 (14, 0); the boundaries of
    // vpr_scale agree with the protocols in these grades. Grade 5 has 8 < 10 works: not flagged.
    expect(rows).toEqual([
      { grade: 5, at: 8, below: 0, flagged: false },
      { grade: 6, at: 16, below: 0, flagged: true },
      { grade: 7, at: 14, below: 0, flagged: true },
    ]);
  });

  it('sch051218 listed by ФИОКО in 2025 (math, grade 5)', async () => {
    const rows = await wh?.rows(
      "SELECT school_login, subject, grade, flagged FROM objectivity_markers_latest WHERE year = 2025 AND marker_code = 'listed' AND school_login = 'sch051218'",
    );
    expect(rows).toEqual([{ school_login: 'sch051218', subject: 'math', grade: 5, flagged: true }]);
  });
});
