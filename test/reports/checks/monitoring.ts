import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const AS_OF = "DATE '2026-10-31'";
const only = process.env.SHNOR_TEST_REPORTS?.split(',');
const rendered = (name: string) => !only || only.includes(name);

/** PDF text as one line, non-breaking spaces as plain ones. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
/** The whole percent of n ÷ d, rounded half away from zero (counts are non-negative). */
const wholePct = (n: number, d: number) => Math.floor((200 * n + d) / (2 * d));
/** Russian plural form for a count: one (1, 21, …), few (2–4, 22–24, …), many. */
const form = (n: number, one: string, few: string, many: string) =>
  n % 10 === 1 && n % 100 !== 11
    ? one
    : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
      ? few
      : many;

/**
 * Stage-1 figures straight from the staging views: participants of the year included by the date, their
 * directions activated by the date, and per school whether every activated direction has stage-1 data all
 * confirmed by the curator.
 */
const STAGE1_SQL = `
  WITH p AS (
    SELECT DISTINCT school_login FROM stg_participants
    WHERE year = 2026 AND (included_at IS NULL OR included_at <= ${AS_OF})
  ),
  d AS (
    SELECT DISTINCT school_login, factor_code FROM stg_medk_directions
    WHERE year = 2026 AND activated AND (activated_at IS NULL OR activated_at <= ${AS_OF})
      AND school_login IN (SELECT school_login FROM p)
  ),
  m AS (
    SELECT school_login, factor_code, bool_and(confirmed_by_curator) AS all_confirmed
    FROM stg_medk_monitoring WHERE year = 2026 AND stage = 1
    GROUP BY ALL
  ),
  per_direction AS (
    SELECT d.school_login, d.factor_code, coalesce(m.all_confirmed, false) AS confirmed
    FROM d LEFT JOIN m USING (school_login, factor_code)
  )
  SELECT
    (SELECT count(*) FROM p)::INTEGER AS participants,
    (SELECT count(*) FROM (SELECT school_login FROM per_direction GROUP BY 1 HAVING bool_and(confirmed)))::INTEGER
      AS schools_confirmed,
    (SELECT count(*) FROM per_direction)::INTEGER AS directions,
    (SELECT count_if(confirmed) FROM per_direction)::INTEGER AS directions_confirmed`;

export const register: RegisterChecks = (ctx) =>
  describe.skipIf(!rendered('monitoring_stage1') || !rendered('monitoring_stage2'))(
    'monitoring: figures',
    () => {
      const file = (report: string, format: string) => {
        const f = ctx().files.find((x) => x.report === report && x.format === format);
        if (!f) throw new Error(`${report}.${format} was not written`);
        return f.path;
      };

      it('stage 1: schools with every activated direction confirmed, counted from staging', async () => {
        const [s] = await ctx().rows<{ participants: number; schools_confirmed: number }>(STAGE1_SQL);
        expect(s.participants).toBeGreaterThan(0);
        const n = s.schools_confirmed;
        const text = flat(await pdfText(file('monitoring_stage1', 'pdf')));
        expect(text).toContain(
          `участвуют ${s.participants} ${form(s.participants, 'школа', 'школы', 'школ')}`,
        );
        expect(text).toContain(
          `данные по всем направлениям подтверждены куратором — ${n} ${form(n, 'школа', 'школы', 'школ')} (${wholePct(n, s.participants)} %)`,
        );
      });

      it('stage 1: directions confirmed by the curator, counted from staging', async () => {
        const [s] = await ctx().rows<{ directions: number; directions_confirmed: number }>(STAGE1_SQL);
        const c = s.directions_confirmed;
        const text = flat(await pdfText(file('monitoring_stage1', 'pdf')));
        expect(text).toContain(
          `Из ${s.directions} ${form(s.directions, 'активированного', 'активированных', 'активированных')}`,
        );
        expect(text).toContain(
          `куратор подтвердил данные по ${c} ${form(c, 'направлению', 'направлениям', 'направлениям')} (${wholePct(c, s.directions)} %)`,
        );
      });

      it("the XLSX sheet of municipalities holds the mart's stage-1 rows", async () => {
        const rows = await ctx().rows<{
          municipality: string;
          participants: number;
          schools_reported: number;
          share_confirmed: number | null;
          share_positive_trend: number | null;
        }>(
          `SELECT municipality, participants, schools_reported, share_confirmed, share_positive_trend
           FROM monitoring WHERE year = 2026 AND as_of = ${AS_OF} AND scope = 'municipality' AND stage = 1
           ORDER BY municipality_code NULLS LAST, municipality`,
        );
        expect(rows.length).toBeGreaterThan(1);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file('monitoring_stage1', 'xlsx'));
        const sheet = workbook.worksheets[2];
        const header = frozenRows(sheet);
        const got = rows.map((_, i) => {
          const v = sheet.getRow(header + 1 + i).values as unknown[];
          return {
            municipality: v[1],
            participants: v[2],
            share_reported: v[3],
            share_confirmed: v[4],
            share_positive_trend: v[5],
          };
        });
        expect(got).toEqual(
          rows.map((r) => ({
            municipality: r.municipality,
            participants: r.participants,
            share_reported: r.schools_reported / r.participants,
            share_confirmed: r.share_confirmed,
            share_positive_trend: r.share_positive_trend,
          })),
        );
        expect(sheet.getRow(header + rows.length + 1).getCell(1).value ?? null).toBeNull();
      });

      it('directions are compared in a sentence only when activated in at least 20 schools', async () => {
        const directions = await ctx().rows<{ name: string; schools: number }>(
          `SELECT f.name, count(DISTINCT d.school_login)::INTEGER AS schools
           FROM stg_medk_directions d
           JOIN stg_participants p ON p.school_login = d.school_login AND p.year = 2026
             AND (p.included_at IS NULL OR p.included_at <= ${AS_OF})
           JOIN ref_risk_factor f USING (factor_code)
           WHERE d.year = 2026 AND d.activated AND (d.activated_at IS NULL OR d.activated_at <= ${AS_OF})
           GROUP BY f.name`,
        );
        const [{ min_group }] = await ctx().rows<{ min_group: number }>(
          `SELECT CAST(value AS INTEGER) AS min_group FROM ref_project_effect_settings WHERE key = 'min_group_schools'`,
        );
        const text = flat(await pdfText(file('monitoring_stage1', 'pdf')));
        const big = directions.filter((d) => d.schools >= min_group);
        if (big.length === 0) {
          expect(text).toContain(`Каждое направление активировано менее чем в ${min_group}`);
          return;
        }
        const start = text.indexOf('Среди направлений, активированных не менее чем');
        expect(start).toBeGreaterThan(0);
        const sentence = text.slice(start, text.indexOf('Направления, активированные в меньшем', start));
        for (const d of directions)
          expect(sentence.includes(`«${d.name}»`), d.name).toBe(d.schools >= min_group);
      });

      it('stage 2 says its data have not come in exactly when no school has reported any', async () => {
        const [{ n }] = await ctx().rows<{ n: number }>(
          'SELECT count(*)::INTEGER AS n FROM stg_medk_monitoring WHERE year = 2026 AND stage = 2',
        );
        const text = flat(await pdfText(file('monitoring_stage2', 'pdf')));
        expect(text.includes('Данные этапа 2 на 31.10.2026 не поступили')).toBe(n === 0);
        expect(text.includes('Школы, требующие внимания')).toBe(n > 0);
      });
    },
  );
