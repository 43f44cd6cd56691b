import { describe, expect, it } from 'vitest';
import type { RunParams } from '../../src/models/params.js';
import { syncReferenceTables } from '../../src/warehouse/reference.js';
import { type FixtureRow, fixtureWarehouse } from '../helpers/fixture-warehouse.js';

/**
 * DOMAIN §4.9 (regional roadmap), §4.10 (expert review), §4.11 (leaving the ШНОР list): small
 * hand-built warehouses whose every figure is worked out in the comments.
 */

const ROADMAP_MARTS = ['+roadmap', '+roadmap_items'];
const REVIEW_MARTS = ['+expert_review_scores', '+expert_review_schools'];
const EXIT_MARTS = ['+shnor_exit', '+shnor_exit_schools'];

const at = (year: number, asOf: string): RunParams => ({ year, asOf });

const school = (n: number, municipality: string, code: string): FixtureRow => ({
  school_login: `sch05000${n}`,
  school_name: `Школа № ${n}`,
  municipality,
  municipality_code: code,
});

/** Four schools in two municipalities, plus a fifth in the second one. */
const REGISTRY = [
  school(1, 'Город А', '01'),
  school(2, 'Город А', '01'),
  school(3, 'Район Б', '02'),
  school(4, 'Район Б', '02'),
  school(5, 'Район Б', '02'),
];

