import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/models/project.js';
import { runModels } from '../../src/models/run-models.js';
import { selectModels } from '../../src/models/select.js';
import { type FixtureRow, fixtureWarehouse } from '../helpers/fixture-warehouse.js';

/*
 * DOMAIN §4.1 (control indicators) and §4.8 (monitoring of positive changes) on a hand-built region.
 *
 * Six schools, two municipalities: «Район А» (01): sch050001–003, «Район Б» (02): sch050004–006.
 * Participants 2026: sch050006 is included on 15.05.2026, so it is outside the denominator as of
 * 30.04.2026 (5 participants: А 3, Б 2) and inside it from 31.05.2026 (6: А 3, Б 3).
 *
 * What each school has, and why it meets an indicator as of D1 = 30.04.2026 or not:
 *   curator     1 assigned 20.02 ✓; 2 assigned 10.05 (after D1) ✗; 3 named, no date ✓; 4 nobody ✗;
 *               5 assigned 01.03 ✓                                           → 3 (А 2, Б 1)
 *   surveys     1 all four groups ✓; 2 родители 5 of 10 ✗; 3 учителя with no expected count, 3
 *               filled ✓; 4 no row for родители ✗; 5 ученики: no expected count, 0 filled ✗
 *                                                                            → 2 (А 2, Б 0)
 *   seminar     установочный семинар 18.02: 1 очно ✓, 2 дистанционно (очно only at a вебинар) ✗,
 *               3 дистанционно ✗, 4 очно ✓; 5 очно only at a second семинар on 20.05 ✗
 *                                                                            → 2 (А 1, Б 1)
 *   visited     1 on 10.03 ✓; 2 on 15.03 and 10.04 ✓; 4 only on 05.05 ✗; 5 only in 2025 ✗
 *                                                                            → 2 (А 2, Б 0)
 *   directions  1 {1, 8} ✓; 2 {1} without a date ✓; 3 {8} activated 05.05 ✗ (and 2 not activated);
 *               4 {1, 8} ✓; 5 {10} ✓                                         → 4 (А 2, Б 2)
 *   documents   (version of 15.04) 1 antirisk 8 «на доработке» ✗; 2 all three «согласовано» ✓;
 *               3 no direction ✗; 4 two directions, one антирисковая ✗; 5 antirisk 10
 *               «согласовано» on 05.05 (after D1) ✗                           → 1 (А 1, Б 0)
 *   monitoring  nothing reported yet                                          → 0 and 0
 */

const SCHOOLS: FixtureRow[] = [1, 2, 3, 4, 5, 6].map((n) => ({
  school_login: `sch05000${n}`,
  school_name: `МКОУ «СОШ № ${n}»`,
  municipality: n <= 3 ? 'Район А' : 'Район Б',
  municipality_code: n <= 3 ? '01' : '02',
}));

const participant = (n: number, extra: FixtureRow): FixtureRow => ({
  year: 2026,
  school_login: `sch05000${n}`,
  cohort: 2026,
  included_at: '2026-01-20',
  ...extra,
});

const PARTICIPANTS: FixtureRow[] = [
  participant(1, { curator_name: 'Иванов И. И.', curator_assigned_at: '2026-02-20' }),
  participant(2, { curator_name: 'Петров П. П.', curator_assigned_at: '2026-05-10' }),
  participant(3, { curator_name: 'Сидорова С. С.', curator_assigned_at: null }),
  participant(4, { curator_name: null, curator_assigned_at: null }),
  participant(5, { curator_name: 'Алиев А. А.', curator_assigned_at: '2026-03-01', included_at: null }),
  participant(6, {
    curator_name: 'Иванов И. И.',
    curator_assigned_at: '2026-05-15',
    included_at: '2026-05-15',
  }),
];

