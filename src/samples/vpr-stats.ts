/** Tallies of the generated ВПР works, for the planted-structure facts of the manifest. */

export interface CellStats {
  login: string;
  subject: string;
  grade: number;
  year: number;
  /** Works written (absent students and the planted rejected row excluded). */
  n: number;
  twos: number;
  /** ВПР mark below the journal mark («понизили») and above it («повысили»). */
  lowered: number;
  raised: number;
  /** Works per primary score. */
  totals: number[];
  bounds: [number, number, number];
}

export class VprStats {
  readonly cells = new Map<string, CellStats>();

  cell(
    login: string,
    subject: string,
    grade: number,
    year: number,
    bounds: [number, number, number],
  ): CellStats {
    const key = `${login}|${subject}|${grade}|${year}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { login, subject, grade, year, n: 0, twos: 0, lowered: 0, raised: 0, totals: [], bounds };
      this.cells.set(key, c);
    }
    return c;
  }

  static add(c: CellStats, total: number, mark: number, journal: number): void {
    c.n++;
    if (mark === 2) c.twos++;
    if (mark < journal) c.lowered++;
    if (mark > journal) c.raised++;
    c.totals[total] = (c.totals[total] ?? 0) + 1;
  }

  static remove(c: CellStats, total: number, mark: number, journal: number): void {
    c.n--;
    if (mark === 2) c.twos--;
    if (mark < journal) c.lowered--;
    if (mark > journal) c.raised--;
    c.totals[total] = (c.totals[total] ?? 1) - 1;
  }

  /** Mean over schools × subjects (grades pooled) of the share of «2», in percent. */
  shareOfTwos(logins: Set<string>, year: number, subjects: string[]): number | null {
    const pooled = new Map<string, { n: number; twos: number }>();
    for (const c of this.cells.values()) {
      if (c.year !== year || !logins.has(c.login) || !subjects.includes(c.subject)) continue;
      const key = `${c.login}|${c.subject}`;
      const p = pooled.get(key) ?? { n: 0, twos: 0 };
      p.n += c.n;
      p.twos += c.twos;
      pooled.set(key, p);
    }
    const shares = [...pooled.values()].filter((p) => p.n > 0).map((p) => p.twos / p.n);
    if (shares.length === 0) return null;
    return Math.round((1000 * shares.reduce((a, b) => a + b, 0)) / shares.length) / 10;
  }
}
