/**
 * The invented region: municipalities, schools and their roles in «500+» (cohorts, ШНОР lists,
 * regional programme, comparison group, planted objectivity markers). Every source generator
 * reads this one model, so the files agree with each other.
 */
import { pad } from './dates.js';
import { MUNICIPALITIES, type Person, person, VILLAGES } from './names.js';
import type { Rng } from './rng.js';
import type { ScaleConfig } from './scale.js';

export const REGION_CODE = '05';
export const REGION_NAME = 'Республика Дагестан';
export const YEARS = [2024, 2025, 2026] as const;

export interface Municipality {
  code: string;
  name: string;
  city: boolean;
  coordinator: Person;
}

export type Marker = 'journal' | 'bunching' | 'listed';

export interface School {
  /** Canonical ФИС ОКО login, `sch` + region code + 4 digits. */
  login: string;
  name: string;
  municipality: Municipality;
  rcoi: string;
  settlement: 'город' | 'село' | 'посёлок';
  students: number;
  /** Latent quality (0 = regional mean); drives every result the school gets. */
  ability: number;
  noise: Record<number, number>;
  closed: boolean;
  opened: boolean;
  cohort?: 2025 | 2026;
  improver: boolean;
  leaves: boolean;
  shnor: Set<number>;
  shnsu: boolean;
  comparison: boolean;
  marker?: Marker;
  director: Person;
  curator?: Person;
}

export interface Region {
  config: ScaleConfig;
  municipalities: Municipality[];
  schools: School[];
}

/** Years the school takes part in «500+». */
export function participationYears(s: School): number[] {
  if (s.cohort === 2025) return s.leaves ? [2025] : [2025, 2026];
  if (s.cohort === 2026) return [2026];
  return [];
}

export const isParticipant = (s: School, year: number): boolean => participationYears(s).includes(year);

export const participants = (r: Region, year: number): School[] =>
  r.schools.filter((s) => isParticipant(s, year));

/** Schools in the regional programme of the year: ШНОР outside «500+», and ШНСУ. */
export function programme(r: Region, year: number): { school: School; category: 'ШНОР' | 'ШНСУ' }[] {
  if (year < 2025) return [];
  const out: { school: School; category: 'ШНОР' | 'ШНСУ' }[] = [];
  for (const s of r.schools) {
    if (s.shnor.has(year) && !isParticipant(s, year)) out.push({ school: s, category: 'ШНОР' });
    else if (s.shnsu) out.push({ school: s, category: 'ШНСУ' });
  }
  return out;
}

/** Schools whose assessment results are generated (small scale: participants and comparison). */
export const assessed = (r: Region): School[] =>
  r.schools.filter((s) => !s.opened && (r.config.allSchools || s.cohort !== undefined || s.comparison));

/** Regional trend of results by year, shared by all schools. */
const TREND: Record<number, number> = { 2024: 0, 2025: 0.05, 2026: 0.08 };

/** The project's effect on an improving participant: from the entry year on. */
export function effectOf(s: School, year: number): number {
  if (!s.improver || s.cohort === undefined || year < s.cohort) return 0;
  return year > s.cohort ? 0.75 : 0.55;
}

/** The school's mean student ability in a year (what ВПР, ОГЭ and regional results are drawn from). */
export function meanAbility(s: School, year: number): number {
  return s.ability + (s.noise[year] ?? 0) + (TREND[year] ?? 0) + effectOf(s, year);
}

function makeMunicipalities(rng: Rng, n: number): Municipality[] {
  return MUNICIPALITIES.slice(0, n).map((m, i) => ({
    code: pad(i + 1),
    name: m.name,
    city: m.city,
    coordinator: person(rng),
  }));
}