const GROUPS = ['директор', 'учителя', 'ученики', 'родители'];
const survey = (n: number, group: string, expected: number | null, completed: number): FixtureRow => ({
  year: 2026,
  school_login: `sch05000${n}`,
  respondent_group: group,
  expected,
  completed,
});
const SURVEYS: FixtureRow[] = [
  ...GROUPS.map((g) => survey(1, g, 10, 12)),
  ...GROUPS.map((g) => survey(2, g, 10, g === 'родители' ? 5 : 10)),
  ...GROUPS.map((g) => survey(3, g, g === 'учителя' ? null : 4, g === 'учителя' ? 3 : 4)),
  ...GROUPS.filter((g) => g !== 'родители').map((g) => survey(4, g, 2, 2)),
  ...GROUPS.map((g) => survey(5, g, g === 'ученики' ? null : 1, g === 'ученики' ? 0 : 1)),
  ...GROUPS.map((g) => survey(6, g, 1, 1)),
];

const event = (id: string, kind: string, date: string, n: number, attendance: string): FixtureRow => ({
  event_id: id,
  event_name: `${kind} ${id}`,
  event_kind: kind,
  event_date: date,
  school_login: `sch05000${n}`,
  attendance,
});
const EVENTS: FixtureRow[] = [
  event('С26-01', 'Установочный  семинар', '2026-02-18', 1, 'очно'),
  event('С26-01', 'Установочный  семинар', '2026-02-18', 2, 'дистанционно'),
  event('С26-01', 'Установочный  семинар', '2026-02-18', 3, 'дистанционно'),
  event('С26-01', 'Установочный  семинар', '2026-02-18', 4, 'очно'),
  event('С26-01', 'Установочный  семинар', '2026-02-18', 6, 'очно'),
  event('В26-01', 'вебинар', '2026-03-12', 2, 'очно'),
  event('С26-02', 'установочный семинар', '2026-05-20', 5, 'очно'),
];

const visit = (n: number, date: string): FixtureRow => ({
  school_login: `sch05000${n}`,
  curator_name: 'Иванов И. И.',
  visit_date: date,
  visit_kind: 'плановое',
});

const direction = (n: number, factor: number, activated: boolean, at: string | null): FixtureRow => ({
  year: 2026,
  school_login: `sch05000${n}`,
  factor_code: factor,
  activated,
  activated_at: at,
  verified_by_curator: activated,
});
const DIRECTIONS: FixtureRow[] = [
  direction(1, 1, true, '2026-03-05'),
  direction(1, 8, true, '2026-03-06'),
  direction(1, 10, false, null),
  direction(2, 1, true, null),
  direction(3, 8, true, '2026-05-05'),
  direction(3, 2, false, null),
  direction(4, 1, true, '2026-03-10'),
  direction(4, 8, true, '2026-03-11'),
  direction(5, 10, true, '2026-03-12'),
];

const CONCEPT = 'концепция развития';
const PROGRAMME = 'среднесрочная программа развития';
const ANTIRISK = 'антирисковая программа';
const doc = (n: number, type: string, factor: number | null, status: string | null, at: string | null) => ({
  year: 2026,
  school_login: `sch05000${n}`,
  doc_type: type,
  factor_code: factor,
  uploaded_at: '2026-04-01',
  curator_status: status,
  curator_status_at: at,
});
/** medk_documents as of 15.04.2026 (see the table above). */
const DOCUMENTS_APRIL: FixtureRow[] = [
  doc(1, CONCEPT, null, 'согласовано', '2026-04-10'),
  doc(1, PROGRAMME, null, 'согласовано', '2026-04-10'),
  doc(1, ANTIRISK, 1, 'согласовано', '2026-04-12'),
  doc(1, ANTIRISK, 8, 'на доработке', '2026-04-12'),
  doc(2, CONCEPT, null, 'согласовано', '2026-04-05'),
  doc(2, PROGRAMME, null, 'согласовано', '2026-04-05'),
  doc(2, ANTIRISK, 1, 'согласовано', '2026-04-06'),
  doc(3, CONCEPT, null, 'согласовано', '2026-04-07'),
  doc(3, PROGRAMME, null, 'согласовано', '2026-04-07'),
  doc(4, CONCEPT, null, 'согласовано', '2026-04-01'),
  doc(4, PROGRAMME, null, 'согласовано', '2026-04-01'),
  doc(4, ANTIRISK, 1, 'согласовано', '2026-04-02'),
  doc(5, CONCEPT, null, 'согласовано', '2026-04-08'),
  doc(5, PROGRAMME, null, 'согласовано', '2026-04-08'),
  doc(5, ANTIRISK, 10, 'согласовано', '2026-05-05'),
];
/**
 * medk_documents as of 20.05.2026: school 1's programme for direction 8 is now «согласовано» (18.05).
 * As of 31.05.2026 (6 participants): 1 ✓, 2 ✓, 5 ✓ (its 05.05 approval is now before the date);
 * 3 ✗ (direction 8, activated 05.05, has no programme), 4 ✗, 6 ✗ (nothing)  → 3.
 */
