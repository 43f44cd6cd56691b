import { describe, expect, it } from 'vitest';
import { type Clustering, clusterProfiles, type Profile } from '../../src/models/typescript/kmeans.js';
import { describeClusters, groupName } from '../../src/models/typescript/risk-clusters.js';
import { type FixtureRow, fixtureWarehouse } from '../helpers/fixture-warehouse.js';

// Risk picture, participation, clusters and dominant groups (DOMAIN §4.2, §4.3).

const MARTS = ['+risk_picture', '+risk_participation', '+risk_cluster_summary', '+risk_dominant_groups'];
const Y2026 = { year: 2026, asOf: '2026-10-31' };

const login = (i: number) => `sch05${String(i).padStart(4, '0')}`;

/** Adjusted Rand index of two labelings of the same items (Hubert & Arabie, 1985). */
function adjustedRand(a: (number | string)[], b: (number | string)[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  a.forEach((x, i) => {
    const y = b[i];
    cells.set(`${x}|${y}`, (cells.get(`${x}|${y}`) ?? 0) + 1);
    rows.set(String(x), (rows.get(String(x)) ?? 0) + 1);
    cols.set(String(y), (cols.get(String(y)) ?? 0) + 1);
  });
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const index = sum(cells);
  const rowSum = sum(rows);
  const colSum = sum(cols);
  const expected = (rowSum * colSum) / pairs(a.length);
  const max = (rowSum + colSum) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** A small fixed-seed PRNG of the test's own (an LCG), independent of the model's. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * Three planted groups × 20 schools with the MANIFEST's co-occurring factors: in its group's factors
 * a school is at 3 (60 %), 2 (30 %) or 1 (10 %); elsewhere at 0 (50 %), 1 (35 %) or 2 (15 %).
 */
const PLANTED = [
  [1, 8, 10],
  [2, 3, 5],
  [7, 9],
];
function plantedProfiles(seed = 2026): (Profile & { truth: number })[] {
  const rnd = lcg(seed);
  const out: (Profile & { truth: number })[] = [];
  PLANTED.forEach((high, g) => {
    for (let i = 0; i < 20; i++) {
      const levels = Array.from({ length: 10 }, (_, j) => {
        const u = rnd();
        if (high.includes(j + 1)) return u < 0.6 ? 3 : u < 0.9 ? 2 : 1;
        return u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
      });
      // logins interleave the groups, so the sorted order is not the planted order
      out.push({ login: login(i * 3 + g + 1), levels, truth: g });
    }
  });
  return out;
}

const OPTIONS = { kMin: 2, kMax: 8, minSchools: 10, minSize: 3, restarts: 20 };

/** A deterministic shuffle (Fisher–Yates with the test's PRNG). */
function shuffled<T>(items: T[], seed: number): T[] {
  const rnd = lcg(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('adjusted Rand index (the test helper itself)', () => {
  it('gives the known values', () => {
    // identical up to renaming the labels → 1
    expect(adjustedRand([0, 0, 1, 1, 2, 2], [5, 5, 7, 7, 9, 9])).toBe(1);
    // [0,0,1,1] vs [0,0,1,2]: Σ C(n_ij,2) = 1, rows 2, cols 1, expected 2·1/6 = 1/3, max 3/2
    // → (1 − 1/3) / (3/2 − 1/3) = 4/7 (as sklearn's adjusted_rand_score gives 0.5714…)
    expect(adjustedRand([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    // [0,0,1,1] vs [0,1,0,1]: index 0, expected 2·2/6 = 2/3, max 2 → −(2/3)/(4/3) = −0.5
    expect(adjustedRand([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
});

describe('k-means clustering of РПШ profiles (pure)', () => {
  it('recovers three planted groups (ARI ≥ 0.9) and chooses k = 3 by the silhouette', () => {
    const profiles = plantedProfiles();
    const result = clusterProfiles(profiles, OPTIONS);
    expect(result.k).toBe(3);
    const best = result.tried.reduce((m, t) => (t.silhouette > m.silhouette ? t : m));
    expect(best.k).toBe(3);
    const truth = new Map(profiles.map((p) => [p.login, p.truth]));
    const ari = adjustedRand(
      result.logins.map((l) => truth.get(l) as number),
      result.labels,
    );
    expect(ari).toBeGreaterThanOrEqual(0.9);
    // the same on other planted draws
    for (const seed of [1, 3, 42]) {
      const other = plantedProfiles(seed);
      const r = clusterProfiles(other, OPTIONS);
      const t = new Map(other.map((p) => [p.login, p.truth]));
      expect(r.k).toBe(3);
      expect(
        adjustedRand(
          r.logins.map((l) => t.get(l) as number),
          r.labels,
        ),
      ).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('is deterministic: two runs and any input order give the same assignments', () => {
    const profiles = plantedProfiles();
    const assign = (r: Clustering) => Object.fromEntries(r.logins.map((l, i) => [l, r.labels[i]]));
    const first = clusterProfiles(profiles, OPTIONS);
    const second = clusterProfiles(profiles, OPTIONS);
    expect(assign(second)).toEqual(assign(first));
    expect(second.silhouettes).toEqual(first.silhouettes);
    for (const seed of [7, 8, 9]) {
      const r = clusterProfiles(shuffled(profiles, seed), OPTIONS);
      expect(assign(r)).toEqual(assign(first));
      expect(r.meanSilhouette).toBe(first.meanSilhouette);
    }
  });

  it('keeps one group when there are too few schools or no admissible split', () => {
    const few = plantedProfiles().slice(0, 9);
    const r = clusterProfiles(few, OPTIONS);
    expect(r.k).toBe(1);
    expect(r.reason).toBe('too_few');
    expect(new Set(r.labels)).toEqual(new Set([1]));
    // 12 identical profiles: nothing to split
    const same = Array.from({ length: 12 }, (_, i) => ({
      login: login(i),
      levels: [3, 0, 0, 0, 0, 0, 0, 3, 0, 2],
    }));
    const s = clusterProfiles(same, OPTIONS);
    expect(s.k).toBe(1);
    expect(s.reason).toBe('no_split');
  });

  it('names a group after its dominant factors, those that set it apart first', () => {
    expect(groupName(['Оснащение', 'Учебная неуспешность', 'Мотивация'])).toBe(
      'Оснащение, учебная неуспешность и мотивация',
    );
    expect(groupName(['Кадры', 'Внутришкольное ПК'])).toBe('Кадры и внутришкольное ПК');
    expect(groupName(['Среда'])).toBe('Среда');
    expect(groupName([])).toBe('Без выраженных рисков');
    // two factors, two clusters of two schools: factor A is 3 everywhere, factor B 3 only in cluster 2
    const factors = [
      { code: 1, short: 'Оснащение' },
      { code: 2, short: 'Кадры' },
    ];
    const d = describeClusters(
      [
        [3, 0],
        [3, 1],
        [3, 3],
        [3, 3],
      ],
      [1, 1, 2, 2],
      2,
      factors,
      2,
      3,
    );
    expect(d.get(1)?.name).toBe('Оснащение');
    // cluster 2: Кадры lifts by 3 − 1.75 = 1.25 over the mean, Оснащение by 0 → Кадры first
    expect(d.get(2)?.name).toBe('Кадры и оснащение');
  });
});

/** Registry: schools 1–60 in «Город А» (01), 61–102 in «Район Б» (02). */
function registry(n: number): FixtureRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const city = i <= 60;
    return {
      school_login: login(i),
      school_name: `МБОУ СОШ № ${i}`,
      municipality: city ? 'Город А' : 'Район Б',
      municipality_code: city ? '01' : '02',
    };
  });
}

describe('risk picture: the seed note (Dagestan 2021)', () => {
  const fx = fixtureWarehouse();

  /**
   * 102 participants, generated by a loop. Activated directions (school numbers):
   *   factor 1  Оснащение             1–83    → 83 (city 60, district 23)
   *   factor 8  Учебная неуспешность  21–100  → 80 (city 40, district 40)
   *   factor 10 Мотивация             51–100  → 50 (city 10, district 40)
   *   factor 2  Кадры                 1–12    → 12 (city 12)
   *   factor 3  Компетентность        90–101  → 12 (district 12)
   * Union 1–101: 101 schools with ≥ 1 direction; school 102 has none: its factor 1 row says «нет»
   * and its factor 7 is activated on 15.11.2026, after the run date.
   * РПШ: level 3 where activated, else 0; factor 1 also at 2 for schools 84–90 (not activated);
   * school 102 has no РПШ.
   */
  async function loadSeedNote() {
    const activatedBy: Record<number, (i: number) => boolean> = {
      1: (i) => i <= 83,
      8: (i) => i >= 21 && i <= 100,
      10: (i) => i >= 51 && i <= 100,
      2: (i) => i <= 12,
      3: (i) => i >= 90 && i <= 101,
    };
    const participants: FixtureRow[] = [];
    const directions: FixtureRow[] = [];
    const profiles: FixtureRow[] = [];
    for (let i = 1; i <= 102; i++) {
      participants.push({ year: 2026, school_login: login(i), cohort: 2026 });
      for (let f = 1; f <= 10; f++) {
        const on = activatedBy[f]?.(i) ?? false;
        if (on)
          directions.push({
            year: 2026,
            school_login: login(i),
            factor_code: f,
            activated: true,
            activated_at: '2026-03-20',
          });
        if (i <= 101)
          profiles.push({
            year: 2026,
            school_login: login(i),
            factor_code: f,
            risk_level: on ? 3 : f === 1 && i <= 90 ? 2 : 0,
          });
      }
    }
    directions.push({ year: 2026, school_login: login(102), factor_code: 1, activated: false });
    directions.push({
      year: 2026,
      school_login: login(102),
      factor_code: 7,
      activated: true,
      activated_at: '2026-11-15',
    });
    await fx.load('schools', '2026-01-10', registry(102));
    await fx.load('participants', '2026-01-20', participants);
    await fx.load('risk_profiles', '2026-02-28', profiles);
    await fx.load('medk_directions', '2026-04-01', directions);
  }

  it('writes 99 %, 81 %, 78 %, 49 % in that rank order', async () => {
    await loadSeedNote();
    await fx.run(Y2026, MARTS);
    const participation = await fx.rows<Record<string, unknown>>(
      `SELECT scope, municipality, participants, with_direction, pct_with_direction, pct_with_direction_whole
       FROM risk_participation_latest WHERE year = 2026 ORDER BY scope DESC, municipality`,
    );
    expect(participation).toEqual([
      // 101 / 102 = 99.02 %
      {
        scope: 'region',
        municipality: null,
        participants: 102,
        with_direction: 101,
        pct_with_direction: 99,
        pct_with_direction_whole: 99,
      },
      {
        scope: 'municipality',
        municipality: 'Город А',
        participants: 60,
        with_direction: 60,
        pct_with_direction: 100,
        pct_with_direction_whole: 100,
      },
      // 41 / 42 = 97.62 %
      {
        scope: 'municipality',
        municipality: 'Район Б',
        participants: 42,
        with_direction: 41,
        pct_with_direction: 97.6,
        pct_with_direction_whole: 98,
      },
    ]);
    const region = await fx.rows<Record<string, unknown>>(
      `SELECT rank_activated, factor_code, factor_name, activated, pct_activated_whole, pct_activated
       FROM risk_picture_latest WHERE year = 2026 AND scope = 'region' ORDER BY rank_activated`,
    );
    expect(region.slice(0, 3)).toEqual([
      // 83 / 102 = 81.37 %; 80 / 102 = 78.43 %; 50 / 102 = 49.02 %
      {
        rank_activated: 1,
        factor_code: 1,
        factor_name: 'Низкий уровень оснащения школы',
        activated: 83,
        pct_activated_whole: 81,
        pct_activated: 81.4,
      },
      {
        rank_activated: 2,
        factor_code: 8,
        factor_name: 'Высокая доля обучающихся с рисками учебной неуспешности',
        activated: 80,
        pct_activated_whole: 78,
        pct_activated: 78.4,
      },
      {
        rank_activated: 3,
        factor_code: 10,
        factor_name: 'Низкая учебная мотивация обучающихся',
        activated: 50,
        pct_activated_whole: 49,
        pct_activated: 49,
      },
    ]);
    // 12 and 12: a tie goes to the lower code; the zeros follow in code order
    expect(region.slice(3).map((r) => [r.factor_code, r.activated])).toEqual([
      [2, 12],
      [3, 12],
      [4, 0],
      [5, 0],
      [6, 0],
      [7, 0],
      [9, 0],
    ]);
    // Район Б: factors 8 and 10 both at 40 of 42 → 8 first; factor 1 third with 23 (54.8 %)
    const district = await fx.rows<Record<string, unknown>>(
      `SELECT rank_activated, factor_code, activated, pct_activated FROM risk_picture_latest
       WHERE year = 2026 AND municipality = 'Район Б' AND rank_activated <= 4 ORDER BY rank_activated`,
    );
    expect(district).toEqual([
      { rank_activated: 1, factor_code: 8, activated: 40, pct_activated: 95.2 },
      { rank_activated: 2, factor_code: 10, activated: 40, pct_activated: 95.2 },
      { rank_activated: 3, factor_code: 1, activated: 23, pct_activated: 54.8 },
      { rank_activated: 4, factor_code: 3, activated: 12, pct_activated: 28.6 },
    ]);
    // РПШ высокий/средний, denominator all 102: factor 1 at 3 or 2 for schools 1–90 → 88.2 %; 101 profiled
    const rpsh = await fx.rows<Record<string, unknown>>(
      `SELECT factor_code, profiled, high_or_medium, pct_high_or_medium FROM risk_picture_latest
       WHERE year = 2026 AND scope = 'region' AND factor_code IN (1, 8, 7) ORDER BY factor_code`,
    );
    expect(rpsh).toEqual([
      { factor_code: 1, profiled: 101, high_or_medium: 90, pct_high_or_medium: 88.2 },
      { factor_code: 7, profiled: 101, high_or_medium: 0, pct_high_or_medium: 0 },
      { factor_code: 8, profiled: 101, high_or_medium: 80, pct_high_or_medium: 78.4 },
    ]);
    // the list for the municipality: the one school without a direction
    const notMet = await fx.rows(
      `SELECT municipality, school_login, school_name, directions FROM risk_participation_schools_latest
       WHERE year = 2026 AND NOT met`,
    );
    expect(notMet).toEqual([
      { municipality: 'Район Б', school_login: login(102), school_name: 'МБОУ СОШ № 102', directions: 0 },
    ]);
    const results = await fx.test(Y2026, MARTS);
    expect(results.filter((r) => r.status !== 'pass' && r.severity === 'error')).toEqual([]);
    // school 102 has no РПШ: cluster 0 «Нет РПШ», the others are clustered
    const noProfile = await fx.rows(
      `SELECT school_login, cluster_no, cluster_name FROM risk_clusters_latest WHERE year = 2026 AND cluster_no = 0`,
    );
    expect(noProfile).toEqual([{ school_login: login(102), cluster_no: 0, cluster_name: 'Нет РПШ' }]);
  });

  it('fails its data tests on bad data', async () => {
    await loadSeedNote();
    // a РПШ level outside 0–3 (the loader would reject it; here it lands as if it had not)
    await fx.load(
      'risk_profiles',
      '2026-03-01',
      Array.from({ length: 10 }, (_, k) => ({
        year: 2026,
        school_login: login(1),
        factor_code: k + 1,
        risk_level: 7,
      })),
    );
    await fx.run(Y2026, MARTS);
    let results = await fx.test(Y2026, MARTS);
    const failed = (rs: typeof results) =>
      rs.filter((r) => r.status === 'fail' && r.severity === 'error').map((r) => `${r.model}.${r.test}`);
    expect(failed(results)).toContain('int_risk_directions.accepted_values_risk_level');
    // a broken region row: more activated than participants, and no longer the sum of municipalities
    await fx.wh.run(
      "UPDATE risk_picture SET activated = participants + 1 WHERE scope = 'region' AND factor_code = 8",
    );
    results = await fx.test(Y2026, ['risk_picture']);
    expect(failed(results).sort()).toEqual([
      'risk_picture.counts_le_participants',
      'risk_picture.region_is_sum_of_municipalities',
    ]);
  });
});

describe('risk picture: as of a date, across two versions of medk_directions', () => {
  const fx = fixtureWarehouse();

  it('the older as-of gives the old figure', async () => {
    await fx.load('schools', '2026-01-10', registry(4));
    await fx.load(
      'participants',
      '2026-01-20',
      [1, 2, 3, 4].map((i) => ({ year: 2026, school_login: login(i), cohort: 2026 })),
    );
    // version of 01.04: only school 1 has activated «Оснащение»
    await fx.load('medk_directions', '2026-04-01', [
      { year: 2026, school_login: login(1), factor_code: 1, activated: true, activated_at: '2026-03-25' },
      { year: 2026, school_login: login(2), factor_code: 1, activated: false },
    ]);
    // version of 01.06: schools 1 and 2 on factor 1, school 3 on factor 8
    await fx.load('medk_directions', '2026-06-01', [
      { year: 2026, school_login: login(1), factor_code: 1, activated: true, activated_at: '2026-03-25' },
      { year: 2026, school_login: login(2), factor_code: 1, activated: true, activated_at: '2026-05-10' },
      { year: 2026, school_login: login(3), factor_code: 8, activated: true, activated_at: '2026-05-12' },
    ]);
    const figures = async (asOf: string) => {
      await fx.run({ year: 2026, asOf }, MARTS);
      const where = `year = 2026 AND as_of = DATE '${asOf}' AND scope = 'region'`;
      const [p] = await fx.rows(
        `SELECT with_direction, pct_with_direction FROM risk_participation WHERE ${where}`,
      );
      const [f] = await fx.rows(
        `SELECT activated, pct_activated FROM risk_picture WHERE ${where} AND factor_code = 1`,
      );
      return { ...p, ...f };
    };
    // 30.04: the April version → 1 of 4 (25 %) with a direction, 1 of 4 on factor 1
    expect(await figures('2026-04-30')).toEqual({
      with_direction: 1,
      pct_with_direction: 25,
      activated: 1,
      pct_activated: 25,
    });
    // 31.10: the June version → 3 of 4 (75 %), factor 1: 2 of 4 (50 %)
    expect(await figures('2026-10-31')).toEqual({
      with_direction: 3,
      pct_with_direction: 75,
      activated: 2,
      pct_activated: 50,
    });
    // both runs stay queryable; the _latest view shows the later one
    const latest = await fx.rows(
      "SELECT as_of::VARCHAR AS as_of, with_direction FROM risk_participation_latest WHERE scope = 'region'",
    );
    expect(latest).toEqual([{ as_of: '2026-10-31', with_direction: 3 }]);
  });
});

describe('risk dominant groups', () => {
  const fx = fixtureWarehouse();

  it('groups each school by its two dominant activated factors', async () => {
    // (factor, РПШ level) activated per school; frequency of activation: f1 by 1, 2, 3, 6 (4 schools),
    // f8 by 1, 2, 6 (3), f10 by 1, 2, 6 (3), f2 and f5 by 5
    const activated: Record<number, [number, number][]> = {
      1: [
        [1, 3],
        [8, 3],
        [10, 2],
      ], // top two by level: 1, 8 → «Оснащение и учебная неуспешность»
      2: [
        [1, 2],
        [8, 2],
        [10, 3],
      ], // 10 (level 3), then 1 and 8 tie at 2 → 1 (4 schools > 3) → {1, 10}
      3: [[1, 3]], // one factor → «Оснащение»
      4: [], // none
      5: [
        [2, 3],
        [5, 3],
      ], // «Кадры и внутришкольное ПК» (the abbreviation keeps its case)
      6: [
        [1, 3],
        [8, 3],
        [10, 2],
      ], // as school 1: the group has 2 schools
    };
    await fx.load('schools', '2026-01-10', registry(6));
    await fx.load(
      'participants',
      '2026-01-20',
      [1, 2, 3, 4, 5, 6].map((i) => ({ year: 2026, school_login: login(i), cohort: 2026 })),
    );
    await fx.load(
      'risk_profiles',
      '2026-02-28',
      Object.entries(activated).flatMap(([i, fs]) =>
        fs.map(([f, level]) => ({
          year: 2026,
          school_login: login(Number(i)),
          factor_code: f,
          risk_level: level,
        })),
      ),
    );
    await fx.load(
      'medk_directions',
      '2026-04-01',
      Object.entries(activated).flatMap(([i, fs]) =>
        fs.map(([f]) => ({ year: 2026, school_login: login(Number(i)), factor_code: f, activated: true })),
      ),
    );
    await fx.run(Y2026, ['+risk_dominant_groups']);
    const rows = await fx.rows(
      `SELECT school_login, group_factor_codes, group_name, group_schools, pct_group
       FROM risk_dominant_groups_latest ORDER BY school_login`,
    );
    expect(rows).toEqual([
      {
        school_login: login(1),
        group_factor_codes: '1, 8',
        group_name: 'Оснащение и учебная неуспешность',
        group_schools: 2,
        pct_group: 33.3,
      },
      {
        school_login: login(2),
        group_factor_codes: '1, 10',
        group_name: 'Оснащение и мотивация',
        group_schools: 1,
        pct_group: 16.7,
      },
      {
        school_login: login(3),
        group_factor_codes: '1',
        group_name: 'Оснащение',
        group_schools: 1,
        pct_group: 16.7,
      },
      {
        school_login: login(4),
        group_factor_codes: null,
        group_name: 'Нет активированных направлений',
        group_schools: 1,
        pct_group: 16.7,
      },
      {
        school_login: login(5),
        group_factor_codes: '2, 5',
        group_name: 'Кадры и внутришкольное ПК',
        group_schools: 1,
        pct_group: 16.7,
      },
      {
        school_login: login(6),
        group_factor_codes: '1, 8',
        group_name: 'Оснащение и учебная неуспешность',
        group_schools: 2,
        pct_group: 33.3,
      },
    ]);
    const results = await fx.test(Y2026, ['+risk_dominant_groups']);
    expect(results.filter((r) => r.status !== 'pass' && r.severity === 'error')).toEqual([]);
  });
});

describe('risk clusters in the warehouse', () => {
  const fx = fixtureWarehouse();

  const rpshRows = (profiles: Profile[]) =>
    profiles.flatMap((p) =>
      p.levels.map((level, j) => ({
        year: 2026,
        school_login: p.login,
        factor_code: j + 1,
        risk_level: level,
      })),
    );

  it('finds the three planted groups, names them after their factors, and is deterministic', async () => {
    const profiles = plantedProfiles();
    await fx.load('schools', '2026-01-10', registry(60));
    await fx.load(
      'participants',
      '2026-01-20',
      profiles.map((p) => ({ year: 2026, school_login: p.login, cohort: 2026 })),
    );
    await fx.load('risk_profiles', '2026-02-28', rpshRows(profiles));
    const asOf1 = { year: 2026, asOf: '2026-03-31' };
    await fx.run(asOf1, ['+risk_cluster_summary']);
    const assigned = async (asOf: string) =>
      fx.rows<{ school_login: string; cluster_no: number; clusters: number }>(
        `SELECT school_login, cluster_no, clusters FROM risk_clusters
         WHERE year = 2026 AND as_of = DATE '${asOf}' ORDER BY school_login`,
      );
    const first = await assigned('2026-03-31');
    expect(first).toHaveLength(60);
    expect(new Set(first.map((r) => r.clusters))).toEqual(new Set([3]));
    const truth = new Map(profiles.map((p) => [p.login, p.truth]));
    expect(
      adjustedRand(
        first.map((r) => truth.get(r.school_login) as number),
        first.map((r) => r.cluster_no),
      ),
    ).toBeGreaterThanOrEqual(0.9);
    // each cluster is named after its planted factors (in the order that sets it apart)
    const summary = await fx.rows<{ schools: number; codes: string; cluster_name: string }>(
      `SELECT schools, cluster_factor_codes AS codes, cluster_name FROM risk_cluster_summary_latest ORDER BY cluster_no`,
    );
    const sortedCodes = (s: string) =>
      s
        .split(', ')
        .map(Number)
        .sort((a, b) => a - b);
    expect(summary.map((s) => sortedCodes(s.codes)).sort()).toEqual(
      [
        [1, 8, 10],
        [2, 3, 5],
        [7, 9],
      ].sort(),
    );
    const names = summary.map((s) => s.cluster_name);
    expect(
      names.some(
        (n) => /Оснащение|оснащение/.test(n) && /учебная неуспешность/i.test(n) && /мотивация/i.test(n),
      ),
    ).toBe(true);
    expect(
      names.some(
        (n) => /кадры/i.test(n) && /компетентность педагогов/i.test(n) && /внутришкольное ПК/i.test(n),
      ),
    ).toBe(true);
    expect(names).toContainEqual(expect.stringMatching(/^(Среда и родители|Родители и среда)$/));
    expect(summary.reduce((s, r) => s + r.schools, 0)).toBe(60);
    const note = await fx.rows<{ method_note: string }>(
      'SELECT DISTINCT method_note FROM risk_clusters_latest',
    );
    expect(note).toHaveLength(1);
    expect(note[0]?.method_note).toMatch(/число групп 3 выбрано по наибольшему среднему силуэту/);

    // the same profiles again, as a later version loaded in shuffled order → identical assignments
    await fx.load('risk_profiles', '2026-04-15', rpshRows(shuffled(profiles, 11)));
    await fx.run({ year: 2026, asOf: '2026-04-30' }, ['+risk_cluster_summary']);
    const again = await assigned('2026-04-30');
    expect(again).toEqual(first);

    const results = await fx.test({ year: 2026, asOf: '2026-04-30' }, ['+risk_cluster_summary']);
    expect(results.filter((r) => r.status !== 'pass' && r.severity === 'error')).toEqual([]);
  });

  it('puts fewer schools than the threshold in one group, with a note', async () => {
    const profiles = plantedProfiles().slice(0, 5);
    await fx.load('schools', '2026-01-10', registry(60));
    await fx.load(
      'participants',
      '2026-01-20',
      profiles.map((p) => ({ year: 2026, school_login: p.login, cohort: 2026 })),
    );
    await fx.load('risk_profiles', '2026-02-28', rpshRows(profiles));
    await fx.run(Y2026, ['+risk_cluster_summary']);
    const rows = await fx.rows<{
      cluster_no: number;
      clusters: number;
      method_note: string;
      silhouette: null;
    }>('SELECT cluster_no, clusters, method_note, silhouette FROM risk_clusters_latest');
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r).toMatchObject({ cluster_no: 1, clusters: 1, silhouette: null });
      expect(r.method_note).toBe(
        'Участниц с РПШ меньше 10: кластеризация не проводится, все школы в одной группе',
      );
    }
    const [summary] = await fx.rows(
      'SELECT cluster_no, schools, participants FROM risk_cluster_summary_latest',
    );
    expect(summary).toEqual({ cluster_no: 1, schools: 5, participants: 5 });
  });
});
