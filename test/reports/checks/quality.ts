import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfPages, pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

/** Text as a reader compares it: non-breaking spaces as spaces, runs of whitespace as one. */
const flat = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A share as the note prints it: percent rounded half away from zero, decimal comma. */
function percent(numerator: number, denominator: number, digits: number): string {
  const scale = 10 ** digits;
  const units = Math.floor((200 * scale * numerator + denominator) / (2 * denominator));
  const whole = Math.floor(units / scale);
  return digits === 0 ? `${whole} %` : `${whole},${String(units % scale).padStart(digits, '0')} %`;
}

interface EffectRow {
  cohort: number;
  label: string;
  n_shnor: number;
  n_comparison: number;
  did_share2_pp: number;
  did_ci_low_pp: number;
  did_ci_high_pp: number;
  small_group: boolean;
  improved: boolean;
  confirmed: boolean;
}

/** The PDF's text without the page numbers at the top of each page, so a sentence reads across a page break. */
async function bodyText(pdf: string): Promise<string> {
  const pages: string[] = [];
  for (let p = 1; p <= pdfPages(pdf); p++) pages.push(flat(await pdfText(pdf, p)).replace(/^\d+ /, ''));
  return pages.join(' ');
}

const RUN = "year = 2026 AND as_of = DATE '2026-10-31'";
const PARTICIPANTS = `SELECT DISTINCT school_login FROM stg_participants
  WHERE year = 2026 AND (included_at IS NULL OR included_at <= DATE '2026-10-31')`;

