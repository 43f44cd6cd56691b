import { literal } from '../../warehouse/quote.js';
import { sqlFile } from '../../warehouse/sql-file.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { TypescriptModel } from './index.js';

import { type Clustering, clusterProfiles, type Profile } from './kmeans.js';

/** What the model reads, one query a file. */
const QUERIES = {
  settings: 'typescript/risk_clusters/settings.sql',
  factors: 'typescript/risk_clusters/factors.sql',
  profiles: 'typescript/risk_clusters/profiles.sql',
};

/**
 * Risk clusters (DOMAIN §4.3, кластеризация РПШ): participants of the year grouped by the РПШ levels
 * (0–3) of the ten risk factors, with k-means. Deterministic for the same data: schools are sorted
 * by login before anything else, initial centres come from k-means++ driven by a fixed-seed PRNG,
 * the best of several restarts is kept (the first on a tie), ties in distance go to the lower
 * centre, and clusters are numbered by size (larger first), then by their first login. The number
 * of groups is chosen in [k_min, k_max] by the mean silhouette (ties: fewer groups).
 *
 * Features are the РПШ levels only, not the activated directions: the clusters describe the risk
 * profile (the report «РПШ и кластеры» is due in February–March, before directions are activated),
 * activation mostly follows the level (it would count the same risk twice), and the grouping by
 * activated directions is offered beside it (risk_dominant_groups). The levels share one 0–3 scale,
 * so they are not standardised: a factor with little spread should not weigh as much as one that
 * separates schools.
 */
/** «Оснащение», «Оснащение и мотивация», «Оснащение, учебная неуспешность и мотивация». */
export function groupName(shortNames: string[]): string {
  if (shortNames.length === 0) return 'Без выраженных рисков';
  const words = shortNames.map((n, i) => (i === 0 ? n : lowerFirst(n)));
  if (words.length === 1) return words[0] as string;
  return `${words.slice(0, -1).join(', ')} и ${words[words.length - 1]}`;
}

/** Lower-cases the first letter unless the first word is an abbreviation («ПК»). */
function lowerFirst(s: string): string {
  const word = s.split(' ')[0] ?? '';
  return word.length > 1 && word === word.toUpperCase() ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

export interface Factor {
  code: number;
  short: string;
}

/**
 * Each cluster's dominant factors and name. Dominant: the cluster's mean level is at least
 * `threshold` (2 = «средний»); ordered by how far the cluster's mean exceeds the mean of all
 * profiled participants (what sets the group apart: a factor high everywhere comes last), then by
 * the mean, then by code. The name is made of the first `nameFactors`; clusters whose named factors
 * coincide get their number in the name.
 */
export function describeClusters(
  points: number[][],
  labels: number[],
  k: number,
  factors: Factor[],
  threshold: number,
  nameFactors: number,
): Map<number, { factors: Factor[]; name: string }> {
  const meanOf = (rows: number[][], j: number) =>
    rows.reduce((a, p) => a + (p[j] as number), 0) / rows.length;
  const overall = factors.map((_, j) => (points.length ? meanOf(points, j) : 0));
  const described = new Map<number, { factors: Factor[]; name: string; key: string }>();
  for (let c = 1; c <= k; c++) {
    const members = points.filter((_, i) => labels[i] === c);
    if (members.length === 0) continue;
    const dominant = factors
      .map((f, j) => ({ ...f, mean: meanOf(members, j), lift: meanOf(members, j) - (overall[j] as number) }))
      .filter((m) => m.mean >= threshold - 1e-9)
      .sort((a, b) => b.lift - a.lift || b.mean - a.mean || a.code - b.code);
    const named = dominant.slice(0, nameFactors);
    described.set(c, {
      factors: dominant.map(({ code, short }) => ({ code, short })),
      name: groupName(named.map((m) => m.short)),
      key: named
        .map((m) => m.code)
        .sort((a, b) => a - b)
        .join(','),
    });
  }
  const keyCount = new Map<string, number>();
  for (const d of described.values()) keyCount.set(d.key, (keyCount.get(d.key) ?? 0) + 1);
  return new Map(
    [...described].map(([c, d]) => [
      c,
      { factors: d.factors, name: (keyCount.get(d.key) as number) > 1 ? `${d.name} (группа ${c})` : d.name },
    ]),
  );
}

const decimal = (v: number, digits = 2) => v.toFixed(digits).replace('.', ',');

interface SchoolRow {
  school_login: string;
  school_name: string;
  municipality_code: string | null;
  municipality: string;
  factor_code: number;
  risk_level: number | null;
}

const COLUMNS: [string, string][] = [
  ['municipality_code', 'VARCHAR'],
  ['municipality', 'VARCHAR'],
  ['school_login', 'VARCHAR'],
  ['school_name', 'VARCHAR'],
  ['cluster_no', 'INTEGER'],
  ['cluster_name', 'VARCHAR'],
  ['cluster_factors', 'VARCHAR'],
  ['cluster_factor_codes', 'VARCHAR'],
  ['profile_factors', 'INTEGER'],
  ['silhouette', 'DOUBLE'],
  ['clusters', 'INTEGER'],
  ['mean_silhouette', 'DOUBLE'],
  ['method_note', 'VARCHAR'],
];

type Cell = string | number | null;

function sqlValue(v: Cell): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  return literal(v);
}

async function settings(wh: Warehouse): Promise<Map<string, number>> {
  const rows = await wh.rows<{ parameter: string; value: number }>(sqlFile(QUERIES.settings));
  const map = new Map(rows.map((r) => [r.parameter, Number(r.value)]));
  const need = (name: string) => {
    const v = map.get(name);
    if (v === undefined || !Number.isFinite(v))
      throw new Error(`в справочнике risk_settings нет параметра «${name}»`);
    return v;
  };
  return new Map(
    [
      'cluster_k_min',
      'cluster_k_max',
      'cluster_min_schools',
      'cluster_min_size',
      'cluster_weak_silhouette',
      'cluster_restarts',
      'cluster_dominant_level',
      'cluster_name_factors',
    ].map((n) => [n, need(n)]),
  );
}