describe('regional roadmap (DOMAIN §4.9)', () => {
  const fx = fixtureWarehouse();

  const item = (
    item_no: string,
    period: string,
    period_start: string | null,
    period_end: string | null,
  ): FixtureRow => ({
    roadmap_code: '500+',
    year: 2026,
    item_no,
    task: `Мероприятие ${item_no}`,
    period,
    period_start,
    period_end,
    executor: `Исполнитель ${item_no}`,
  });
  const status = (item_no: string, s: string, done_at: string | null = null): FixtureRow => ({
    roadmap_code: '500+',
    year: 2026,
    item_no,
    status: s,
    done_at,
  });

  /**
   * Eight items. «5.» has a period that could not be read; «33» keeps its odd number.
   * Status v1 (dated 31.05.2026): 1 done 20.01, 2 and 3 and 5 in work.
   * Status v2 (dated 15.07.2026): 1 done 20.01; 2 done 10.04 (late, period ends 31.03); 3 in work;
   * 4 «done 20.07» — a date after the file's own date, so not done as of 16.07; 5 done 01.02;
   * 6 not done; 7 (whole year) done 01.03; 33 has no status row.
   */
  async function loadRoadmap() {
    await fx.load('roadmap', '2026-03-20', [
      item('1.', 'январь 2026 г.', '2026-01-01', '2026-01-31'),
      item('2.', 'март', '2026-03-01', '2026-03-31'),
      item('3.', 'май- июнь', '2026-05-01', '2026-06-30'),
      item('4.', 'июль', '2026-07-01', '2026-07-31'),
      item('5.', 'по мере необходимости', null, null),
      item('6.', 'сентябрь', '2026-09-01', '2026-09-30'),
      item('7.', 'в течение года', '2026-01-01', '2026-12-31'),
      item('33', 'декабрь', '2026-12-01', '2026-12-31'),
    ]);
    await fx.load('roadmap_status', '2026-05-31', [
      status('1.', 'выполнено', '2026-01-20'),
      status('2.', 'в работе'),
      status('3.', 'в работе'),
      status('5.', 'в работе'),
    ]);
    await fx.load('roadmap_status', '2026-07-15', [
      status('1.', 'выполнено', '2026-01-20'),
      status('2.', 'выполнено', '2026-04-10'),
      status('3.', 'в работе'),
      status('4.', 'выполнено', '2026-07-20'),
      status('5.', 'выполнено', '2026-02-01'),
      status('6.', 'не выполнено'),
      status('7.', 'выполнено', '2026-03-01'),
    ]);
  }

  const summary = (asOf: string) =>
    fx.rows(
      `SELECT items, items_period_unknown, not_due, due, done, done_of_due, done_on_time, done_late,
              done_date_unknown, overdue, done_before_due, done_period_unknown,
              share_done, pct_done, pct_done_whole, share_on_time, pct_on_time, pct_on_time_whole
       FROM roadmap WHERE year = 2026 AND as_of = DATE '${asOf}' AND roadmap_code = '500+'`,
    );

  it('counts due, done, on time and overdue as of a date; the same data as of two dates differs', async () => {
    await loadRoadmap();
    await fx.run(at(2026, '2026-07-16'), ROADMAP_MARTS);
    await fx.run(at(2026, '2026-10-31'), ROADMAP_MARTS);

    // As of 16.07 (status v2): due = 1, 2, 3 (ends ≤ 16.07); not due = 4, 6, 7, 33; unknown = 5.
    // Done = 1, 2, 5, 7 (4 is dated 20.07, after the date). Of the due: done 1 and 2, overdue 3;
    // on time 1 (20.01 ≤ 31.01), late 2 (10.04 > 31.03). Early: 7; period unknown: 5.
    // Share done 2/3 = 66.7 % (67 %), on time 1/3 = 33.3 % (33 %).
    expect(await summary('2026-07-16')).toEqual([
      {
        items: 8,
        items_period_unknown: 1,
        not_due: 4,
        due: 3,
        done: 4,
        done_of_due: 2,
        done_on_time: 1,
        done_late: 1,
        done_date_unknown: 0,
        overdue: 1,
        done_before_due: 1,
        done_period_unknown: 1,
        share_done: 2 / 3,
        pct_done: 66.7,
        pct_done_whole: 67,
        share_on_time: 1 / 3,
        pct_on_time: 33.3,
        pct_on_time_whole: 33,
      },
    ]);
    // As of 31.10 (same status v2): due = 1, 2, 3, 4, 6; not due = 7, 33; unknown = 5.
    // Done = 1, 2, 4, 5, 7. Of the due: done 1, 2, 4 (on time 1 and 4, late 2), overdue 3 and 6.
    // Share done 3/5 = 60 %, on time 2/5 = 40 %.
    expect(await summary('2026-10-31')).toEqual([
      {
        items: 8,
        items_period_unknown: 1,
        not_due: 2,
        due: 5,
        done: 5,
        done_of_due: 3,
        done_on_time: 2,
        done_late: 1,
        done_date_unknown: 0,
        overdue: 2,
        done_before_due: 1,
        done_period_unknown: 1,
        share_done: 0.6,
        pct_done: 60,
        pct_done_whole: 60,
        share_on_time: 0.4,
        pct_on_time: 40,
        pct_on_time_whole: 40,
      },
    ]);

    // Item by item as of 16.07: «4.» reported done on 20.07 is still in work; days overdue of «3.»
    // = 16.07 − 30.06 = 16; «5.» is counted apart, neither due nor overdue.
    const items = await fx.rows(
      `SELECT item_no, due_state, due, status, done_at::VARCHAR AS done_at, done, done_on_time, overdue, days_overdue
       FROM roadmap_items WHERE year = 2026 AND as_of = DATE '2026-07-16' ORDER BY item_order`,
    );
    expect(items).toEqual([
      {
        item_no: '1.',
        due_state: 'срок наступил',
        due: true,
        status: 'выполнено',
        done_at: '2026-01-20',
        done: true,
        done_on_time: true,
        overdue: false,
        days_overdue: null,
      },
      {
        item_no: '2.',
        due_state: 'срок наступил',
        due: true,
        status: 'выполнено',
        done_at: '2026-04-10',
        done: true,
        done_on_time: false,
        overdue: false,
        days_overdue: null,
      },
      {
        item_no: '3.',
        due_state: 'срок наступил',
        due: true,
        status: 'в работе',
        done_at: null,
        done: false,
        done_on_time: false,
        overdue: true,
        days_overdue: 16,
      },
      {
        item_no: '4.',
        due_state: 'срок не наступил',
        due: false,
        status: 'в работе',
        done_at: null,
        done: false,
        done_on_time: false,
        overdue: false,
        days_overdue: null,
      },
      {
        item_no: '5.',
        due_state: 'срок не распознан',
        due: null,
        status: 'выполнено',
        done_at: '2026-02-01',
        done: true,
        done_on_time: null,
        overdue: null,
        days_overdue: null,
      },
      {
        item_no: '6.',
        due_state: 'срок не наступил',
        due: false,
        status: 'не выполнено',
        done_at: null,
        done: false,
        done_on_time: false,
        overdue: false,
        days_overdue: null,
      },
      {
        item_no: '7.',
        due_state: 'срок не наступил',
        due: false,
        status: 'выполнено',
        done_at: '2026-03-01',
        done: true,
        done_on_time: true,
        overdue: false,
        days_overdue: null,
      },
      {
        item_no: '33',
        due_state: 'срок не наступил',
        due: false,
        status: 'нет сведений',
        done_at: null,
        done: false,
        done_on_time: false,
        overdue: false,
        days_overdue: null,
      },
    ]);

    // The overdue list as of 31.10 with executors: «3.» 31.10 − 30.06 = 123 days, «6.» 31 days.
    expect(
      await fx.rows(
        `SELECT item_no, executor, days_overdue FROM roadmap_items
         WHERE year = 2026 AND as_of = DATE '2026-10-31' AND overdue ORDER BY item_order`,
      ),
    ).toEqual([
      { item_no: '3.', executor: 'Исполнитель 3.', days_overdue: 123 },
      { item_no: '6.', executor: 'Исполнитель 6.', days_overdue: 31 },
    ]);

    const tests = await fx.test(at(2026, '2026-10-31'), ['roadmap', 'roadmap_items', 'int_roadmap_items']);
    expect(tests.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);
  });

  it('reads the older status file for an earlier date', async () => {
    await loadRoadmap();
    await fx.run(at(2026, '2026-06-10'), ROADMAP_MARTS);
    // As of 10.06 status v1 is in force (v2 is dated 15.07): due = 1, 2 (ends ≤ 10.06);
    // done of due = 1 only, «2.» is overdue (in work in v1); 5 is in work, 7 not yet reported.
    expect(await summary('2026-06-10')).toMatchObject([
      {
        items: 8,
        due: 2,
        done: 1,
        done_of_due: 1,
        done_on_time: 1,
        overdue: 1,
        pct_done: 50,
        pct_on_time: 50,
      },
    ]);
    expect(
      await fx.rows(
        `SELECT item_no, status, days_overdue FROM roadmap_items
         WHERE year = 2026 AND as_of = DATE '2026-06-10' AND overdue`,
      ),
    ).toEqual([{ item_no: '2.', status: 'в работе', days_overdue: 71 }]);
  });

  it('a roadmap of another year is not counted; repeated item numbers in one file are flagged', async () => {
    await loadRoadmap();
    // A multi-year map loaded as one file (DOMAIN §3.6: section rows «2021 год», numbering «33»
    // again in the next section) shows up as a repeated number within one version.
    await fx.load('roadmap', '2026-03-20', [
      { ...item('33', 'март', '2026-03-01', '2026-03-31'), roadmap_code: 'Региональная программа' },
      { ...item('33', 'апрель', '2026-04-01', '2026-04-30'), roadmap_code: 'Региональная программа' },
    ]);
    await fx.load('roadmap', '2022-03-31', [
      { ...item('1.', 'январь', '2022-01-01', '2022-01-31'), year: 2022 },
    ]);
    await fx.run(at(2026, '2026-10-31'), ROADMAP_MARTS);
    expect(
      await fx.rows(
        `SELECT roadmap_code, items FROM roadmap WHERE as_of = DATE '2026-10-31' ORDER BY roadmap_code`,
      ),
    ).toEqual([
      { roadmap_code: '500+', items: 8 },
      { roadmap_code: 'Региональная программа', items: 1 },
    ]);
    const tests = await fx.test(at(2026, '2026-10-31'), ['roadmap_items']);
    expect(tests.find((t) => t.test === 'item_numbers_unique_in_file')).toMatchObject({
      status: 'fail',
      severity: 'warn',
      failures: 1,
    });
    expect(tests.filter((t) => t.severity === 'error' && t.status !== 'pass')).toEqual([]);
  });
});

