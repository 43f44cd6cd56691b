import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const AS_OF = "DATE '2026-10-31'";

/** pdftotext's text on one line, non-breaking spaces as spaces. */
const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** «1 направление», «3 направления», «5 направлений». */
function plural(n: number, one: string, few: string, many: string): string {
  const word =
    n % 10 === 1 && n % 100 !== 11
      ? one
      : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
        ? few
        : many;
  return `${n} ${word}`;
}

/** A sheet of a workbook as objects keyed by its header titles. */
async function sheetRows(path: string, title: string): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets.find((s) => s.name.startsWith(title.slice(0, 25)));
  if (!sheet) throw new Error(`no sheet «${title}» in ${path}: ${workbook.worksheets.map((s) => s.name)}`);
  const header = frozenRows(sheet);
  const titles = (sheet.getRow(header).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.every((v) => v === null || v === undefined)) continue;
    rows.push(Object.fromEntries(titles.map((t, i) => [t, values[i] ?? null])));
  }
  return rows;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

export const register: RegisterChecks = (ctx) =>
  describe('school_passport: figures', () => {
    const passport = (login: string, format: string) => {
      const f = ctx().files.find(
        (x) => x.report === 'school_passport' && x.copy === login && x.format === format,
      );
      if (!f) throw new Error(`no ${format} passport of ${login}`);
      return f.path;
    };

    it('one passport per participant of the year, counted from the participants list itself', async () => {
      const [{ n }] = await ctx().rows<{ n: number }>(
        'SELECT count(DISTINCT school_login)::INTEGER AS n FROM stg_participants WHERE year = 2026',
      );
      const copies = ctx()
        .files.filter((f) => f.report === 'school_passport' && f.format === 'pdf')
        .map((f) => f.copy);
      expect(new Set(copies).size).toBe(copies.length);
      expect(copies.length).toBe(n);
    });

    it("a passport's activated directions and documents are those of ИС МЭДК in staging", async () => {
      // A participant with a document not approved: the passport has something to say about it.
      const [school] = await ctx().rows<{ login: string }>(
        `SELECT min(d.school_login) AS login
         FROM stg_medk_documents d JOIN stg_participants p ON p.school_login = d.school_login AND p.year = 2026
         WHERE d.year = 2026 AND coalesce(d.curator_status, '') <> 'согласовано'`,
      );
      expect(school.login).toBeTruthy();
      const directions = await ctx().rows<{ short_name: string; activated_at: string | null }>(
        `SELECT f.short_name, d.activated_at FROM stg_medk_directions d JOIN ref_risk_factor f USING (factor_code)
         WHERE d.year = 2026 AND d.school_login = '${school.login}' AND d.activated
           AND (d.activated_at IS NULL OR d.activated_at <= ${AS_OF})
         ORDER BY d.factor_code`,
      );
      expect(directions.length).toBeGreaterThan(0);
      const text = flat(await pdfText(passport(school.login, 'pdf')));
      expect(text).toContain(
        `В ИС МЭДК активировано ${plural(directions.length, 'направление', 'направления', 'направлений')}`,
      );

      const risk = await sheetRows(passport(school.login, 'xlsx'), 'Таблица 2');
      const activated = risk.filter((r) => String(r['Направление в ИС МЭДК']).startsWith('активировано'));
      expect(activated.map((r) => r['Фактор риска'])).toEqual(directions.map((d) => d.short_name));

      // Required: the concept, the programme and one антирисковая программа per activated direction.
      const documents = await sheetRows(passport(school.login, 'xlsx'), 'Таблица 3');
      expect(documents).toHaveLength(2 + directions.length);
      const [{ approved }] = await ctx().rows<{ approved: number }>(
        `SELECT count(*)::INTEGER AS approved FROM stg_medk_documents
         WHERE year = 2026 AND school_login = '${school.login}' AND curator_status = 'согласовано'
           AND (curator_status_at IS NULL OR curator_status_at <= ${AS_OF})
           AND (factor_code IS NULL OR factor_code IN (
             SELECT factor_code FROM stg_medk_directions
             WHERE year = 2026 AND school_login = '${school.login}' AND activated
               AND (activated_at IS NULL OR activated_at <= ${AS_OF})))`,
      );
      expect(documents.filter((d) => d.Согласован === 'да').length).toBe(approved);
    });

    it('the indicators a passport marks not met are those of control_indicators_schools', async () => {
      const notMet = await ctx().rows<{ school_login: string; indicator_name: string }>(
        `SELECT school_login, indicator_name FROM control_indicators_schools
         WHERE year = 2026 AND as_of = ${AS_OF} AND NOT met ORDER BY school_login, indicator_order`,
      );
      const login = notMet[0].school_login;
      const sheet = await sheetRows(passport(login, 'xlsx'), 'Таблица 5');
      expect(sheet.filter((r) => r.Выполнен === 'нет').map((r) => r.Показатель)).toEqual(
        notMet.filter((r) => r.school_login === login).map((r) => r.indicator_name),
      );
    });

    it('effect rows under 20 works drive no sentence: they are counted, never shown', async () => {
      const units = await ctx().rows<{ school_login: string; small: number; enough: number }>(
        `SELECT school_login,
                count(*) FILTER (WHERE works_before < 20 OR works_after < 20)::INTEGER AS small,
                count(*) FILTER (WHERE works_before >= 20 AND works_after >= 20)::INTEGER AS enough
         FROM project_effect_schools WHERE year = 2026 AND as_of = ${AS_OF}
         GROUP BY school_login HAVING small > 0 AND enough > 0 ORDER BY school_login LIMIT 1`,
      );
      expect(units).toHaveLength(1);
      const { school_login: login, small, enough } = units[0];
      const sheet = await sheetRows(passport(login, 'xlsx'), 'Таблица 7');
      expect(sheet).toHaveLength(enough);
      for (const row of sheet) {
        expect(Number(row['Работ до'])).toBeGreaterThanOrEqual(20);
        expect(Number(row['Работ после'])).toBeGreaterThanOrEqual(20);
      }
      const text = flat(await pdfText(passport(login, 'pdf')));
      expect(text).toContain(
        `по остальным ${plural(small, 'предмету', 'предметам', 'предметам')} работ меньше — вывод не делается`,
      );
    });

    it('shnor report school_passport --school LOGIN writes exactly one passport', async () => {
      const [{ login }] = await ctx().rows<{ login: string }>(
        'SELECT max(school_login) AS login FROM stg_participants WHERE year = 2026',
      );
      const out = mkdtempSync(join(tmpdir(), 'shnor-passport-'));
      try {
        const io = captureIo();
        const code = await main(
          [
            'report',
            'school_passport',
            '--school',
            login,
            '--as-of',
            '31.10.2026',
            '--db',
            ctx().db,
            '--out',
            out,
          ],
          io,
        );
        expect(code, io.stderr.join('\n')).toBe(0);
        const files = filesUnder(out);
        expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
        expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(1);
        for (const f of files) expect(f.split('/').pop()?.startsWith(`${login} `), f).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