async function build(wh: Warehouse): Promise<void> {
  const set = await settings(wh);
  const factors = await wh.rows<{ factor_code: number; short_name: string }>(sqlFile(QUERIES.factors));
  const rows = await wh.rows<SchoolRow>(sqlFile(QUERIES.profiles));
  const schools = new Map<string, { info: SchoolRow; levels: Map<number, number> }>();
  for (const r of rows) {
    const s = schools.get(r.school_login) ?? { info: r, levels: new Map<number, number>() };
    if (r.risk_level !== null) s.levels.set(r.factor_code, r.risk_level);
    schools.set(r.school_login, s);
  }
  // A factor missing from a school's РПШ takes the factor's mean over the participants that have it
  // (0 when none has it), so a partial profile still clusters; profile_factors shows how many are real.
  const profiled = [...schools.values()].filter((s) => s.levels.size > 0);
  const fill = factors.map((f) => {
    const have = profiled.map((s) => s.levels.get(f.factor_code)).filter((v) => v !== undefined);
    return have.length ? have.reduce((a, v) => a + v, 0) / have.length : 0;
  });
  const profiles: Profile[] = profiled.map((s) => ({
    login: s.info.school_login,
    levels: factors.map((f, j) => s.levels.get(f.factor_code) ?? (fill[j] as number)),
  }));
  const levelsOf = new Map(profiles.map((p) => [p.login, p.levels]));
  const result = clusterProfiles(profiles, {
    kMin: set.get('cluster_k_min') as number,
    kMax: set.get('cluster_k_max') as number,
    minSchools: set.get('cluster_min_schools') as number,
    minSize: set.get('cluster_min_size') as number,
    restarts: set.get('cluster_restarts') as number,
  });

  const described = describeClusters(
    result.logins.map((l) => levelsOf.get(l) as number[]),
    result.labels,
    result.k,
    factors.map((f) => ({ code: f.factor_code, short: f.short_name })),
    set.get('cluster_dominant_level') as number,
    set.get('cluster_name_factors') as number,
  );

  const note = methodNote(result, set, factors.length);
  const clusterOf = new Map(result.logins.map((l, i) => [l, i]));
  const out: Cell[][] = [...schools.values()].map((s) => {
    const i = clusterOf.get(s.info.school_login);
    const base: Cell[] = [
      s.info.municipality_code,
      s.info.municipality,
      s.info.school_login,
      s.info.school_name,
    ];
    if (i === undefined) {
      return [
        ...base,
        0,
        'Нет РПШ',
        null,
        null,
        0,
        null,
        result.k,
        result.meanSilhouette,
        'В РПШ года нет данных о школе: в кластеры не включена',
      ];
    }
    const c = result.labels[i] as number;
    const d = described.get(c) as { factors: Factor[]; name: string };
    return [
      ...base,
      c,
      d.name,
      d.factors.length ? d.factors.map((f) => f.short).join(', ') : null,
      d.factors.length ? d.factors.map((f) => f.code).join(', ') : null,
      s.levels.size,
      result.silhouettes[i] ?? null,
      result.k,
      result.meanSilhouette,
      note,
    ];
  });

  await wh.run(
    `CREATE OR REPLACE TEMP TABLE risk_clusters__rows (${COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`,
  );
  for (let start = 0; start < out.length; start += 500) {
    const values = out
      .slice(start, start + 500)
      .map((r) => `(${r.map(sqlValue).join(', ')})`)
      .join(',\n');
    await wh.run(`INSERT INTO risk_clusters__rows VALUES ${values}`);
  }
}

function methodNote(result: Clustering, set: Map<string, number>, features: number): string {
  const minSize = set.get('cluster_min_size') as number;
  const tried = result.tried
    .map(
      (t) =>
        `k = ${t.k} — ${decimal(t.silhouette)}${t.smallest < minSize ? ` (группа из ${t.smallest})` : ''}`,
    )
    .join('; ');
  if (result.reason === 'too_few')
    return `Участниц с РПШ меньше ${set.get('cluster_min_schools')}: кластеризация не проводится, все школы в одной группе`;
  if (result.reason === 'no_split')
    return (
      `Ни при каком числе групп от ${set.get('cluster_k_min')} до ${set.get('cluster_k_max')} все группы не ` +
      `набирают ${minSize} школ (или профили РПШ совпадают): все школы в одной группе${tried ? `. Силуэт: ${tried}` : ''}`
    );
  const mean = result.meanSilhouette as number;
  const weak = set.get('cluster_weak_silhouette') as number;
  return (
    `Метод k-средних по уровням ${features} факторов РПШ (k-means++, ${set.get('cluster_restarts')} запусков, ` +
    `фиксированное начальное число); число групп ${result.k} выбрано по наибольшему среднему силуэту ` +
    `(${decimal(mean)}) среди разбиений, где в каждой группе не меньше ${minSize} школ: ${tried}` +
    (mean < weak
      ? `. Средний силуэт ниже ${decimal(weak)}: группы выражены слабо, границы между ними условны`
      : '')
  );
}

export const riskClusters: TypescriptModel = {
  name: 'risk_clusters',
  inputs: ['int_risk_directions', 'ref_risk_factor', 'ref_risk_settings'],
  queries: Object.values(QUERIES),
  file: 'src/models/typescript/risk-clusters.ts',
  build: (wh) => build(wh),
};
