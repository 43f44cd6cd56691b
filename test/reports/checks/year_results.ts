import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/warehouse/paths.js';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfPages, pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

/** A share of two counts as a whole percent, half away from zero (exact on integers). */
const wholePct = (part: number, total: number) => Math.floor((200 * part + total) / (2 * total));
const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
/** «1 школа», «2 школы», «5 школ» (and the genitive after «из»: «из 1 школы», «из 22 школ»). */
const schools = (n: number, forms: [string, string, string]) => {
  const one = n % 10 === 1 && n % 100 !== 11;
  const few = [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100);
  return `${n} ${one ? forms[0] : few ? forms[1] : forms[2]}`;
};

export const register: RegisterChecks = (ctx) =>
  describe('year_results: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file('year_results', format);

    it('has a title page without a number and a contents whose page numbers are where the sections start', async () => {
      const pdf = file('pdf');
      const title = flat(await pdfText(pdf, 1));
      expect(title).toContain('Аналитическая справка по итогам реализации проекта «500+»');
      expect(title).toContain('2026 год, по состоянию на 31 октября 2026 г.');
      expect(title).not.toContain('Содержание');
      expect(title.trim()).not.toMatch(/^\d+\s/);

      const contents = await pdfText(pdf, 2);
      expect(contents).toContain('Содержание');
      const entries = [...contents.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => ({
        title: m[1],
        page: Number(m[2]),
      }));
      expect(entries.map((e) => e.title)).toEqual(
        expect.arrayContaining([
          'Участники проекта и показатели включенности',
          'Качество образования до и после вхождения в проект',
          'Выход из перечня ШНОР',
          'Выводы',
          'Рекомендации',
          'Приложение. Качество данных',
        ]),
      );
      const pages = pdfPages(pdf);
      let previous = 3;
      for (const e of entries) {
        expect(e.page, e.title).toBeGreaterThanOrEqual(previous);
        expect(e.page, e.title).toBeLessThanOrEqual(pages);
        // The section's heading is a line of its own on the page the contents names.
        const lines = (await pdfText(pdf, e.page)).split('\n').map((l) => l.trim());
        expect(lines, `«${e.title}» on page ${e.page}`).toContain(e.title);
        previous = e.page;
      }
    });

    it('counts the participants and their cohorts from the participants list itself', async () => {
      const cohorts = await ctx().rows<{ cohort: number; n: number }>(
        `SELECT cohort, count(DISTINCT school_login)::INTEGER AS n FROM stg_participants
         WHERE year = 2026 AND (included_at IS NULL OR included_at <= DATE '2026-10-31')
         GROUP BY cohort ORDER BY cohort`,
      );
      expect(cohorts.length).toBeGreaterThan(1);
      const total = cohorts.reduce((s, c) => s + c.n, 0);
      const parts = cohorts.map(
        (c) => `${schools(c.n, ['школа', 'школы', 'школ'])} когорты ${c.cohort} года`,
      );
      const joined = `${parts.slice(0, -1).join(', ')} и ${parts.at(-1)}`;
      const text = flat(await pdfText(file('pdf')));
      expect(text).toContain(`в проекте участвуют ${schools(total, ['школа', 'школы', 'школ'])}: ${joined}.`);
    });

    it('states the share of the 2025 cohort that left the ШНОР list, from the lists themselves, as MANIFEST plants it', async () => {
      const rows = await ctx().rows<{ school_login: string; left_list: boolean }>(
        `WITH cohort AS (SELECT DISTINCT school_login FROM stg_participants WHERE year <= 2026 AND cohort = 2025)
         SELECT c.school_login,
                NOT EXISTS (SELECT 1 FROM stg_shnor_list l WHERE l.year = 2026 AND l.school_login = c.school_login) AS left_list
         FROM cohort c
         WHERE EXISTS (SELECT 1 FROM stg_shnor_list l WHERE l.year = 2025 AND l.school_login = c.school_login)
         ORDER BY 1`,
      );
      const left = rows.filter((r) => r.left_list).map((r) => r.school_login);
      const text = flat(await pdfText(file('pdf')));
      expect(text).toContain(
        `Из ${schools(rows.length, ['школы', 'школ', 'школ'])} когорты 2025 года, входивших в перечень ШНОР 2025 года, ` +
          `в перечень 2026 года не вошли ${left.length} (${wholePct(left.length, rows.length)} %)`,
      );
      const manifest = readFileSync(projectPath('data-samples', 'MANIFEST.md'), 'utf8');
      const planted = /^- Cohort-2025 schools that leave the ШНОР list in 2026[^:]*: (.*?);/m.exec(manifest);
      expect(planted, 'MANIFEST names the schools that leave').not.toBeNull();
      expect(left).toEqual(planted?.[1].split(', ').sort());
    });

    it('writes no effect sentence for a small group and «улучшилось» only for the confirmed improvements', async () => {
      const rows = await ctx().rows<{
        label: string;
        small_group: boolean;
        improved: boolean;
        confirmed: boolean;
      }>(
        `SELECT e.assessment_name || ', ' || lower(s.name) AS label, e.small_group, e.improved, e.confirmed
         FROM project_effect e JOIN ref_subjects s ON s.subject_code = e.subject
         WHERE e.year = 2026 AND e.as_of = DATE '2026-10-31'`,
      );
      const small = rows.filter((r) => r.small_group);
      expect(small.length, 'the samples have small ЕГЭ groups').toBeGreaterThan(0);
      const text = flat(await pdfText(file('pdf')));
      for (const r of small) expect(text).not.toContain(`${r.label} — `);
      const improved = rows.filter((r) => !r.small_group && r.improved && r.confirmed).length;
      expect(improved).toBeGreaterThan(0);
      expect(text.match(/ — улучшилось: /g) ?? []).toHaveLength(improved);
      expect(text).toContain('меньше 20 школ — выводы не делаются');
    });

    it("the XLSX sheet of the effect holds the mart's differences and intervals", async () => {
      const rows = await ctx().rows<{ cohort: number; did: number; low: number; high: number }>(
        `SELECT cohort, did_share2_pp AS did, did_ci_low_pp AS low, did_ci_high_pp AS high
         FROM project_effect WHERE year = 2026 AND as_of = DATE '2026-10-31'`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets.find((w) => w.name.startsWith('Таблица 5'));
      if (!sheet)
        throw new Error(`no sheet of Таблица 5: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
      const header = frozenRows(sheet);
      const got: { cohort: unknown; did: unknown; low: unknown; high: unknown }[] = [];
      sheet.eachRow((row, i) => {
        const v = row.values as unknown[];
        if (i > header) got.push({ cohort: v[1], did: v[3], low: v[4] ?? null, high: v[5] ?? null });
      });
      const key = (r: { cohort: unknown; did: unknown }) => `${r.cohort}:${r.did}`;
      expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        rows.sort((a, b) => key(a).localeCompare(key(b))),
      );
    });
  });