const DOCUMENTS_MAY: FixtureRow[] = DOCUMENTS_APRIL.map((r) =>
  r.school_login === 'sch050001' && r.factor_code === 8
    ? { ...r, curator_status: 'согласовано', curator_status_at: '2026-05-18' }
    : r,
);

/*
 * Monitoring, read as of D3 = 01.12.2026 (6 participants; school 3 now has direction 8).
 * Activated: 1 {1, 8}, 2 {1}, 3 {8}, 4 {1, 8}, 5 {10}, 6 none — 7 directions.
 *
 * Stage 1                     confirmed   moved toward target
 *   1 / 1  20 → 30, actual 25   yes        yes (values)
 *   1 / 8  15 → 10, actual 12   yes        yes (values, lower is better)
 *   2 / 1  20 → 30, actual 18   no         no
 *   3 / 8  no values, mark «да» yes        yes (the school's mark)
 *   4 / 1  20 → 30, actual 20   yes        no (did not move)
 *   4 / 8  not reported         —          —
 *   5 / 10 two indicators: 40 → 50 actual 45 (confirmed), 40 → 40 actual 42 mark «нет»
 *          (not confirmed)      no         no (one of two)
 *   schools with every direction confirmed: 1, 3 → 2 (А 2, Б 0); reported all: 1, 2, 3, 5 → 4
 *   directions: reported 6, confirmed 4, moved 3
 *
 * Stage 2
 *   1 / 1  actual 28            yes        yes
 *   1 / 8  actual 16            yes        no (moved away)
 *   2 / 1  actual 26            yes        yes
 *   3 / 8  no values, no mark   no         unknown
 *   4 / 1  actual 27            yes        yes
 *   4 / 8  20 → 12, actual 15   yes        yes
 *   5 / 10 not reported         —          —
 *   schools with every direction confirmed: 1, 2, 4 → 3 (А 2, Б 1); reported all: 1, 2, 3, 4 → 4
 *   directions: reported 6, confirmed 5, moved 4
 *
 * Verdict (default rule: stage 2, every direction confirmed): 1, 2, 4 «положительная тенденция»;
 * 3, 5 not confirmed; 6 no direction → 3 of 6 = 50 % (А 2 of 3 = 66,7 %, Б 1 of 3 = 33,3 %).
 */
const mon = (
  stage: number,
  n: number,
  factor: number,
  values: [number | null, number | null, number | null],
  positive: boolean | null,
  confirmed: boolean,
  indicator = 'Показатель',
): FixtureRow => ({
  year: 2026,
  stage,
  school_login: `sch05000${n}`,
  factor_code: factor,
  indicator,
  baseline_value: values[0],
  target_value: values[1],
  actual_value: values[2],
  positive_change: positive,
  confirmed_by_curator: confirmed,
  submitted_at: stage === 1 ? '2026-06-10' : '2026-11-10',
});
const STAGE1: FixtureRow[] = [
  mon(1, 1, 1, [20, 30, 25], true, true),
  mon(1, 1, 8, [15, 10, 12], true, true),
  mon(1, 2, 1, [20, 30, 18], false, false),
  mon(1, 3, 8, [null, null, null], true, true),
  mon(1, 4, 1, [20, 30, 20], false, true),
  mon(1, 5, 10, [40, 50, 45], true, true, 'Показатель А'),
  mon(1, 5, 10, [40, 40, 42], false, false, 'Показатель Б'),
];
const STAGE2: FixtureRow[] = [
  mon(2, 1, 1, [20, 30, 28], true, true),
  mon(2, 1, 8, [15, 10, 16], false, true),
  mon(2, 2, 1, [20, 30, 26], true, true),
  mon(2, 3, 8, [null, null, null], null, false),
  mon(2, 4, 1, [20, 30, 27], true, true),
  mon(2, 4, 8, [20, 12, 15], true, true),
];

