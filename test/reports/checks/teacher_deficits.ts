import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { renderReports } from '../../../src/reports/run-reports.js';
import { loadReportFolder, TEMPLATES_DIR } from '../../../src/reports/spec.js';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const REPORT = 'teacher_deficits';

/** The text as a reader sees it: one space for any run of spaces, words broken at a hyphen joined. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/(\S)- (?=\S)/g, '$1-');
/** The text of an HTML file without its markup. */
const htmlText = (path: string) => flat(readFileSync(path, 'utf8').replace(/<[^>]+>/g, ' '));
/** Whole percent of a ÷ b, half away from zero, from the integers. */
const wholePct = (a: number, b: number) => Math.floor((200 * a + b) / (2 * b));

/** The latest wave of 2026 in the staging view. */
const LATEST = `(SELECT wave FROM stg_teacher_diagnostics WHERE year = 2026
                 ORDER BY try_cast(wave AS INTEGER) DESC NULLS FIRST, wave DESC LIMIT 1)`;
/** Below this % of a block's maximum a teacher has a deficit: the lower edge of the top band. */
const NO_DEFICIT_FROM = `(SELECT max(CAST(min_pct AS DECIMAL(18, 6))) FROM ref_level_bands WHERE instrument = 'teachers')`;
/** Per teacher × subject × block of the latest wave (or every wave): % of the block's maximum, exact. */
const blocks = (waves: string) => `
  SELECT wave, teacher_id, school_login, subject, block,
         sum(CAST(score AS DECIMAL(18, 6))) * 100 / sum(CAST(max_score AS DECIMAL(18, 6))) < ${NO_DEFICIT_FROM} AS deficit
  FROM stg_teacher_diagnostics WHERE year = 2026 AND ${waves}
  GROUP BY ALL`;

async function sheetRows(path: string, index: number): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[index];
  const rows: unknown[][] = [];
  for (let i = frozenRows(sheet) + 1; i <= sheet.rowCount; i++) {
    const values = sheet.getRow(i).values as unknown[];
    if (values.length) rows.push(Array.from(values.slice(1), (v) => v ?? null));
  }
  return rows;
}

