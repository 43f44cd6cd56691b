import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const REPORT = 'manager_diagnostics';
const LEVELS = ['высокий', 'продвинутый', 'базовый', 'удовлетворительный', 'низкий'];

/** The text as a reader sees it: one space for any run of spaces, words broken at a hyphen joined. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/(\S)- (?=\S)/g, '$1-');

/** «1 человек», «2 человека», «5 человек». */
function word(n: number, one: string, few: string, many: string): string {
  if (n % 10 === 1 && n % 100 !== 11) return one;
  if ([2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)) return few;
  return many;
}

/** Whole percent of a ÷ b, half away from zero, from the integers. */
const wholePct = (a: number, b: number) => Math.floor((200 * a + b) / (2 * b));

/** The latest wave of 2026 in the staging view, as the diagnostics export holds it. */
const LATEST = `(SELECT wave FROM stg_manager_diagnostics WHERE year = 2026
                 ORDER BY try_cast(wave AS INTEGER) DESC NULLS FIRST, wave DESC LIMIT 1)`;

export const register: RegisterChecks = (ctx) =>
  describe('manager_diagnostics: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file(REPORT, format);
    const text = async () => flat(await pdfText(file('pdf')));

    it('names the people, schools, directors and deputies counted from the export itself', async () => {
      const [r] = await ctx().rows<{ people: number; schools: number; directors: number; deputies: number }>(
        `SELECT count(DISTINCT person_id)::INTEGER AS people, count(DISTINCT school_login)::INTEGER AS schools,
                count(DISTINCT person_id) FILTER (WHERE position = 'директор')::INTEGER AS directors,
                count(DISTINCT person_id) FILTER (WHERE position = 'заместитель')::INTEGER AS deputies
         FROM stg_manager_diagnostics WHERE year = 2026 AND wave = ${LATEST}`,
      );
      expect(r.people).toBeGreaterThan(0);
      const t = await text();
      const who = `${r.people} ${word(r.people, 'руководитель', 'руководителя', 'руководителей')}`;
      expect(t).toContain(`прошли ${who} из ${r.schools} ${word(r.schools, 'школы', 'школ', 'школ')}`);
      expect(t).toContain(`${r.directors} ${word(r.directors, 'директор', 'директора', 'директоров')}`);
      expect(t).toContain(`${r.deputies} ${word(r.deputies, 'заместитель', 'заместителя', 'заместителей')}`);
    });

    it('ranks the competences by the mean % of the maximum, each person with equal weight', async () => {
      // Exact decimals, rounded to a tenth as the table shows, then to the whole percent of the sentence.
      const rows = await ctx().rows<{ competence: string; mean: number }>(
        `SELECT competence,
                CAST(round(avg(CAST(score AS DECIMAL(18, 6)) * 100 / CAST(max_score AS DECIMAL(18, 6))), 1) AS DOUBLE) AS mean
         FROM stg_manager_diagnostics WHERE year = 2026 AND wave = ${LATEST}
         GROUP BY competence ORDER BY mean DESC, competence`,
      );
      expect(rows.length).toBeGreaterThan(1);
      const t = await text();
      const whole = rows.map((r) => Math.round(r.mean));
      rows.forEach((r, i) => {
        // Competences that read the same share a place: «на втором месте «B» и «C» – по 55 %».
        if (whole.filter((w) => w === whole[i]).length > 1) {
          expect(t).toContain(`«${r.competence}»`);
          expect(t).toContain(`– по ${whole[i]} %`);
        } else {
          expect(t).toContain(`${i === 0 ? 'на первом месте ' : ''}«${r.competence}» – ${whole[i]} %`);
        }
      });
    });

    it('gives the overall level from the sum of every competence against ref_level_bands', async () => {
      const rows = await ctx().rows<{ level: string; people: number; total: number }>(
        `WITH p AS (
           SELECT person_id, sum(CAST(score AS DECIMAL(18, 6))) * 100 / sum(CAST(max_score AS DECIMAL(18, 6))) AS pct
           FROM stg_manager_diagnostics WHERE year = 2026 AND wave = ${LATEST}
           GROUP BY person_id
           HAVING count(DISTINCT competence) = (SELECT count(DISTINCT competence) FROM stg_manager_diagnostics
                                                WHERE year = 2026 AND wave = ${LATEST})
         ),
         banded AS (
           SELECT p.person_id,
                  (SELECT b.level FROM ref_level_bands b WHERE b.instrument = 'managers' AND p.pct >= b.min_pct
                   ORDER BY b.min_pct DESC LIMIT 1) AS level
           FROM p
         )
         SELECT level, count(*)::INTEGER AS people, (SELECT count(*) FROM p)::INTEGER AS total
         FROM banded GROUP BY level`,
      );
      const t = await text();
      for (const level of LEVELS) {
        const r = rows.find((x) => x.level === level);
        const people = r?.people ?? 0;
        const total = rows[0].total;
        expect(t).toContain(
          `«${level}» — ${wholePct(people, total)} % (${people} ${word(people, 'человек', 'человека', 'человек')})`,
        );
      }
    });

    it("the XLSX sheet of levels holds the mart's distribution of the latest wave", async () => {
      const mart = await ctx().rows<{
        competence: string;
        people_assessed: number;
        level: string;
        share: number;
      }>(
        `SELECT competence, people_assessed::INTEGER AS people_assessed, level, share FROM manager_levels
         WHERE year = 2026 AND as_of = DATE '2026-10-31' AND scope = 'region'
           AND wave_order = (SELECT max(wave_order) FROM manager_levels WHERE year = 2026 AND as_of = DATE '2026-10-31')`,
      );
      const expected = new Map<string, unknown[]>();
      for (const r of mart) {
        const row = expected.get(r.competence) ?? [
          r.competence,
          r.people_assessed,
          ...LEVELS.map(() => null),
        ];
        row[2 + LEVELS.indexOf(r.level)] = r.share;
        expected.set(r.competence, row);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets[0];
      const header = frozenRows(sheet);
      const got: unknown[][] = [];
      for (let i = header + 1; i <= sheet.rowCount; i++) {
        const values = (sheet.getRow(i).values as unknown[]).slice(1);
        if (values.length) got.push(values);
      }
      expect(got.length).toBe(expected.size);
      for (const row of got) expect(row).toEqual(expected.get(String(row[0])));
      expect(sheet.getRow(header + 1).getCell(3).numFmt).toBe('0.0%');
    });

    it('compares municipalities in a sentence only where 20 managers or more took part; hides those under 3', async () => {
      const rows = await ctx().rows<{ municipality: string; people: number }>(
        `SELECT s.municipality, count(DISTINCT d.person_id)::INTEGER AS people
         FROM stg_manager_diagnostics d JOIN int_schools s USING (school_login)
         WHERE d.year = 2026 AND d.wave = ${LATEST}
         GROUP BY s.municipality ORDER BY s.municipality`,
      );
      expect(rows.length).toBeGreaterThan(1);
      const t = await text();
      const large = rows.filter((r) => r.people >= 20);
      if (large.length === 0) {
        expect(t).toContain('В каждом муниципалитете диагностику прошли меньше 20 руководителей');
        expect(t).not.toContain('Среди муниципалитетов');
      } else {
        const sentence = t.slice(t.indexOf('Среди муниципалитетов'), t.indexOf('Остальные муниципалитеты'));
        for (const r of rows) expect(sentence.includes(r.municipality), r.municipality).toBe(r.people >= 20);
      }
      const small = rows.filter((r) => r.people < 3);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets[2];
      for (const r of small) {
        let found = 0;
        sheet.eachRow((row) => {
          const values = (row.values as unknown[]).slice(1);
          if (flat(String(values[0])) !== `${r.municipality} — данные скрыты: меньше 3 человек`) return;
          found++;
          expect(values.slice(1).every((v) => v === null || v === undefined)).toBe(true);
        });
        expect(found, r.municipality).toBe(1);
      }
    });

    it('keeps the named list only in the ДСП workbook, marked, and none of its codes in the PDF or HTML', async () => {
      const restricted = ctx().files.find((x) => x.report === REPORT && x.format === 'xlsx-restricted');
      expect(restricted?.path).toMatch(/manager_diagnostics-ДСП\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(String(restricted?.path));
      const codes = new Set<string>();
      for (const sheet of workbook.worksheets) {
        expect(sheet.getRow(1).getCell(1).value).toBe('Для служебного пользования');
        const header = frozenRows(sheet);
        const at = (sheet.getRow(header).values as unknown[]).indexOf('Код участника');
        for (let i = header + 1; i <= sheet.rowCount; i++) {
          const code = sheet.getRow(i).getCell(at).value;
          if (code) codes.add(String(code));
        }
      }
      expect(codes.size).toBeGreaterThan(0);
      const pdf = await text();
      const html = readFileSync(file('html'), 'utf8');
      for (const code of codes) {
        expect(pdf.includes(code), code).toBe(false);
        expect(html.includes(code), code).toBe(false);
      }
    });
  });