const D1 = { year: 2026, asOf: '2026-04-30' };
const D2 = { year: 2026, asOf: '2026-05-31' };
const D3 = { year: 2026, asOf: '2026-12-01' };
const MARTS = ['+control_indicators', '+monitoring'];

type Fx = ReturnType<typeof fixtureWarehouse>;

async function loadRegion(fx: Fx, { monitoring = false } = {}): Promise<void> {
  await fx.load('schools', '2026-01-10', SCHOOLS);
  await fx.load('participants', '2026-02-01', PARTICIPANTS);
  await fx.load('survey_status', '2026-02-25', SURVEYS);
  await fx.load('events', '2026-04-20', EVENTS);
  await fx.load('curator_visits', '2025-12-01', [visit(5, '2025-11-10')]);
  await fx.load('curator_visits', '2026-04-20', [
    visit(1, '2026-03-10'),
    visit(2, '2026-03-15'),
    visit(2, '2026-04-10'),
    visit(4, '2026-05-05'),
  ]);
  await fx.load('medk_directions', '2026-04-25', DIRECTIONS);
  await fx.load('medk_documents', '2026-04-15', DOCUMENTS_APRIL);
  if (monitoring) {
    await fx.load('medk_monitoring', '2026-06-30', STAGE1);
    await fx.load('medk_monitoring', '2026-11-30', STAGE2);
  }
}

interface Figure {
  indicator_code: string;
  participants: number;
  met: number;
}

const figures = (fx: Fx, asOf: string, scope = 'region') =>
  fx.rows<Figure & { municipality: string | null }>(
    `SELECT indicator_code, municipality, participants, met FROM control_indicators
     WHERE year = 2026 AND as_of = DATE '${asOf}' AND scope = '${scope}'
     ORDER BY indicator_order, municipality`,
  );