export const register: RegisterChecks = (ctx) =>
  describe('teacher_deficits: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file(REPORT, format);
    const text = async () => flat(await pdfText(file('pdf')));

    it('states the share of teachers with a deficit in at least one block, from the items themselves', async () => {
      const [r] = await ctx().rows<{ teachers: number; with_deficit: number }>(
        `WITH b AS (${blocks(`wave = ${LATEST}`)}),
         t AS (SELECT teacher_id, bool_or(deficit) AS deficit FROM b GROUP BY teacher_id)
         SELECT count(*)::INTEGER AS teachers, count(*) FILTER (WHERE deficit)::INTEGER AS with_deficit FROM t`,
      );
      expect(r.teachers).toBeGreaterThan(0);
      expect(await text()).toContain(
        `выявлен у ${wholePct(r.with_deficit, r.teachers)} % педагогов (${r.with_deficit} из ${r.teachers})`,
      );
    });

    it('ranks the blocks by the share of teachers with a deficit in them', async () => {
      const rows = await ctx().rows<{ block: string; teachers: number; with_deficit: number }>(
        `WITH b AS (${blocks(`wave = ${LATEST}`)}),
         t AS (SELECT block, teacher_id, bool_or(deficit) AS deficit FROM b GROUP BY block, teacher_id)
         SELECT block, count(*)::INTEGER AS teachers, count(*) FILTER (WHERE deficit)::INTEGER AS with_deficit
         FROM t GROUP BY block`,
      );
      expect(rows.length).toBeGreaterThan(1);
      const whole = rows.map((r) => wholePct(r.with_deficit, r.teachers));
      const t = await text();
      const sentence = t.slice(t.indexOf('Доля педагогов с дефицитом по блокам:'));
      rows.forEach((r, i) => {
        // Blocks that read the same share a place: «на втором месте «B» и «C» – по 76 %».
        const tied = whole.filter((w) => w === whole[i]).length > 1;
        expect(sentence).toContain(tied ? `«${r.block}»` : `«${r.block}» – ${whole[i]} %`);
        if (tied) expect(sentence).toContain(`– по ${whole[i]} %`);
      });
    });

    it("the XLSX sheet of blocks holds the mart's region rows of the latest wave", async () => {
      const mart = await ctx().rows<Record<string, unknown>>(
        `SELECT block, teachers::INTEGER AS teachers, with_deficit::INTEGER AS with_deficit, share_with_deficit,
                severe_deficit::INTEGER AS severe_deficit, share_severe_deficit
         FROM teacher_deficit_shares
         WHERE year = 2026 AND as_of = DATE '2026-10-31' AND scope = 'region' AND breakdown = 'блок'
           AND wave_order = (SELECT max(wave_order) FROM teacher_deficit_shares
                             WHERE year = 2026 AND as_of = DATE '2026-10-31')
         ORDER BY share_with_deficit DESC, block`,
      );
      expect(mart.length).toBeGreaterThan(0);
      expect(await sheetRows(file('xlsx'), 0)).toEqual(mart.map((r) => Object.values(r)));
    });

    it('compares municipalities in a sentence only where 20 teachers or more took part', async () => {
      const rows = await ctx().rows<{ municipality: string; teachers: number }>(
        `SELECT s.municipality, count(DISTINCT d.teacher_id)::INTEGER AS teachers
         FROM stg_teacher_diagnostics d JOIN int_schools s USING (school_login)
         WHERE d.year = 2026 AND d.wave = ${LATEST}
         GROUP BY s.municipality`,
      );
      const t = await text();
      const start = t.indexOf('Среди муниципалитетов');
      if (!rows.some((r) => r.teachers >= 20)) {
        expect(start).toBe(-1);
        expect(t).toContain('В каждом муниципалитете диагностику прошли меньше 20 педагогов');
        return;
      }
      const sentence = t.slice(start, t.indexOf('Результаты остальных'));
      for (const r of rows)
        expect(sentence.includes(`${r.municipality} —`), r.municipality).toBe(r.teachers >= 20);
    });

    it('hides a municipal training figure where fewer than 3 teachers, or 3 with a deficit, are behind it', async () => {
      // Deficit found in a block in any wave of the year; the teacher's municipality by the latest wave.
      const rows = await ctx().rows<{ municipality: string; block: string; hidden: boolean }>(
        `WITH b AS (${blocks('TRUE')}),
         last_school AS (
           SELECT teacher_id, arg_max(school_login, try_cast(wave AS INTEGER)) AS school_login FROM b GROUP BY teacher_id
         ),
         t AS (SELECT teacher_id, block, bool_or(deficit) AS deficit FROM b GROUP BY teacher_id, block)
         SELECT s.municipality, t.block,
                count(*) < 3 OR count(*) FILTER (WHERE t.deficit) < 3 AS hidden
         FROM t JOIN last_school USING (teacher_id) JOIN int_schools s USING (school_login)
         GROUP BY s.municipality, t.block`,
      );
      expect(rows.some((r) => r.hidden)).toBe(true);
      const sheet = await sheetRows(file('xlsx'), 6);
      const blocksOrder = ['нормативно-правовой', 'предметный', 'методический', 'психолого-педагогический'];
      for (const r of rows) {
        const row = sheet.find((x) => x[0] === r.municipality);
        expect(row, r.municipality).toBeDefined();
        const cell = row?.[1 + blocksOrder.indexOf(r.block)] ?? null;
        expect(cell === null, `${r.municipality}, ${r.block}`).toBe(r.hidden);
      }
      expect(await text()).toContain('Знак «—» в таблице 7 означает, что данные скрыты');
    });

    it('keeps named lists only in the ДСП workbook, marked, every teacher with a deficit in it, no code in the PDF or HTML', async () => {
      const restricted = ctx().files.find((x) => x.report === REPORT && x.format === 'xlsx-restricted');
      expect(restricted?.path).toMatch(/teacher_deficits-ДСП\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(String(restricted?.path));
      expect(workbook.worksheets.length).toBeGreaterThan(0);
      const codes = new Set<string>();
      const listed = new Set<string>();
      workbook.worksheets.forEach((sheet, index) => {
        expect(sheet.getRow(1).getCell(1).value).toBe('Для служебного пользования');
        const header = frozenRows(sheet);
        const at = (sheet.getRow(header).values as unknown[]).indexOf('Код педагога');
        expect(at).toBeGreaterThan(0);
        for (let i = header + 1; i <= sheet.rowCount; i++) {
          const code = sheet.getRow(i).getCell(at).value;
          if (!code) continue;
          codes.add(String(code));
          if (index === 0) listed.add(String(code));
        }
      });
      const [r] = await ctx().rows<{ with_deficit: number }>(
        `WITH b AS (${blocks(`wave = ${LATEST}`)})
         SELECT count(DISTINCT teacher_id) FILTER (WHERE deficit)::INTEGER AS with_deficit FROM b`,
      );
      expect(listed.size).toBe(r.with_deficit);
      const pdf = await text();
      const html = readFileSync(file('html'), 'utf8');
      const shown = new ExcelJS.Workbook();
      await shown.xlsx.readFile(file('xlsx'));
      const cells = new Set<string>();
      shown.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.add(String(cell.value)))),
      );
      for (const code of codes) {
        expect(pdf.includes(code), code).toBe(false);
        expect(html.includes(code), code).toBe(false);
        expect(cells.has(code), code).toBe(false);
      }
    });

    it('says «Нет данных» in the training section, and only there, when no courses export is loaded', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'shnor-teacher-deficits-'));
      try {
        const db = join(dir, 'w.duckdb');
        copyFileSync(ctx().db, db);
        if (existsSync(`${ctx().db}.secret`)) copyFileSync(`${ctx().db}.secret`, `${db}.secret`);
        const batches = await ctx().rows<{ batch_id: number }>(
          `SELECT batch_id FROM load_batch WHERE source = 'pd_courses' AND status = 'loaded' ORDER BY batch_id`,
        );
        expect(batches.length).toBeGreaterThan(0);
        for (const b of batches) {
          const io = captureIo();
          expect(
            await main(['unload', String(b.batch_id), '--db', db], io),
            io.stderr.join('\n'),
          ).toBeLessThan(2);
        }
        const [html] = await renderReports({
          db,
          reports: loadReportFolder(join(TEMPLATES_DIR, REPORT)),
          params: ctx().params,
          formats: ['html'],
          outRoot: join(dir, 'out'),
          commentaryDir: join(dir, 'commentary'),
        });
        const t = htmlText(html.path);
        const training = t.slice(
          t.indexOf('Повышение квалификации против выявленных дефицитов'),
          t.indexOf('Сравнение волн диагностики'),
        );
        expect(training).toContain('Нет данных.');
        expect(training).toMatch(/«повышение квалификации педагогов»/i);
        expect(training).not.toContain('Таблица 6');
        expect(t.indexOf('Нет данных.')).toBe(t.lastIndexOf('Нет данных.'));
        expect(t).toContain('Дефицит хотя бы в одном блоке выявлен у');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
