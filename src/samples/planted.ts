/** The planted structure of the generated region, as facts (JSON) and as Markdown. */
import { participants, programme, type Region, YEARS } from './region.js';
import { FACTORS, type SchoolRisk } from './risks.js';
import type { VprStats } from './vpr-stats.js';

/**
 * Every school × subject × grade × year with at least 20 works where «понизили» ≥ 30 % (DOMAIN
 * §4.5), chance hits included; and the counts any bunching rule needs, for every cell.
 */
function objectivityChecks(stats: VprStats) {
  const lowered: object[] = [];
  const rows: (string | number)[][] = [];
  for (const c of stats.cells.values()) {
    const at = c.bounds.flatMap((score) => [c.totals[score - 1] ?? 0, c.totals[score] ?? 0]);
    rows.push([c.login, c.subject, c.grade, c.year, c.n, c.twos, c.lowered, c.raised, ...at]);
    if (c.n >= 20 && c.lowered / c.n >= 0.3) {
      const percent = Math.round((1000 * c.lowered) / c.n) / 10;
      lowered.push({
        login: c.login,
        subject: c.subject,
        grade: c.grade,
        year: c.year,
        n: c.n,
        lowered: c.lowered,
        percent,
      });
    }
  }
  return {
    lowered_30: lowered,
    vpr_cells: {
      note: 'loaded works only (absent and rejected rows excluded); below_N / at_N: works on the score just below and on the first score of mark N',
      columns: [
        'login',
        'subject',
        'grade',
        'year',
        'n',
        'twos',
        'lowered',
        'raised',
        'below_3',
        'at_3',
        'below_4',
        'at_4',
        'below_5',
        'at_5',
      ],
      rows,
    },
  };
}

export function plantedFacts(region: Region, risks: Map<number, SchoolRisk[]>, stats: VprStats) {
  const logins = (f: (s: Region['schools'][number]) => boolean) =>
    region.schools.filter(f).map((s) => s.login);
  const groups: Record<string, (s: Region['schools'][number]) => boolean> = {
    'cohort 2025, improvers': (s) => s.cohort === 2025 && s.improver,
    'cohort 2025, not improving': (s) => s.cohort === 2025 && !s.improver,
    'cohort 2026, improvers': (s) => s.cohort === 2026 && s.improver,
    'cohort 2026, not improving': (s) => s.cohort === 2026 && !s.improver,
    'comparison group': (s) => s.comparison,
  };
  const vpr = Object.fromEntries(
    Object.entries(groups).map(([name, f]) => {
      const set = new Set(logins(f));
      return [
        name,
        {
          schools: set.size,
          ...Object.fromEntries(
            YEARS.map((y) => [y, stats.shareOfTwos(set, y, ['Русский язык', 'Математика'])]),
          ),
        },
      ];
    }),
  );
  const activation = Object.fromEntries(
    [...risks.entries()].map(([year, list]) => [
      year,
      {
        denominator: list.length,
        with_any: list.filter((r) => r.activated.size > 0).length,
        by_factor: FACTORS.map((f) => {
          const n = list.filter((r) => r.activated.has(f.code)).length;
          return { factor: f.code, short: f.short, schools: n, percent: Math.round((100 * n) / list.length) };
        }).sort((a, b) => b.schools - a.schools || a.factor - b.factor),
      },
    ]),
  );
  return {
    objectivity_checks: objectivityChecks(stats),
    schools: region.schools.length,
    municipalities: region.municipalities.length,
    participants: Object.fromEntries([2025, 2026].map((y) => [y, participants(region, y).length])),
    cohort_2025: logins((s) => s.cohort === 2025),
    cohort_2026: logins((s) => s.cohort === 2026),
    improvers: logins((s) => s.improver),
    left_shnor_list_2026: logins((s) => s.cohort === 2025 && s.shnor.has(2025) && !s.shnor.has(2026)),
    shnor_list: Object.fromEntries(YEARS.map((y) => [y, logins((s) => s.shnor.has(y)).length])),
    regional_programme: Object.fromEntries([2025, 2026].map((y) => [y, programme(region, y).length])),
    comparison: logins((s) => s.comparison).length,
    closed_before_2026_09_01: logins((s) => s.closed),
    opened_2026: logins((s) => s.opened),
    markers: {
      journal_lowered_2026: logins((s) => s.marker === 'journal'),
      bunching_math_2025: logins((s) => s.marker === 'bunching'),
      objectivity_list_2025: logins((s) => s.marker === 'listed'),
    },
    vpr_share_of_2_percent: vpr,
    activation,
  };
}