describe('control indicators (DOMAIN §4.1)', () => {
  const fx = fixtureWarehouse();

  it('counts each indicator as worked out by hand, by region and municipality', async () => {
    await loadRegion(fx);
    await fx.run(D1, MARTS);

    expect(await figures(fx, D1.asOf)).toEqual([
      { indicator_code: 'curator_assigned', municipality: null, participants: 5, met: 3 },
      { indicator_code: 'surveys_completed', municipality: null, participants: 5, met: 2 },
      { indicator_code: 'seminar_attended', municipality: null, participants: 5, met: 2 },
      { indicator_code: 'curator_visited', municipality: null, participants: 5, met: 2 },
      { indicator_code: 'directions_activated', municipality: null, participants: 5, met: 4 },
      { indicator_code: 'documents_approved', municipality: null, participants: 5, met: 1 },
      { indicator_code: 'monitoring_stage1_confirmed', municipality: null, participants: 5, met: 0 },
      { indicator_code: 'monitoring_stage2_confirmed', municipality: null, participants: 5, met: 0 },
    ]);

    const byMunicipality = await figures(fx, D1.asOf, 'municipality');
    const pick = (m: string) =>
      byMunicipality
        .filter((r) => r.municipality === m)
        .map((r) => [r.indicator_code, r.participants, r.met]);
    expect(pick('Район А')).toEqual([
      ['curator_assigned', 3, 2],
      ['surveys_completed', 3, 2],
      ['seminar_attended', 3, 1],
      ['curator_visited', 3, 2],
      ['directions_activated', 3, 2],
      ['documents_approved', 3, 1],
      ['monitoring_stage1_confirmed', 3, 0],
      ['monitoring_stage2_confirmed', 3, 0],
    ]);
    expect(pick('Район Б')).toEqual([
      ['curator_assigned', 2, 1],
      ['surveys_completed', 2, 0],
      ['seminar_attended', 2, 1],
      ['curator_visited', 2, 0],
      ['directions_activated', 2, 2],
      ['documents_approved', 2, 0],
      ['monitoring_stage1_confirmed', 2, 0],
      ['monitoring_stage2_confirmed', 2, 0],
    ]);

    // Shares and table percentages: 3 of 5 = 0,6 = 60,0 %; 2 of 3 = 66,7 %.
    const [curator] = await fx.rows<{ share_met: number; pct_met: number; not_met: number }>(
      "SELECT share_met, pct_met, not_met FROM control_indicators_latest WHERE scope = 'region' AND indicator_code = 'curator_assigned'",
    );
    expect(curator).toEqual({ share_met: 0.6, pct_met: 60, not_met: 2 });
    const [surveysA] = await fx.rows<{ pct_met: number; indicator_name: string; indicator_order: number }>(
      "SELECT pct_met, indicator_name, indicator_order FROM control_indicators_latest WHERE municipality = 'Район А' AND indicator_code = 'surveys_completed'",
    );
    expect(surveysA).toEqual({
      pct_met: 66.7,
      indicator_name: 'Анкетирование ФИС ОКО завершено',
      indicator_order: 2,
    });

    // The participant included after the date is in no row at all.
    expect(
      await fx.rows("SELECT * FROM control_indicators_schools_latest WHERE school_login = 'sch050006'"),
    ).toEqual([]);
  });

  it('lists the schools that do not meet each indicator, by municipality, with the reason', async () => {
    await loadRegion(fx);
    await fx.run(D1, MARTS);
    const rows = await fx.rows<{ indicator_code: string; municipality: string; school_login: string }>(
      `SELECT indicator_code, municipality, school_login FROM control_indicators_schools_latest
       WHERE NOT met AND indicator_code NOT LIKE 'monitoring%'
       ORDER BY indicator_order, municipality, school_login`,
    );
    const list = rows.map((r) => `${r.indicator_code} ${r.municipality} ${r.school_login}`);
    expect(list).toEqual([
      'curator_assigned Район А sch050002',
      'curator_assigned Район Б sch050004',
      'surveys_completed Район А sch050002',
      'surveys_completed Район Б sch050004',
      'surveys_completed Район Б sch050005',
      'seminar_attended Район А sch050002',
      'seminar_attended Район А sch050003',
      'seminar_attended Район Б sch050005',
      'curator_visited Район А sch050003',
      'curator_visited Район Б sch050004',
      'curator_visited Район Б sch050005',
      'directions_activated Район А sch050003',
      'documents_approved Район А sch050001',
      'documents_approved Район А sch050003',
      'documents_approved Район Б sch050004',
      'documents_approved Район Б sch050005',
    ]);

    const evidence = Object.fromEntries(
      (
        await fx.rows<{ k: string; evidence: string }>(
          "SELECT indicator_code || ' ' || school_login AS k, evidence FROM control_indicators_schools_latest",
        )
      ).map((r) => [r.k, r.evidence]),
    );
    expect(evidence['curator_assigned sch050002']).toBe(
      'назначение куратора 10.05.2026 — после даты расчёта',
    );
    expect(evidence['curator_assigned sch050003']).toBe('куратор: Сидорова С. С.');
    expect(evidence['surveys_completed sch050002']).toBe('не завершено: родители (5 из 10)');
    expect(evidence['surveys_completed sch050004']).toBe('не завершено: родители (нет данных)');
    expect(evidence['seminar_attended sch050002']).toBe('участие: дистанционно');
    expect(evidence['documents_approved sch050001']).toBe(
      'согласовано 3 из 4; не согласованы: антирисковая программа (Учебная неуспешность) — на доработке',
    );
    expect(evidence['documents_approved sch050004']).toBe(
      'согласовано 3 из 4; не согласованы: антирисковая программа (Учебная неуспешность) — нет в ИС МЭДК',
    );
    expect(evidence['documents_approved sch050005']).toBe(
      'согласовано 2 из 3; не согласованы: антирисковая программа (Мотивация) — согласовано 05.05.2026, после даты расчёта',
    );
    expect(evidence['directions_activated sch050001']).toBe(
      'направлений: 2 (Оснащение, Учебная неуспешность)',
    );
  });

  it('reads medk_documents as of the date: the older version gives the older figure', async () => {
    await loadRegion(fx);
    await fx.load('medk_documents', '2026-05-20', DOCUMENTS_MAY);
    const documents = async (asOf: string) =>
      (await figures(fx, asOf)).find((r) => r.indicator_code === 'documents_approved');

    // Both versions are loaded before either run: the date alone picks the version.
    await fx.run(D1, MARTS);
    await fx.run(D2, MARTS);
    // As of 30.04 the version of 15.04 is read: only school 2 (of 5).
    expect(await documents(D1.asOf)).toMatchObject({ participants: 5, met: 1 });
    // As of 31.05 the version of 20.05: schools 1, 2, 5 (of 6, school 6 now included).
    expect(await documents(D2.asOf)).toMatchObject({ participants: 6, met: 3 });
  });

  it('passes its data tests on the fixture, and a broken row fails them', async () => {
    await loadRegion(fx, { monitoring: true });
    await fx.run(D3, MARTS);
    const results = await fx.test(D3, MARTS);
    const mine = results.filter((t) =>
      /^(control_|monitoring|int_control_|int_monitoring_)/.test(t.model ?? ''),
    );
    expect(mine.length).toBeGreaterThan(40);
    expect(mine.filter((t) => t.status !== 'pass').map((t) => `${t.model}.${t.test}`)).toEqual([]);
    expect(results.filter((t) => t.status !== 'pass' && t.severity === 'error')).toEqual([]);

    // A municipality row that no longer adds up to the region row is caught.
    await fx.wh.run(
      "UPDATE control_indicators SET met = met + 1 WHERE municipality = 'Район Б' AND indicator_code = 'curator_visited'",
    );
    const broken = await fx.test(D3, ['control_indicators']);
    const failed = broken.filter((t) => t.status === 'fail').map((t) => t.test);
    expect(failed).toContain('region_is_sum_of_municipalities');
    expect(failed).toContain('met_le_participants');
  });
});