describe('expert review of documents (DOMAIN §4.10)', () => {
  const fx = fixtureWarehouse();

  const score = (
    n: number,
    doc_type: string,
    factor_code: number | null,
    k1: number,
    k2: number,
    round = 'июнь',
  ): FixtureRow[] =>
    [
      ['Критерий 1', k1],
      ['Критерий 2', k2],
    ].map(([criterion, s]) => ({
      year: 2026,
      round,
      school_login: `sch05000${n}`,
      doc_type,
      factor_code,
      criterion,
      score: s,
      max_score: 2,
    }));

  /**
   * Documents of June (two criteria, 2 points each, a document's maximum is 4):
   * 1 концепция 2+1 = 3 (75 %); 1 антирисковая «1» 1+1 = 2 (50 %, exactly half: meets);
   * 1 антирисковая «8» 0+1 = 1 (25 %, below); 2 концепция 0+1 = 1 (25 %, below);
   * 3 концепция 2+2 = 4 (100 %); 4 концепция 1+0 = 1 (25 %, below). November: 2 концепция 2+2.
   */
  async function loadReview() {
    await fx.load('schools', '2026-01-01', REGISTRY);
    await fx.load('expert_review', '2026-07-10', [
      ...score(1, 'концепция развития', null, 2, 1),
      ...score(1, 'антирисковая программа', 1, 1, 1),
      ...score(1, 'антирисковая программа', 8, 0, 1),
      ...score(2, 'концепция развития', null, 0, 1),
      ...score(3, 'концепция развития', null, 2, 2),
      ...score(4, 'концепция развития', null, 1, 0),
      ...score(2, 'концепция развития', null, 2, 2, 'ноябрь'),
    ]);
  }

  it('lists the documents below half of the maximum, by municipality', async () => {
    await loadReview();
    const params = at(2026, '2026-12-20');
    await fx.run(params, REVIEW_MARTS);
    expect(
      await fx.rows(
        `SELECT round, municipality, school_login, doc_type, factor_code, factor_short_name, score, max_score, score_pct
         FROM expert_review_schools WHERE as_of = DATE '2026-12-20' AND NOT met
         ORDER BY round, municipality, school_login, doc_type, factor_code`,
      ),
    ).toEqual([
      {
        round: 'июнь',
        municipality: 'Город А',
        school_login: 'sch050001',
        doc_type: 'антирисковая программа',
        factor_code: 8,
        factor_short_name: 'Учебная неуспешность',
        score: 1,
        max_score: 4,
        score_pct: 25,
      },
      {
        round: 'июнь',
        municipality: 'Город А',
        school_login: 'sch050002',
        doc_type: 'концепция развития',
        factor_code: null,
        factor_short_name: null,
        score: 1,
        max_score: 4,
        score_pct: 25,
      },
      {
        round: 'июнь',
        municipality: 'Район Б',
        school_login: 'sch050004',
        doc_type: 'концепция развития',
        factor_code: null,
        factor_short_name: null,
        score: 1,
        max_score: 4,
        score_pct: 25,
      },
    ]);
    // Exactly half meets: sch050001's антирисковая «1» (2 of 4).
    expect(
      await fx.rows(
        `SELECT met, score_pct, min_pct FROM expert_review_schools
         WHERE as_of = DATE '2026-12-20' AND school_login = 'sch050001' AND factor_code = 1`,
      ),
    ).toEqual([{ met: true, score_pct: 50, min_pct: 50 }]);

    // June, концепция, whole document, region: 4 documents, scores 3 + 1 + 4 + 1 = 9 of 16;
    // mean of 75, 25, 100, 25 = 56.25 → 56.3 %; below: schools 2 and 4 → 2 of 4 = 50 %.
    // Город А: 75 and 25 → 50 %, 1 below; Район Б: 100 and 25 → 62.5 %, 1 below.
    // Criterion 1: 2, 0, 2, 1 of 2 → (100 + 0 + 100 + 50) / 4 = 62.5 %, below: school 2 (0 < 1).
    // Criterion 2: 1, 1, 2, 0 → (50 + 50 + 100 + 0) / 4 = 50 %, below: school 4.
    const concept = await fx.rows(
      `SELECT criterion, scope, municipality, schools, documents, score_sum, max_score_sum,
              mean_score_pct, documents_below, schools_below, share_below
       FROM expert_review_scores
       WHERE as_of = DATE '2026-12-20' AND round = 'июнь' AND doc_type = 'концепция развития'
       ORDER BY is_total, criterion, scope DESC, municipality`,
    );
    expect(concept).toEqual([
      {
        criterion: 'Критерий 1',
        scope: 'region',
        municipality: null,
        schools: 4,
        documents: 4,
        score_sum: 5,
        max_score_sum: 8,
        mean_score_pct: 62.5,
        documents_below: 1,
        schools_below: 1,
        share_below: 0.25,
      },
      {
        criterion: 'Критерий 1',
        scope: 'municipality',
        municipality: 'Город А',
        schools: 2,
        documents: 2,
        score_sum: 2,
        max_score_sum: 4,
        mean_score_pct: 50,
        documents_below: 1,
        schools_below: 1,
        share_below: 0.5,
      },
      {
        criterion: 'Критерий 1',
        scope: 'municipality',
        municipality: 'Район Б',
        schools: 2,
        documents: 2,
        score_sum: 3,
        max_score_sum: 4,
        mean_score_pct: 75,
        documents_below: 0,
        schools_below: 0,
        share_below: 0,
      },
      {
        criterion: 'Критерий 2',
        scope: 'region',
        municipality: null,
        schools: 4,
        documents: 4,
        score_sum: 4,
        max_score_sum: 8,
        mean_score_pct: 50,
        documents_below: 1,
        schools_below: 1,
        share_below: 0.25,
      },
      {
        criterion: 'Критерий 2',
        scope: 'municipality',
        municipality: 'Город А',
        schools: 2,
        documents: 2,
        score_sum: 2,
        max_score_sum: 4,
        mean_score_pct: 50,
        documents_below: 0,
        schools_below: 0,
        share_below: 0,
      },
      {
        criterion: 'Критерий 2',
        scope: 'municipality',
        municipality: 'Район Б',
        schools: 2,
        documents: 2,
        score_sum: 2,
        max_score_sum: 4,
        mean_score_pct: 50,
        documents_below: 1,
        schools_below: 1,
        share_below: 0.5,
      },
      {
        criterion: 'Итого по документу',
        scope: 'region',
        municipality: null,
        schools: 4,
        documents: 4,
        score_sum: 9,
        max_score_sum: 16,
        mean_score_pct: 56.3,
        documents_below: 2,
        schools_below: 2,
        share_below: 0.5,
      },
      {
        criterion: 'Итого по документу',
        scope: 'municipality',
        municipality: 'Город А',
        schools: 2,
        documents: 2,
        score_sum: 4,
        max_score_sum: 8,
        mean_score_pct: 50,
        documents_below: 1,
        schools_below: 1,
        share_below: 0.5,
      },
      {
        criterion: 'Итого по документу',
        scope: 'municipality',
        municipality: 'Район Б',
        schools: 2,
        documents: 2,
        score_sum: 5,
        max_score_sum: 8,
        mean_score_pct: 62.5,
        documents_below: 1,
        schools_below: 1,
        share_below: 0.5,
      },
    ]);
    // June, антирисковая, whole document: 2 documents of one school, (50 + 25) / 2 = 37.5 %, 1 below.
    // November: one концепция, 100 %, none below — rounds are never pooled.
    expect(
      await fx.rows(
        `SELECT round, doc_type, schools, documents, mean_score_pct, documents_below
         FROM expert_review_scores
         WHERE as_of = DATE '2026-12-20' AND scope = 'region' AND is_total
           AND (round = 'ноябрь' OR doc_type = 'антирисковая программа') ORDER BY round`,
      ),
    ).toEqual([
      {
        round: 'июнь',
        doc_type: 'антирисковая программа',
        schools: 1,
        documents: 2,
        mean_score_pct: 37.5,
        documents_below: 1,
      },
      {
        round: 'ноябрь',
        doc_type: 'концепция развития',
        schools: 1,
        documents: 1,
        mean_score_pct: 100,
        documents_below: 0,
      },
    ]);

    const tests = await fx.test(params, [
      'expert_review_scores',
      'expert_review_schools',
      'int_review_documents',
    ]);
    expect(tests.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);
  });

  it('takes the threshold from the reference table expert_review_rule', async () => {
    await loadReview();
    // A region that asks for 80 % of the maximum for the Концепция: sch050001's (75 %) falls below
    // too, 100 % still meets; the антирисковые keep 50 %, so «1» (exactly 50 %) still meets.
    await syncReferenceTables(fx.wh);
    await fx.wh.run("UPDATE ref_expert_review_rule SET min_pct = 80 WHERE doc_type = 'концепция развития'");
    await fx.run(at(2026, '2026-12-20'), REVIEW_MARTS);
    expect(
      await fx.rows(
        `SELECT school_login, doc_type, factor_code FROM expert_review_schools
         WHERE round = 'июнь' AND NOT met ORDER BY school_login, doc_type, factor_code`,
      ),
    ).toEqual([
      { school_login: 'sch050001', doc_type: 'антирисковая программа', factor_code: 8 },
      { school_login: 'sch050001', doc_type: 'концепция развития', factor_code: null },
      { school_login: 'sch050002', doc_type: 'концепция развития', factor_code: null },
      { school_login: 'sch050004', doc_type: 'концепция развития', factor_code: null },
    ]);
  });

  it('a score above its maximum fails an error-level data test', async () => {
    await fx.load('schools', '2026-01-01', REGISTRY);
    await fx.load('expert_review', '2026-07-10', score(1, 'концепция развития', null, 2, 3));
    const params = at(2026, '2026-12-20');
    await fx.run(params, REVIEW_MARTS);
    const failed = (await fx.test(params, ['expert_review_schools', 'expert_review_scores'])).filter(
      (t) => t.status === 'fail' && t.severity === 'error',
    );
    expect(failed.map((t) => `${t.model}.${t.test}`).sort()).toEqual(
      [
        'expert_review_schools.accepted_range_score_share',
        'expert_review_schools.accepted_range_score_pct',
        'expert_review_schools.score_le_max',
        'expert_review_scores.accepted_range_mean_score_pct',
        'expert_review_scores.accepted_range_mean_score_share',
        'expert_review_scores.score_le_max',
      ].sort(),
    );
  });
});

