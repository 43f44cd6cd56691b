import { describe, expect, it } from 'vitest';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const AS_OF = "DATE '2026-10-31'";
const only = process.env.SHNOR_TEST_REPORTS?.split(',');

const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
const wholePct = (n: number, d: number) => Math.floor((200 * n + d) / (2 * d));
/** «школы» after «у 1», «школ» after «у 5» (genitive). */
const schoolsGenitive = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 'школы' : 'школ');

/**
 * The documents of the year's latest review round straight from stg_expert_review: one per round, school,
 * document type and risk direction, its score the sum over criteria; below the threshold when
 * score × 100 < min_pct × maximum (ref_expert_review_rule).
 */
const DOCUMENTS_SQL = `
  WITH latest AS (
    SELECT round FROM stg_expert_review WHERE year = 2026
    ORDER BY CASE round WHEN 'июнь' THEN 1 WHEN 'ноябрь' THEN 2 END DESC LIMIT 1
  )
  SELECT e.doc_type, e.school_login, e.factor_code, sum(e.score) AS score, sum(e.max_score) AS max_score,
         sum(e.score) * 100 < max(r.min_pct) * sum(e.max_score) AS below
  FROM stg_expert_review e
  JOIN ref_expert_review_rule r USING (doc_type)
  WHERE e.year = 2026 AND e.round = (SELECT round FROM latest)
  GROUP BY e.doc_type, e.school_login, e.factor_code`;

interface Doc {
  doc_type: string;
  school_login: string;
  score: number;
  max_score: number;
  below: boolean;
}

export const register: RegisterChecks = (ctx) =>
  describe.skipIf(only !== undefined && !only.includes('expert_review'))('expert_review: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file('expert_review', format);

    it('documents below half of the maximum and the mean score, counted from the review export', async () => {
      const docs = await ctx().rows<Doc>(DOCUMENTS_SQL);
      expect(docs.length).toBeGreaterThan(0);
      const below = docs.filter((d) => d.below).length;
      const schoolsBelow = new Set(docs.filter((d) => d.below).map((d) => d.school_login)).size;
      const schools = new Set(docs.map((d) => d.school_login)).size;
      const mean = docs.reduce((s, d) => s + d.score / d.max_score, 0) / docs.length;
      const text = flat(await pdfText(file('pdf')));
      expect(text).toContain(
        `Документов с баллом ниже половины максимального — ${below} из ${docs.length} (${wholePct(below, docs.length)} %)`,
      );
      if (below > 0)
        expect(text).toContain(`они есть у ${schoolsBelow} ${schoolsGenitive(schoolsBelow)} из ${schools}.`);
      // the mean percent rounded once, after dropping the binary noise of the division
      const meanPct = Math.round(Number((mean * 100).toFixed(9)));
      expect(text).toContain(`В среднем документы набрали ${meanPct} % от максимального балла`);
    });

    it("the XLSX sheet of document types holds the mart's totals of the round", async () => {
      const rows = await ctx().rows<{
        doc_type: string;
        schools: number;
        documents: number;
        mean_score_share: number;
        documents_below: number;
        share_below: number;
      }>(
        `SELECT doc_type, schools, documents, mean_score_share, documents_below, share_below
         FROM expert_review_scores
         WHERE year = 2026 AND as_of = ${AS_OF} AND scope = 'region' AND is_total
           AND round = (SELECT max_by(round, CASE round WHEN 'июнь' THEN 1 ELSE 2 END) FROM expert_review_scores
                        WHERE year = 2026 AND as_of = ${AS_OF})
         ORDER BY CASE doc_type WHEN 'концепция развития' THEN 1 WHEN 'среднесрочная программа развития' THEN 2
                                WHEN 'антирисковая программа' THEN 3 ELSE 4 END, doc_type`,
      );
      expect(rows.length).toBeGreaterThan(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets[0];
      const header = frozenRows(sheet);
      const got = rows.map((_, i) => {
        const v = sheet.getRow(header + 1 + i).values as unknown[];
        return {
          doc_type: String(v[1]).toLowerCase(),
          schools: v[2],
          documents: v[3],
          mean_score_share: v[4],
          documents_below: v[5],
          share_below: v[6],
        };
      });
      expect(got).toEqual(rows);
    });

    it('the list for municipalities has one row per document below the threshold', async () => {
      const docs = await ctx().rows<Doc>(DOCUMENTS_SQL);
      const below = docs.filter((d) => d.below);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets.find((w) => w.name.startsWith('Таблица 4'));
      if (!sheet) throw new Error('no sheet of table 4');
      const header = frozenRows(sheet);
      const logins: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > header) logins.push(String(row.getCell(2).value));
      });
      expect(logins.sort()).toEqual(below.map((d) => d.school_login).sort());
    });

    it('criteria are compared in a sentence only for document types reviewed in at least 20 documents', async () => {
      const docs = await ctx().rows<Doc>(DOCUMENTS_SQL);
      const [{ min_group }] = await ctx().rows<{ min_group: number }>(
        `SELECT CAST(value AS INTEGER) AS min_group FROM ref_project_effect_settings WHERE key = 'min_group_schools'`,
      );
      const perType = new Map<string, number>();
      for (const d of docs) perType.set(d.doc_type, (perType.get(d.doc_type) ?? 0) + 1);
      const enough = [...perType.values()].some((n) => n >= min_group);
      const text = flat(await pdfText(file('pdf')));
      expect(text.includes('Ниже всего эксперты оценили')).toBe(enough);
      expect(text.includes(`Документов каждого типа оценено меньше ${min_group}`)).toBe(!enough);
    });
  });