export type PlantedFacts = ReturnType<typeof plantedFacts>;

export function plantedMarkdown(f: PlantedFacts): string {
  const out: string[] = ['## Planted structure', ''];
  out.push(
    `- ${f.schools} schools in ${f.municipalities} municipalities; participants of «500+»: ${f.participants[2025]} in 2025, ${f.participants[2026]} in 2026.`,
    `- Cohort 2025 (${f.cohort_2025.length}): ${f.cohort_2025.join(', ')}.`,
    `- Cohort 2026 (${f.cohort_2026.length}): ${f.cohort_2026.join(', ')}.`,
    `- Improve after joining (mean ability +0.55 in the entry year, +0.75 later; the others do not): ${f.improvers.join(', ')}.`,
    `- Cohort-2025 schools that leave the ШНОР list in 2026 (and the project): ${f.left_shnor_list_2026.join(', ')}; the other cohort-2025 schools stay in 2026.`,
    `- ФИОКО ШНОР lists: ${Object.entries(f.shnor_list)
      .map(([y, n]) => `${y}: ${n}`)
      .join(
        ', ',
      )} schools; a few non-participants leave the list too. Regional programme (ШНОР outside «500+» and ШНСУ): ${Object.entries(
      f.regional_programme,
    )
      .map(([y, n]) => `${y}: ${n}`)
      .join(', ')}.`,
    `- Comparison group: ${f.comparison} schools never in «500+», any ШНОР list or the regional programme, picked nearest to the participants in latent quality (so baseline shares of «2» match).`,
    `- Registry: closed before 01.09.2026 ${f.closed_before_2026_09_01.join(', ')}; opened ${f.opened_2026.join(', ')} (only in the 2026 registry, no results).`,
    `- Objectivity markers: «понизили» ≈ 40 % in 2026 at ${f.markers.journal_lowered_2026.join(', ')}; works bunched on the first score of «3» in math 2025 at ${f.markers.bunching_math_2025.join(', ')}; listed by ФИОКО in 2025 (math, grade 5): ${f.markers.objectivity_list_2025.join(', ')}.`,
    '- Risk factors co-occur in groups {1 Оснащение, 8 Учебная неуспешность, 10 Мотивация}, {2 Кадры, 3 Компетентность, 5 Внутришкольное ПК}, {7 Среда, 9 Родители}; activated directions are at РПШ level высокий/средний (5 % at низкий); the regional questionnaire answers are lower where the РПШ level is higher.',
    '',
    '### ВПР: mean share of «2» (school × subject, Russian and math, grades pooled), %',
    '',
    `| group | schools | ${[...YEARS].join(' | ')} |`,
    `|---|---|${YEARS.map(() => '---').join('|')}|`,
  );
  for (const [name, v] of Object.entries(f.vpr_share_of_2_percent)) {
    const row = v as Record<string, number | null>;
    out.push(`| ${name} | ${row.schools} | ${YEARS.map((y) => row[y] ?? '—').join(' | ')} |`);
  }
  out.push('', '### Activated risk directions (ИС МЭДК), share of participants of the year', '');
  for (const [year, a] of Object.entries(f.activation)) {
    out.push(
      `- ${year}: ${a.with_any} of ${a.denominator} with ≥ 1 direction; ` +
        a.by_factor.map((x) => `${x.short} ${x.percent} % (${x.schools})`).join(', '),
    );
  }
  out.push('');
  return out.join('\n');
}