describe('outcome: leaving the ШНОР list (DOMAIN §4.11)', () => {
  const fx = fixtureWarehouse();

  const participant = (year: number, n: number, cohort: number): FixtureRow => ({
    year,
    school_login: `sch05000${n}`,
    cohort,
  });
  const listed = (year: number, ...ns: number[]): FixtureRow[] =>
    ns.map((n) => ({ year, school_login: `sch05000${n}` }));

  /**
   * Participants 2025 (dated 01.03.2025): 1, 2, 3 of cohort 2025, 5 of cohort 2024.
   * Participants 2026 (dated 01.03.2026): 2, 3 of cohort 2025, 4 of cohort 2026 (1 and 5 left the project).
   * ШНОР list 2025 (15.01.2025): 1, 2, 4, 5. List 2026 (15.01.2026): 2, 4 and a non-participant 9.
   */
  async function loadExit() {
    await fx.load('schools', '2025-01-01', REGISTRY);
    await fx.load('participants', '2025-03-01', [
      participant(2025, 1, 2025),
      participant(2025, 2, 2025),
      participant(2025, 3, 2025),
      participant(2025, 5, 2024),
    ]);
    await fx.load('participants', '2026-03-01', [
      participant(2026, 2, 2025),
      participant(2026, 3, 2025),
      participant(2026, 4, 2026),
    ]);
    await fx.load('shnor_list', '2025-01-15', listed(2025, 1, 2, 4, 5));
    await fx.load('shnor_list', '2026-01-15', listed(2026, 2, 4, 9));
  }

  it('gives the share that left the list per cohort, a school that left and one that stayed', async () => {
    await loadExit();
    const params = at(2026, '2026-10-31');
    await fx.run(params, EXIT_MARTS);
    // Cohort 2024: school 5 was in list 2025, not in 2026 → 1 of 1 left (100 %).
    // Cohort 2025: 1 and 2 were in list 2025 (3 was not: not counted); 1 left, 2 stayed → 1 of 2 = 50 %.
    //   Город А: 1 and 2 → 1 of 2; Район Б: school 3 only, not in list 2025 → base 0, no share.
    // Cohort 2026 entered in the list year itself: no row.
    expect(
      await fx.rows(
        `SELECT cohort, scope, municipality, list_available, cohort_schools, in_prev_list, stayed, left_list,
                share_left, pct_left, pct_left_whole, left_list_and_project, participants_in_year
         FROM shnor_exit WHERE as_of = DATE '2026-10-31' ORDER BY cohort, scope DESC, municipality`,
      ),
    ).toEqual([
      {
        cohort: 2024,
        scope: 'region',
        municipality: null,
        list_available: true,
        cohort_schools: 1,
        in_prev_list: 1,
        stayed: 0,
        left_list: 1,
        share_left: 1,
        pct_left: 100,
        pct_left_whole: 100,
        left_list_and_project: 1,
        participants_in_year: 0,
      },
      {
        cohort: 2024,
        scope: 'municipality',
        municipality: 'Район Б',
        list_available: true,
        cohort_schools: 1,
        in_prev_list: 1,
        stayed: 0,
        left_list: 1,
        share_left: 1,
        pct_left: 100,
        pct_left_whole: 100,
        left_list_and_project: 1,
        participants_in_year: 0,
      },
      {
        cohort: 2025,
        scope: 'region',
        municipality: null,
        list_available: true,
        cohort_schools: 3,
        in_prev_list: 2,
        stayed: 1,
        left_list: 1,
        share_left: 0.5,
        pct_left: 50,
        pct_left_whole: 50,
        left_list_and_project: 1,
        participants_in_year: 2,
      },
      {
        cohort: 2025,
        scope: 'municipality',
        municipality: 'Город А',
        list_available: true,
        cohort_schools: 2,
        in_prev_list: 2,
        stayed: 1,
        left_list: 1,
        share_left: 0.5,
        pct_left: 50,
        pct_left_whole: 50,
        left_list_and_project: 1,
        participants_in_year: 1,
      },
      {
        cohort: 2025,
        scope: 'municipality',
        municipality: 'Район Б',
        list_available: true,
        cohort_schools: 1,
        in_prev_list: 0,
        stayed: 0,
        left_list: 0,
        share_left: null,
        pct_left: null,
        pct_left_whole: null,
        left_list_and_project: 0,
        participants_in_year: 1,
      },
    ]);
    expect(
      await fx.rows(
        `SELECT cohort, school_login, in_prev_list, in_list, met, participant_in_year
         FROM shnor_exit_schools WHERE as_of = DATE '2026-10-31' ORDER BY cohort, school_login`,
      ),
    ).toEqual([
      {
        cohort: 2024,
        school_login: 'sch050005',
        in_prev_list: true,
        in_list: false,
        met: true,
        participant_in_year: false,
      },
      {
        cohort: 2025,
        school_login: 'sch050001',
        in_prev_list: true,
        in_list: false,
        met: true,
        participant_in_year: false,
      },
      {
        cohort: 2025,
        school_login: 'sch050002',
        in_prev_list: true,
        in_list: true,
        met: false,
        participant_in_year: true,
      },
      {
        cohort: 2025,
        school_login: 'sch050003',
        in_prev_list: false,
        in_list: false,
        met: null,
        participant_in_year: true,
      },
    ]);
    const tests = await fx.test(params, ['shnor_exit', 'shnor_exit_schools', 'int_exit_cohort_schools']);
    expect(tests.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);
  });

  it('says the list of the year is missing instead of reporting 0 % leaving', async () => {
    await loadExit();
    // As of 31.12.2025 the 2026 list (dated 15.01.2026) is not loaded yet; only the 2025
    // participants are. Cohort 2025: 2 schools in list 2025, leaving unknown.
    const params = at(2026, '2025-12-31');
    await fx.run(params, EXIT_MARTS);
    expect(
      await fx.rows(
        `SELECT cohort, list_available, prev_list_available, cohort_schools, in_prev_list, stayed, left_list, share_left, pct_left
         FROM shnor_exit WHERE as_of = DATE '2025-12-31' AND scope = 'region' ORDER BY cohort`,
      ),
    ).toEqual([
      {
        cohort: 2024,
        list_available: false,
        prev_list_available: true,
        cohort_schools: 1,
        in_prev_list: 1,
        stayed: null,
        left_list: null,
        share_left: null,
        pct_left: null,
      },
      {
        cohort: 2025,
        list_available: false,
        prev_list_available: true,
        cohort_schools: 3,
        in_prev_list: 2,
        stayed: null,
        left_list: null,
        share_left: null,
        pct_left: null,
      },
    ]);
    // No school is on the «not met» list while the answer is unknown.
    expect(
      await fx.rows(
        `SELECT count(*) AS n FROM shnor_exit_schools WHERE as_of = DATE '2025-12-31' AND met IS NOT NULL`,
      ),
    ).toEqual([{ n: 0 }]);
    const tests = await fx.test(params, ['shnor_exit', 'shnor_exit_schools']);
    expect(tests.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);

    // The data test that guards it fails on a mart claiming 0 % without the list.
    await fx.wh.run(
      "UPDATE shnor_exit SET left_list = 0, share_left = 0 WHERE as_of = DATE '2025-12-31' AND scope = 'region'",
    );
    const broken = await fx.test(params, ['shnor_exit']);
    expect(broken.find((t) => t.test === 'no_outcome_without_list')).toMatchObject({
      status: 'fail',
      severity: 'error',
      failures: 2,
    });
  });
});