function schoolName(m: Municipality, k: number, rng: Rng, villages: string[], used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    let name: string;
    if (m.city) {
      const kind = rng.pick(['СОШ', 'СОШ', 'СОШ', 'СОШ', 'Гимназия', 'Лицей']);
      name = `МБОУ «${kind} №${k + attempt}», ${m.name}`;
    } else {
      const village = rng.pick(villages.length ? villages : VILLAGES);
      const kind = rng.pick(['СОШ', 'СОШ', 'СОШ', 'ООШ']);
      // Past a few tries (a large region runs out of village × kind pairs), number the school.
      const nth = attempt > 8 ? ` №${attempt - 5}` : rng.chance(0.3) ? ` №${rng.int(1, 3)}` : '';
      name = `МКОУ «${kind}${nth} с. ${village}»`;
    }
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function makeSchool(rng: Rng, m: Municipality, k: number, villages: string[], used: Set<string>): School {
  const city = m.city;
  const students = city ? rng.int(300, 1000) : rng.chance(0.35) ? rng.int(30, 99) : rng.int(100, 320);
  return {
    login: `sch${REGION_CODE}${m.code}${pad(k)}`,
    name: schoolName(m, k, rng, villages, used),
    municipality: m,
    rcoi: `${m.code}0${pad(k, 3)}`,
    settlement: city ? 'город' : rng.chance(0.12) ? 'посёлок' : 'село',
    students,
    ability: (city ? 0.3 : -0.3) + rng.normal(0, 0.6),
    noise: Object.fromEntries(YEARS.map((y) => [y, rng.normal(0, 0.12)])),
    closed: false,
    opened: false,
    improver: false,
    leaves: false,
    shnor: new Set(),
    shnsu: false,
    comparison: false,
    director: person(rng),
  };
}

function makeSchools(rng: Rng, municipalities: Municipality[], total: number, cityWeight: number): School[] {
  const weight = (m: Municipality) => (m.city ? cityWeight : 1);
  const sum = municipalities.reduce((a, m) => a + weight(m), 0);
  const schools: School[] = [];
  const used = new Set<string>();
  municipalities.forEach((m, i) => {
    const villages = rng.sample(VILLAGES, 24);
    const count =
      i === municipalities.length - 1 ? total - schools.length : Math.round((total * weight(m)) / sum);
    for (let k = 1; k <= count; k++) schools.push(makeSchool(rng, m, k, villages, used));
  });
  return schools;
}

/** Assigns cohorts, ШНОР lists, ШНСУ, the comparison group and the planted markers. */
function assignRoles(rng: Rng, schools: School[], c: ScaleConfig): void {
  // Closed and opened schools are ordinary schools outside every list.
  const ordinary = schools.filter((s) => s.students >= 100);
  // ШНОР come from the weakest quarter, by a noisy ranking, so equally weak schools stay outside.
  const ranked = ordinary
    .map((s) => ({ s, key: s.ability + rng.normal(0, 0.35) }))
    .sort((a, b) => a.key - b.key || (a.s.login < b.s.login ? -1 : 1))
    .map((x) => x.s);
  const pool = rng.shuffle(ranked.slice(0, Math.round(ranked.length * 0.3)));
  const take = (n: number) => pool.splice(0, n);
  const c25 = take(c.cohort2025);
  const c26 = take(c.cohort2026);
  const other = take(c.otherShnor);
  for (const s of c25) s.cohort = 2025;
  for (const s of c26) s.cohort = 2026;
  // Half of each cohort improves after joining; the cohort-2025 leavers are improvers.
  const imp25 = rng.sample(c25, Math.ceil(c25.length / 2));
  for (const s of imp25) s.improver = true;
  for (const s of rng.sample(imp25, c.leavers)) s.leaves = true;
  for (const s of rng.sample(c26, Math.floor(c26.length / 2))) s.improver = true;
  // ФИОКО lists.
  for (const s of c25) {
    s.shnor.add(2025);
    if (!s.leaves) s.shnor.add(2026);
    if (rng.chance(0.75)) s.shnor.add(2024);
  }
  for (const s of c26) {
    s.shnor.add(2026);
    if (rng.chance(0.6)) s.shnor.add(2025);
    if (rng.chance(0.4)) s.shnor.add(2024);
  }
  other.forEach((s, i) => {
    s.shnor.add(2025);
    if (i % 3 !== 0) s.shnor.add(2026); // a few non-participants leave the list too
    if (i % 2 === 0) s.shnor.add(2024);
  });
  for (const s of take(Math.max(2, Math.round(c.otherShnor / 3)))) s.shnor.add(2024); // listed in 2024 only
  for (const s of take(c.shnsu)) s.shnsu = true;
  // Comparison group: never in «500+», any ШНОР list or the programme. ФИОКО lists follow noisy
  // results, so equally weak schools stay outside; each participant gets such twins, matched on
  // latent quality (hence on the baseline share of «2»).
  const targets = [...c25, ...c26].sort((a, b) => a.ability - b.ability || (a.login < b.login ? -1 : 1));
  const free = schools
    .filter((s) => s.cohort === undefined && s.shnor.size === 0 && !s.shnsu && s.students >= 60)
    .sort((a, b) => a.ability - b.ability || (a.login < b.login ? -1 : 1))
    .slice(0, c.comparison);
  free.forEach((s, i) => {
    const twin = targets[i % targets.length] as School;
    s.comparison = true;
    s.ability = twin.ability + rng.normal(0, 0.12);
  });
  // Planted objectivity markers on large enough schools (N ≥ 20 works per grade).
  const big = (list: School[]) => list.filter((s) => s.students >= 240);
  const journal = big(c26.filter((s) => !s.improver))[0] ?? c26.find((s) => !s.improver);
  const bunching = big(imp25.filter((s) => !s.leaves))[0] ?? imp25[0];
  const listed = imp25.find((s) => s !== bunching && s.leaves);
  if (journal) journal.marker = 'journal';
  if (bunching) bunching.marker = 'bunching';
  if (listed) listed.marker = 'listed';
  for (const s of [journal, bunching]) if (s) s.students = Math.max(s.students, 300);
}

function assignCurators(rng: Rng, schools: School[]): void {
  let curator = person(rng);
  let load = 0;
  for (const s of schools.filter((x) => x.cohort !== undefined)) {
    if (load >= rng.int(2, 3)) {
      curator = person(rng);
      load = 0;
    }
    s.curator = curator;
    load++;
  }
}

export function buildRegion(rng: Rng, config: ScaleConfig): Region {
  const municipalities = makeMunicipalities(rng.fork('municipalities'), config.municipalities);
  const schools = makeSchools(rng.fork('schools'), municipalities, config.schools, config.cityWeight);
  assignRoles(rng.fork('roles'), schools, config);
  assignCurators(rng.fork('curators'), schools);
  // Two small ordinary schools close before 01.09.2026; one opens in Махачкала.
  const closable = schools.filter(
    (s) => s.cohort === undefined && !s.comparison && !s.shnsu && s.shnor.size === 0,
  );
  for (const s of rng.fork('closures').sample(closable, 2)) s.closed = true;
  const capital = municipalities[0] as Municipality;
  const k = schools.filter((s) => s.municipality === capital).length + 1;
  const opened = makeSchool(rng.fork('opened'), capital, k, [], new Set(schools.map((s) => s.name)));
  opened.opened = true;
  schools.push(opened);
  return { config, municipalities, schools };
}