export const register: RegisterChecks = (ctx) => {
  const only = process.env.SHNOR_TEST_REPORTS?.split(',');
  describe.skipIf(only !== undefined && !only.includes('quality'))('quality: figures and claims', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file('quality', format);

    /** project_effect's rows of the run, with the label the note writes («ВПР, математика»). */
    const effectRows = () =>
      ctx().rows<EffectRow>(
        `SELECT e.cohort, e.assessment_name || ', ' || lower(s.name[1]) || s.name[2:] AS label,
                e.n_shnor, e.n_comparison, e.did_share2_pp, e.did_ci_low_pp, e.did_ci_high_pp,
                e.small_group, e.improved, e.confirmed
         FROM project_effect e JOIN ref_subjects s ON s.subject_code = e.subject
         WHERE e.${RUN} ORDER BY e.cohort, label`,
      );

    it('states the ВПР share of «2» of participants and of the region as counted from the protocols', async () => {
      // From staging, not from the marts: works written (not absent) with a mark, as of the date.
      const [v] = await ctx().rows<{
        shnor_2: number;
        shnor_marked: number;
        region_2: number;
        region_marked: number;
      }>(
        `SELECT count(*) FILTER (WHERE v.mark = 2 AND p.school_login IS NOT NULL)::INTEGER AS shnor_2,
                count(v.mark) FILTER (WHERE p.school_login IS NOT NULL)::INTEGER AS shnor_marked,
                count(*) FILTER (WHERE v.mark = 2)::INTEGER AS region_2,
                count(v.mark)::INTEGER AS region_marked
         FROM stg_vpr_results v LEFT JOIN (${PARTICIPANTS}) p USING (school_login)
         WHERE v.year = 2026 AND NOT v.is_absent AND v.school_login IS NOT NULL`,
      );
      expect(v.region_marked).toBeGreaterThan(0);
      const [{ shnor_works }] = await ctx().rows<{ shnor_works: number }>(
        `SELECT count(*)::INTEGER AS shnor_works FROM stg_vpr_results
         WHERE year = 2026 AND NOT is_absent AND school_login IN (${PARTICIPANTS})`,
      );
      const text = flat(await pdfText(file('pdf')));
      const sentence = `Доля работ с отметкой «2» у участников проекта — ${percent(v.shnor_2, v.shnor_marked, 0)}, в среднем по региону — ${percent(v.region_2, v.region_marked, 0)}`;
      if (shnor_works >= 20) expect(text).toContain(sentence);
      else expect(text).not.toContain('Доля работ с отметкой «2» у участников проекта');
    });

    it("prints quality_region's share of «2» for the largest ВПР class as counted from the protocols", async () => {
      const [cell] = await ctx().rows<{ name: string; grade: number; fails: number; marked: number }>(
        `SELECT s.name, v.grade, count(*) FILTER (WHERE v.mark = 2)::INTEGER AS fails, count(v.mark)::INTEGER AS marked
         FROM stg_vpr_results v JOIN ref_subjects s ON s.subject_code = v.subject
         WHERE v.year = 2026 AND NOT v.is_absent AND v.school_login IS NOT NULL
         GROUP BY ALL ORDER BY marked DESC, s.name, v.grade LIMIT 1`,
      );
      // Table 1's row of that subject and grade: works of participants, then their share, then the region's.
      const layout = (await pdfText(file('pdf'))).replace(/\u00a0/g, ' ');
      // A long subject name may wrap in its cell: the row's first line holds its first word.
      const [first, ...rest] = cell.name.split(' ');
      const name = rest.length ? `${first}(?: ${rest.join(' ')})?` : first;
      const row = new RegExp(`^\\s*${name}\\s+${cell.grade}\\s+[\\d ]+?\\s+(\\S+ %|—)\\s+(\\d+,\\d %)`, 'm');
      const match = row.exec(layout);
      expect(match, `a row «${cell.name} ${cell.grade}» of the ВПР table`).not.toBeNull();
      expect(match?.[2]).toBe(percent(cell.fails, cell.marked, 1));
    });

    it('writes «улучшилось» only for confirmed rows of project_effect, never for a small group or an interval with zero', async () => {
      const rows = await effectRows();
      expect(rows.length).toBeGreaterThan(0);
      const text = await bodyText(file('pdf'));
      const start = text.indexOf('Эффект оценивается отдельно');
      const end = text.indexOf('Признак возможной необъективности — повод');
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const section = text.slice(start, end);
      const cohorts = [...new Set(rows.map((r) => r.cohort))];
      for (const [i, cohort] of cohorts.entries()) {
        const from = section.indexOf(`Когорта ${cohort} года Школы, вошедшие в проект`);
        expect(from, `the subsection of cohort ${cohort}`).toBeGreaterThan(0);
        const next = i + 1 < cohorts.length ? section.indexOf(`Когорта ${cohorts[i + 1]} года Школы`) : -1;
        const chunk = section.slice(from, next < 0 ? undefined : next);
        // Each row's item runs from «label:» to the next row's.
        const mine = rows.filter((r) => r.cohort === cohort);
        const at = mine.map((r) => ({ r, pos: chunk.indexOf(`${r.label}: `) }));
        for (const { r, pos } of at) expect(pos, `item «${r.label}» of cohort ${cohort}`).toBeGreaterThan(0);
        at.sort((a, b) => a.pos - b.pos);
        at.forEach(({ r, pos }, k) => {
          const item = chunk.slice(pos, k + 1 < at.length ? at[k + 1].pos : undefined);
          const what = `${cohort}, ${r.label}: ${item}`;
          if (r.small_group) expect(item, what).toContain('вывод не делается');
          // «улучшение не подтверждено» is allowed; the claim «улучшилось» only where the mart confirms it.
          if (r.confirmed) expect(item, what).toContain('улучшилось:');
          else expect(item, what).not.toMatch(/улучшил/i);
          if (r.improved && !r.confirmed) expect(item, what).toContain('не подтверждено');
          if (!r.small_group && r.did_ci_low_pp <= 0 && r.did_ci_high_pp >= 0)
            expect(item, what).toContain('изменение статистически не подтверждено');
        });
      }
      // Anywhere else in the note the claim comes only as the table's verdict of a confirmed row.
      const confirmed = rows.filter((r) => r.confirmed).length;
      expect(text.match(/улучшил/gi)?.length ?? 0).toBe(2 * confirmed);
    });

    it("the XLSX sheet of the project's effect holds project_effect's rows and a verdict from its flags", async () => {
      const rows = await effectRows();
      const ordered = await ctx().rows<{ cohort: number; label: string }>(
        `SELECT e.cohort, e.assessment_name || ', ' || lower(s.name[1]) || s.name[2:] AS label
         FROM project_effect e JOIN ref_subjects s ON s.subject_code = e.subject
         WHERE e.${RUN}
         ORDER BY e.cohort, CASE e.assessment WHEN 'vpr' THEN 1 WHEN 'regional' THEN 2 WHEN 'oge' THEN 3 ELSE 4 END,
                  e.assessment_name, s.name`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets.find((s) => {
        const header = s.getRow(frozenRows(s)).values as unknown[];
        return header[1] === 'Когорта' && header[2] === 'Процедура и предмет';
      });
      expect(sheet, 'a sheet of the effect table').toBeDefined();
      if (!sheet) return;
      const header = frozenRows(sheet);
      const byKey = new Map(rows.map((r) => [`${r.cohort}|${r.label}`, r]));
      const got = ordered.map((_, i) => sheet.getRow(header + 1 + i).values as unknown[]);
      expect(sheet.rowCount - header).toBe(ordered.length);
      got.forEach((v, i) => {
        const r = byKey.get(`${ordered[i].cohort}|${ordered[i].label}`);
        if (!r) throw new Error(`no project_effect row for ${ordered[i].label}`);
        expect(Array.from(v.slice(1, 8), (x) => x ?? null)).toEqual([
          String(r.cohort),
          r.label,
          r.n_shnor,
          r.n_comparison,
          r.did_share2_pp,
          r.did_ci_low_pp,
          r.did_ci_high_pp,
        ]);
        const verdict = r.small_group
          ? 'мало школ'
          : r.confirmed
            ? 'улучшилось'
            : r.improved
              ? 'не подтверждено (признаки)'
              : r.did_ci_low_pp > 0
                ? 'ухудшилось'
                : 'не доказано';
        expect(v[8], `${r.cohort}, ${r.label}`).toBe(verdict);
      });
    });

    it('the contents give each section the page its heading is printed on', async () => {
      const pdf = file('pdf');
      const html = readFileSync(file('html'), 'utf8');
      // Every h2 of the note (the body's and the layout's) is an entry of the contents.
      const headings = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) =>
        flat(
          m[1]
            .replace(/<[^>]+>/g, '')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&'),
        ),
      );
      expect(headings.length).toBeGreaterThan(5);
      const contentsPage = flat(await pdfText(pdf, 2)).startsWith('2 Содержание') ? 2 : 0;
      expect(contentsPage, 'the contents on page 2, after the title page').toBe(2);
      const lines = (await pdfText(pdf, 2)).split('\n').map(flat);
      const pages = pdfPages(pdf);
      let previous = 3;
      for (const title of headings) {
        const line = lines.find((l) => l.startsWith(`${title} `) && /\s\d+$/.test(l));
        expect(line, `a contents line with a page for «${title}»`).toBeDefined();
        const page = Number(/(\d+)$/.exec(line ?? '')?.[1]);
        expect(page).toBeGreaterThanOrEqual(previous);
        expect(page).toBeLessThanOrEqual(pages);
        previous = page;
        const printed = (await pdfText(pdf, page)).split('\n').map(flat);
        expect(printed, `«${title}» printed on page ${page}`).toContain(title);
      }
    });
  });
};
