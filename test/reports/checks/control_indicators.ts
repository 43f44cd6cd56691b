import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { ANALYST_CONCLUSIONS } from '../../helpers/samples-reports.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const NBSP = '\u00a0';

export const register: RegisterChecks = (ctx) =>
  describe('control_indicators: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') =>
      ctx().file('control_indicators', format);

    it("the analyst's Выводы and Рекомендации replace the generated ones, and say whose they are", async () => {
      const text = (await pdfText(file('pdf'))).replace(/\s+/g, ' ');
      expect(text).toContain(ANALYST_CONCLUSIONS);
      expect(text).toContain('МОУО: проверить списки.');
      expect(text).toContain('Выводы и рекомендации написаны аналитиком.');
      expect(text).not.toContain('сформированы автоматически');
      // The generated conclusions list each indicator's share; the analyst's text replaced them.
      expect(text).not.toMatch(/Назначен куратор: \d+ %/);
    });

    it('names the number of participants counted from the participants list itself', async () => {
      const [{ n }] = await ctx().rows<{ n: number }>(
        `SELECT count(DISTINCT school_login)::INTEGER AS n FROM stg_participants
         WHERE year = 2026 AND (included_at IS NULL OR included_at <= DATE '2026-10-31')`,
      );
      const text = (await pdfText(file('pdf'))).replace(/\s+/g, ' ');
      const word =
        n % 10 === 1 && n % 100 !== 11
          ? 'школа'
          : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
            ? 'школы'
            : 'школ';
      expect(text).toContain(`участвуют ${n} ${word}`);
    });

    it('each indicator sentence states the whole percent of met ÷ participants', async () => {
      const rows = await ctx().rows<{ indicator_name: string; met: number; participants: number }>(
        `SELECT indicator_name, met, participants FROM control_indicators
         WHERE year = 2026 AND as_of = DATE '2026-10-31' AND scope = 'region'`,
      );
      expect(rows.length).toBeGreaterThan(5);
      const text = (await pdfText(file('pdf'))).replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
      for (const r of rows) {
        const whole = Math.floor((200 * r.met + r.participants) / (2 * r.participants));
        expect(text).toContain(`${r.indicator_name} — ${whole} %`);
      }
    });

    it("the XLSX sheet of indicators holds the mart's numbers, percent as a fraction with a % format", async () => {
      const rows = await ctx().rows<{
        indicator_order: number;
        participants: number;
        met: number;
        share_met: number;
      }>(
        `SELECT indicator_order, participants, met, share_met FROM control_indicators
         WHERE year = 2026 AND as_of = DATE '2026-10-31' AND scope = 'region' ORDER BY indicator_order`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets[0];
      const header = frozenRows(sheet);
      const got = rows.map((_, i) => {
        const v = sheet.getRow(header + 1 + i).values as unknown[];
        return { indicator_order: v[1], participants: v[3], met: v[4], share_met: v[6] };
      });
      expect(got).toEqual(rows);
      expect(sheet.getRow(header + 1).getCell(6).numFmt).toBe('0.0%');
      expect(NBSP).toBe('\u00a0');
    });
  });
