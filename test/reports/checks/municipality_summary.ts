import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const AS_OF = "DATE '2026-10-31'";

/** pdftotext's text on one line, non-breaking spaces as spaces. */
const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** «1 школа», «3 школы», «5 школ». */
function schools(n: number): string {
  const word =
    n % 10 === 1 && n % 100 !== 11
      ? 'школа'
      : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
        ? 'школы'
        : 'школ';
  return `${n} ${word}`;
}

/** The rows under a sheet's frozen header, cell values by column number (1-based). */
async function sheet(path: string, title: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const found = workbook.worksheets.find((s) => s.name.startsWith(title));
  if (!found) throw new Error(`no sheet «${title}» in ${path}`);
  const rows: unknown[][] = [];
  for (let r = frozenRows(found) + 1; r <= found.rowCount; r++) {
    const values = found.getRow(r).values as unknown[];
    if (values.slice(1).some((v) => v !== null && v !== undefined)) rows.push(values);
  }
  return rows;
}

/** Participants of 2026 included by the date, per municipality of the registry — from staging, not the marts. */
const PARTICIPANTS = `
  SELECT s.municipality_code AS code, count(DISTINCT p.school_login)::INTEGER AS n
  FROM stg_participants p JOIN stg_schools s USING (school_login)
  WHERE p.year = 2026 AND (p.included_at IS NULL OR p.included_at <= ${AS_OF}) AND s.municipality_code IS NOT NULL
  GROUP BY s.municipality_code ORDER BY s.municipality_code`;

export const register: RegisterChecks = (ctx) =>
  describe('municipality_summary: figures', () => {
    const summary = (code: string, format: string) => {
      const f = ctx().files.find(
        (x) => x.report === 'municipality_summary' && x.copy === code && x.format === format,
      );
      if (!f) throw new Error(`no ${format} summary of municipality ${code}`);
      return f.path;
    };

    it('one summary per municipality with participants, each naming its count of participants', async () => {
      const counts = await ctx().rows<{ code: string; n: number }>(PARTICIPANTS);
      const [{ region }] = await ctx().rows<{ region: number }>(
        `SELECT count(DISTINCT school_login)::INTEGER AS region FROM stg_participants
         WHERE year = 2026 AND (included_at IS NULL OR included_at <= ${AS_OF})`,
      );
      const copies = ctx()
        .files.filter((f) => f.report === 'municipality_summary' && f.format === 'pdf')
        .map((f) => f.copy)
        .sort();
      expect(copies).toEqual(counts.map((c) => c.code));
      for (const { code, n } of counts.slice(0, 3)) {
        const text = flat(await pdfText(summary(code, 'pdf')));
        const verb = schools(n).endsWith(' школа') ? 'участвует' : 'участвуют';
        expect(text).toContain(`в проекте «500+» ${verb} ${schools(n)} из ${region} в регионе`);
      }
    });

    it('the list of schools not meeting indicators is control_indicators_schools of that municipality', async () => {
      const rows = await ctx().rows<{ code: string; school_login: string; n: number }>(
        `SELECT municipality_code AS code, school_login, count(*)::INTEGER AS n FROM control_indicators_schools
         WHERE year = 2026 AND as_of = ${AS_OF} AND NOT met GROUP BY ALL ORDER BY code, school_login`,
      );
      const codes = [...new Set(rows.map((r) => r.code))];
      expect(codes.length).toBeGreaterThan(1);
      for (const code of codes) {
        const listed = (await sheet(summary(code, 'xlsx'), 'Таблица 3')).map((v) => v[1]);
        expect(listed, `municipality ${code}`).toEqual(
          rows.filter((r) => r.code === code).map((r) => r.school_login),
        );
      }
    });

    it("the indicators sheet holds the mart's counts and shares for the municipality and the region", async () => {
      const code = (await ctx().rows<{ code: string }>(PARTICIPANTS))[0].code;
      const mart = await ctx().rows<{ met: number; not_met: number; share_met: number; region: number }>(
        `SELECT m.met, m.not_met, m.share_met, r.share_met AS region
         FROM control_indicators m JOIN control_indicators r
           ON r.indicator_code = m.indicator_code AND r.scope = 'region' AND r.year = m.year AND r.as_of = m.as_of
         WHERE m.year = 2026 AND m.as_of = ${AS_OF} AND m.scope = 'municipality' AND m.municipality_code = '${code}'
         ORDER BY m.indicator_order`,
      );
      const got = (await sheet(summary(code, 'xlsx'), 'Таблица 2')).map((v) => ({
        met: v[3],
        not_met: v[4],
        share_met: v[5],
        region: v[6],
      }));
      expect(got).toEqual(mart);
    });

    it('a municipality of fewer than 20 participants gets counts, not comparisons of shares with the region', async () => {
      const counts = await ctx().rows<{ code: string; n: number }>(PARTICIPANTS);
      const small = counts.filter((c) => c.n < 20);
      expect(small.length).toBeGreaterThan(0);
      for (const { code } of small) {
        const text = flat(await pdfText(summary(code, 'pdf')));
        expect(text).toContain('Участников меньше 20: доли в таблице справочные');
        expect(text).not.toMatch(/ против \d+ % по региону/);
      }
    });
  });