describe('monitoring of positive changes (DOMAIN §4.8)', () => {
  const fx = fixtureWarehouse();

  it('judges each direction and stage, and counts the control indicators of both stages', async () => {
    await loadRegion(fx, { monitoring: true });
    await fx.run(D3, MARTS);

    const directions = await fx.rows<{
      k: string;
      reported: boolean;
      confirmed_by_curator: boolean;
      moved_toward_target: boolean | null;
    }>(
      `SELECT school_login || '/' || factor_code || '/' || stage AS k, reported, confirmed_by_curator, moved_toward_target
       FROM monitoring_directions_latest ORDER BY school_login, factor_code, stage`,
    );
    expect(directions.map((d) => [d.k, d.reported, d.confirmed_by_curator, d.moved_toward_target])).toEqual([
      ['sch050001/1/1', true, true, true],
      ['sch050001/1/2', true, true, true],
      ['sch050001/8/1', true, true, true],
      ['sch050001/8/2', true, true, false],
      ['sch050002/1/1', true, false, false],
      ['sch050002/1/2', true, true, true],
      ['sch050003/8/1', true, true, true],
      ['sch050003/8/2', true, false, null],
      ['sch050004/1/1', true, true, false],
      ['sch050004/1/2', true, true, true],
      ['sch050004/8/1', false, false, null],
      ['sch050004/8/2', true, true, true],
      ['sch050005/10/1', true, false, false],
      ['sch050005/10/2', false, false, null],
    ]);
    const [two] = await fx.rows(
      `SELECT indicators, indicators_confirmed, indicators_known, indicators_by_values, indicators_moved
       FROM monitoring_directions_latest WHERE school_login = 'sch050005' AND stage = 1`,
    );
    expect(two).toEqual({
      indicators: 2,
      indicators_confirmed: 1,
      indicators_known: 2,
      indicators_by_values: 1,
      indicators_moved: 1,
    });

    const control = (await figures(fx, D3.asOf)).filter((r) => r.indicator_code.startsWith('monitoring'));
    expect(control.map((r) => [r.indicator_code, r.participants, r.met])).toEqual([
      ['monitoring_stage1_confirmed', 6, 2],
      ['monitoring_stage2_confirmed', 6, 3],
    ]);
    const [evidence] = await fx.rows<{ evidence: string }>(
      "SELECT evidence FROM control_indicators_schools_latest WHERE school_login = 'sch050004' AND indicator_code = 'monitoring_stage1_confirmed'",
    );
    expect(evidence.evidence).toBe('подтверждено 1 из 2; не сданы: Учебная неуспешность');
  });

  it('gives each school its verdict by the default rule and the shares by stage', async () => {
    await loadRegion(fx, { monitoring: true });
    await fx.run(D3, MARTS);

    expect(
      await fx.rows(
        `SELECT school_login, directions_activated, confirmed_stage1, confirmed_stage2, moved_stage2, verdict
         FROM monitoring_schools_latest ORDER BY school_login`,
      ),
    ).toEqual([
      {
        school_login: 'sch050001',
        directions_activated: 2,
        confirmed_stage1: 2,
        confirmed_stage2: 2,
        moved_stage2: 1,
        verdict: 'положительная тенденция',
      },
      {
        school_login: 'sch050002',
        directions_activated: 1,
        confirmed_stage1: 0,
        confirmed_stage2: 1,
        moved_stage2: 1,
        verdict: 'положительная тенденция',
      },
      {
        school_login: 'sch050003',
        directions_activated: 1,
        confirmed_stage1: 1,
        confirmed_stage2: 0,
        moved_stage2: 0,
        verdict: 'положительная тенденция не подтверждена',
      },
      {
        school_login: 'sch050004',
        directions_activated: 2,
        confirmed_stage1: 1,
        confirmed_stage2: 2,
        moved_stage2: 2,
        verdict: 'положительная тенденция',
      },
      {
        school_login: 'sch050005',
        directions_activated: 1,
        confirmed_stage1: 0,
        confirmed_stage2: 0,
        moved_stage2: 0,
        verdict: 'положительная тенденция не подтверждена',
      },
      {
        school_login: 'sch050006',
        directions_activated: 0,
        confirmed_stage1: 0,
        confirmed_stage2: 0,
        moved_stage2: 0,
        verdict: 'нет активированных направлений',
      },
    ]);

    const shares = await fx.rows(
      `SELECT scope, municipality, stage, is_verdict_stage, participants, schools_with_directions, schools_reported,
              schools_confirmed, schools_positive_trend, pct_positive_trend,
              directions_activated, directions_reported, directions_confirmed, directions_moved, pct_directions_moved
       FROM monitoring_latest ORDER BY scope DESC, municipality NULLS FIRST, stage`,
    );
    const row = (
      scope: string,
      municipality: string | null,
      stage: number,
      schools: [number, number, number, number, number],
      pctPositive: number,
      dirs: [number, number, number, number],
      pctMoved: number,
    ) => ({
      scope,
      municipality,
      stage,
      is_verdict_stage: stage === 2,
      participants: schools[0],
      schools_with_directions: schools[1],
      schools_reported: schools[2],
      schools_confirmed: schools[3],
      schools_positive_trend: schools[4],
      pct_positive_trend: pctPositive,
      directions_activated: dirs[0],
      directions_reported: dirs[1],
      directions_confirmed: dirs[2],
      directions_moved: dirs[3],
      pct_directions_moved: pctMoved,
    });
    // Region: 2 of 6 = 33,3 %, 3 of 6 = 50 %; directions moved 3 of 7 = 42,9 %, 4 of 7 = 57,1 %.
    // Район А (1, 2, 3; directions 1/1, 1/8, 2/1, 3/8): stage 1 reported all 3, confirmed 1 and 3,
    // moved 1/1, 1/8, 3/8 = 3 of 4; stage 2 confirmed 1 and 2, moved 1/1, 2/1 = 2 of 4.
    // Район Б (4, 5, 6; directions 4/1, 4/8, 5/10): stage 1 reported all only 5, confirmed none,
    // moved 0 of 3; stage 2 reported all only 4, confirmed 4, moved 4/1, 4/8 = 2 of 3.
    // schools: participants, with directions, reported all, confirmed all, positive trend.
    expect(shares).toEqual([
      row('region', null, 1, [6, 5, 4, 2, 2], 33.3, [7, 6, 4, 3], 42.9),
      row('region', null, 2, [6, 5, 4, 3, 3], 50, [7, 6, 5, 4], 57.1),
      row('municipality', 'Район А', 1, [3, 3, 3, 2, 2], 66.7, [4, 4, 3, 3], 75),
      row('municipality', 'Район А', 2, [3, 3, 3, 2, 2], 66.7, [4, 4, 3, 2], 50),
      row('municipality', 'Район Б', 1, [3, 2, 1, 0, 0], 0, [3, 2, 1, 0], 0),
      row('municipality', 'Район Б', 2, [3, 2, 1, 1, 1], 33.3, [3, 2, 2, 2], 66.7),
    ]);
  });

  it('follows the rule a region sets in monitoring_rule', async () => {
    await loadRegion(fx, { monitoring: true });
    await fx.run(D3, MARTS);
    // The region judges by stage 1, with half of the directions confirmed enough:
    // 1 (2 of 2), 3 (1 of 1), 4 (1 of 2) qualify; 2 (0 of 1) and 5 (0 of 1) do not.
    // As if the region had written 1 and 0,5 into sql/seeds/monitoring_rule.csv (a fraction makes
    // the column DOUBLE); the file itself is untouched, so the marts are rebuilt with `full`.
    await fx.wh.run('ALTER TABLE ref_monitoring_rule ALTER value TYPE DOUBLE');
    await fx.wh.run("UPDATE ref_monitoring_rule SET value = 1 WHERE parameter = 'verdict_stage'");
    await fx.wh.run("UPDATE ref_monitoring_rule SET value = 0.5 WHERE parameter = 'min_share_confirmed'");
    const project = loadProject();
    const rebuild = (names: string[]) =>
      runModels(fx.wh, project, D3, { names: selectModels(project, names), full: true });
    await rebuild(['monitoring_schools', 'monitoring']);
    expect(
      await fx.rows(
        'SELECT school_login, verdict_stage, positive_trend FROM monitoring_schools_latest ORDER BY school_login',
      ),
    ).toEqual([
      { school_login: 'sch050001', verdict_stage: 1, positive_trend: true },
      { school_login: 'sch050002', verdict_stage: 1, positive_trend: false },
      { school_login: 'sch050003', verdict_stage: 1, positive_trend: true },
      { school_login: 'sch050004', verdict_stage: 1, positive_trend: true },
      { school_login: 'sch050005', verdict_stage: 1, positive_trend: false },
      { school_login: 'sch050006', verdict_stage: 1, positive_trend: false },
    ]);
    expect(
      await fx.rows(
        "SELECT stage, is_verdict_stage FROM monitoring_latest WHERE scope = 'region' ORDER BY stage",
      ),
    ).toEqual([
      { stage: 1, is_verdict_stage: true },
      { stage: 2, is_verdict_stage: false },
    ]);

    // A rule the marts cannot apply (no stage 3) fails the data tests.
    await fx.wh.run("UPDATE ref_monitoring_rule SET value = 3 WHERE parameter = 'verdict_stage'");
    await rebuild(['monitoring_schools']);
    const results = await fx.test(D3, ['monitoring_schools']);
    const failed = results.filter((t) => t.status === 'fail').map((t) => t.test);
    expect(failed).toContain('rule_parameters_complete');
  });
});
