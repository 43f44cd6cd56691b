import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/warehouse/paths.js';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

/** A share of two counts as a whole percent, half away from zero (exact on integers). */
const wholePct = (part: number, total: number) => Math.floor((200 * part + total) / (2 * total));
const ORDINALS = ['первом', 'втором', 'третьем'];

/** The Dagestan note's ranking, written here from counts: places shared by the same whole percent. */
function rankingText(rows: { name: string; pct: number }[]): string {
  const places: { names: string[]; pct: number }[] = [];
  for (const r of rows) {
    const last = places[places.length - 1];
    if (last && last.pct === r.pct) last.names.push(r.name);
    else places.push({ names: [r.name], pct: r.pct });
  }
  return places
    .slice(0, 3)
    .map((p, i) => {
      const names = p.names.map((n) => `«${n}»`);
      const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')} и ${names.at(-1)}` : names[0];
      if (names.length > 1) return `на ${ORDINALS[i]} месте ${joined} – по ${p.pct} %`;
      return i === 0
        ? `на ${ORDINALS[i]} месте ${joined} – ${p.pct} %`
        : `на ${ORDINALS[i]} – ${joined} – ${p.pct} %`;
    })
    .join(', ');
}

const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

export const register: RegisterChecks = (ctx) =>
  describe('risk_profiles: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file('risk_profiles', format);

    /** Participants of 2026 and the directions they activated by 31.10.2026, from the staging views. */
    const activation = () =>
      ctx().rows<{
        factor_code: number;
        name: string;
        activated: number;
        participants: number;
        any_direction: number;
      }>(
        `WITH p AS (SELECT DISTINCT school_login FROM stg_participants WHERE year = 2026),
              d AS (SELECT DISTINCT d.school_login, d.factor_code FROM stg_medk_directions d JOIN p USING (school_login)
                    WHERE d.year = 2026 AND d.activated
                      AND (d.activated_at IS NULL OR d.activated_at <= DATE '2026-10-31'))
         SELECT f.factor_code, f.name,
                (SELECT count(*) FROM d WHERE d.factor_code = f.factor_code)::INTEGER AS activated,
                (SELECT count(*) FROM p)::INTEGER AS participants,
                (SELECT count(DISTINCT school_login) FROM d)::INTEGER AS any_direction
         FROM ref_risk_factor f
         ORDER BY activated DESC, f.factor_code`,
      );

    it('writes the Dagestan sentence with the shares counted from the ИС МЭДК export, as MANIFEST plants them', async () => {
      const rows = await activation();
      const n = rows[0].participants;
      const ranked = rows.map((r) => ({ name: r.name, pct: wholePct(r.activated, n) }));
      const sentence =
        `${wholePct(rows[0].any_direction, n)} % школ выбрали направления рисков в ИС МЭДК ` +
        `(${rows[0].any_direction} из ${n}); по доле выбравших школ ${rankingText(ranked)}.`;
      expect(flat(await pdfText(file('pdf')))).toContain(sentence);

      // The samples' generator states what it planted: «2026: 34 of 37 with ≥ 1 direction; Оснащение 81 % (30), …».
      const manifest = readFileSync(projectPath('data-samples', 'MANIFEST.md'), 'utf8');
      const line = /^- 2026: (\d+) of (\d+) with ≥ 1 direction; (.*)$/m.exec(manifest);
      expect(line, 'MANIFEST states the 2026 directions').not.toBeNull();
      const planted = [...(line?.[3] ?? '').matchAll(/(\d+) % \((\d+)\)/g)].map((m) => Number(m[1]));
      expect([Number(line?.[1]), Number(line?.[2])]).toEqual([rows[0].any_direction, n]);
      expect(ranked.slice(0, 3).map((r) => r.pct)).toEqual(planted.slice(0, 3));
    });

    it('says the clusters are weak exactly when the mean silhouette is under the threshold of risk_settings', async () => {
      const [c] = await ctx().rows<{ k: number; silhouette: number; threshold: number }>(
        `SELECT count(DISTINCT cluster_no) FILTER (WHERE cluster_no > 0)::INTEGER AS k,
                any_value(mean_silhouette) AS silhouette,
                (SELECT CAST(value AS DOUBLE) FROM ref_risk_settings WHERE parameter = 'cluster_weak_silhouette') AS threshold
         FROM risk_clusters WHERE year = 2026 AND as_of = DATE '2026-10-31'`,
      );
      expect(c.k, 'the samples are clustered').toBeGreaterThan(1);
      const text = flat(await pdfText(file('pdf')));
      const few = c.k % 10 >= 2 && c.k % 10 <= 4 && !(c.k % 100 >= 12 && c.k % 100 <= 14);
      expect(text).toContain(
        `Выбрано ${c.k} ${few ? 'группы' : 'групп'}, средний силуэт — ${c.silhouette.toFixed(2).replace('.', ',')}`,
      );
      expect(text.includes('группы выражены слабо')).toBe(c.silhouette < c.threshold);
    });

    it('lists in its last sheet exactly the participants without an activated direction', async () => {
      const expected = await ctx().rows<{ school_login: string }>(
        `SELECT DISTINCT p.school_login FROM stg_participants p
         WHERE p.year = 2026 AND NOT EXISTS (
           SELECT 1 FROM stg_medk_directions d
           WHERE d.year = 2026 AND d.school_login = p.school_login AND d.activated
             AND (d.activated_at IS NULL OR d.activated_at <= DATE '2026-10-31'))
         ORDER BY 1`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets.at(-1);
      if (!sheet) throw new Error('no sheets');
      const header = frozenRows(sheet);
      const logins: string[] = [];
      sheet.eachRow((row, i) => {
        if (i > header) logins.push(String((row.values as unknown[])[2]));
      });
      expect(logins.sort()).toEqual(expected.map((r) => r.school_login));
    });

    it("the XLSX sheet of factors holds the mart's counts and shares, shares as fractions with a % format", async () => {
      const rows = await ctx().rows<{
        rank_activated: number;
        factor_name: string;
        activated: number;
        share_activated: number;
        high_or_medium: number;
        share_high_or_medium: number;
      }>(
        `SELECT rank_activated, factor_name, activated, share_activated, high_or_medium, share_high_or_medium
         FROM risk_picture WHERE year = 2026 AND as_of = DATE '2026-10-31' AND scope = 'region'
         ORDER BY rank_activated`,
      );
      expect(rows).toHaveLength(10);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets[0];
      const header = frozenRows(sheet);
      const got = rows.map((_, i) => {
        const v = sheet.getRow(header + 1 + i).values as unknown[];
        return {
          rank_activated: v[1],
          factor_name: v[2],
          activated: v[3],
          share_activated: v[4],
          high_or_medium: v[5],
          share_high_or_medium: v[6],
        };
      });
      expect(got).toEqual(rows);
      expect(sheet.getRow(header + 1).getCell(4).numFmt).toBe('0.0%');
    });
  });
