import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { plain } from '../../../src/reports/data.js';
import { renderReports } from '../../../src/reports/run-reports.js';
import { loadReportFolder, TEMPLATES_DIR } from '../../../src/reports/spec.js';
import { Warehouse } from '../../../src/warehouse/warehouse.js';
import ExcelJS from '../../../src/xlsx/exceljs.js';
import { pdfText } from '../../helpers/pdf-tools.js';
import { frozenRows } from '../../helpers/xlsx-tools.js';
import type { RegisterChecks } from './index.js';

const AS_OF = "DATE '2026-10-31'";
const only = process.env.SHNOR_TEST_REPORTS?.split(',');

const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u00a0/g, ' ');
const wholePct = (n: number, d: number) => Math.floor((200 * n + d) / (2 * d));

/**
 * The roadmap of 2026 item by item straight from staging: the period ends by the date (due), the status
 * file in force says «выполнено» with no date or a date by the run date (done), done by the period's end
 * (on time). Overdue: due and not done; days counted from the end of the period.
 */
const ITEMS_SQL = `
  SELECT
    i.item_no,
    i.executor,
    i.period_end <= ${AS_OF} AS due,
    coalesce(s.status = 'выполнено' AND (s.done_at IS NULL OR s.done_at <= ${AS_OF}), false) AS done,
    coalesce(s.status = 'выполнено' AND s.done_at <= i.period_end, false) AS on_time,
    CAST(${AS_OF} - i.period_end AS INTEGER) AS days_after_end
  FROM stg_roadmap i
  LEFT JOIN stg_roadmap_status s USING (roadmap_code, year, item_no)
  WHERE i.year = 2026 AND i.period_end IS NOT NULL
  ORDER BY TRY_CAST(regexp_extract(i.item_no, '^\\s*(\\d+)', 1) AS INTEGER), i.item_no`;

interface Item {
  item_no: string;
  executor: string | null;
  due: boolean;
  done: boolean;
  on_time: boolean;
  days_after_end: number;
}

async function cli(args: string[]): Promise<void> {
  const io = captureIo();
  const code = await main(args, io);
  if (code > 1) throw new Error(`shnor ${args[0]} exited ${code}: ${io.stderr.join('\n')}`);
}

/** A roadmap for 2027 split into year sections («2027 год», «2028 год»), numbering restarting in the second. */
async function sectionedRoadmap(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.addRow([
    'Региональная «дорожная карта» по реализации проекта «500+» в Республике Дагестан в 2027 году',
  ]);
  sheet.addRow([]);
  sheet.addRow(['№', 'Мероприятие', 'Срок', 'Ответственный', 'Ожидаемый результат']);
  sheet.addRow(['2027 год']);
  sheet.addRow(['1.', 'Определить регионального координатора', 'январь', 'МОН РД', 'Приказ']);
  sheet.addRow(['2.', 'Провести отбор школ', 'февраль', 'МОН РД', 'Список школ']);
  sheet.addRow(['2028 год']);
  sheet.addRow(['1.', 'Определить регионального координатора на 2028 год', 'январь', 'МОН РД', 'Приказ']);
  await workbook.xlsx.writeFile(path);
}

export const register: RegisterChecks = (ctx) =>
  describe.skipIf(only !== undefined && !only.includes('roadmap'))('roadmap: figures', () => {
    const file = (format: 'pdf' | 'html' | 'xlsx' | 'xlsx-restricted') => ctx().file('roadmap', format);

    it('due, done and done on time, counted from the roadmap and the status export', async () => {
      const items = await ctx().rows<Item>(ITEMS_SQL);
      const [{ all }] = await ctx().rows<{ all: number }>(
        'SELECT count(*)::INTEGER AS "all" FROM stg_roadmap WHERE year = 2026',
      );
      const due = items.filter((i) => i.due);
      const done = due.filter((i) => i.done).length;
      const onTime = due.filter((i) => i.on_time).length;
      expect(due.length).toBeGreaterThan(0);
      const text = flat(await pdfText(file('pdf')));
      expect(text).toContain(`содержит ${all} пункт`);
      expect(text).toContain(
        `срок исполнения наступил у ${due.length} из них. Выполнено ${done} (${wholePct(done, due.length)} %), ` +
          `в срок — ${onTime} (${wholePct(onTime, due.length)} %)`,
      );
    });

    it('the XLSX list of overdue items names each with its executor and days overdue', async () => {
      const overdue = (await ctx().rows<Item>(ITEMS_SQL)).filter((i) => i.due && !i.done);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets.find((w) => w.name.startsWith('Таблица 2'));
      if (!sheet) throw new Error('no sheet of table 2');
      const header = frozenRows(sheet);
      const got: unknown[] = [];
      sheet.eachRow((row, n) => {
        const v = row.values as unknown[];
        if (n > header) got.push({ item_no: v[1], executor: v[4] ?? null, days: v[6] });
      });
      expect(got).toEqual(
        overdue.map((i) => ({ item_no: i.item_no, executor: i.executor, days: i.days_after_end })),
      );
      const text = flat(await pdfText(file('pdf')));
      for (const i of overdue) expect(text).toContain(flat(i.executor ?? 'исполнитель не указан').trim());
    });

    it("the XLSX summary sheet holds the mart's row", async () => {
      const rows = await ctx().rows(
        `SELECT roadmap_code, items, due, done_of_due, done_on_time, overdue, share_done, share_on_time
         FROM roadmap WHERE year = 2026 AND as_of = ${AS_OF} ORDER BY roadmap_code`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file('xlsx'));
      const sheet = workbook.worksheets[0];
      const header = frozenRows(sheet);
      const keys = Object.keys(rows[0]);
      const got = rows.map((_, i) => {
        const v = (sheet.getRow(header + 1 + i).values as unknown[]).slice(1);
        return Object.fromEntries(keys.map((k, j) => [k, v[j]]));
      });
      expect(got).toEqual(rows);
    });

    it('a roadmap with year sections: the note says how many rows were rejected and repeated', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'shnor-roadmap-'));
      try {
        const db = join(dir, 'w.duckdb');
        copyFileSync(ctx().db, db);
        copyFileSync(`${ctx().db}.secret`, `${db}.secret`);
        const map = join(dir, 'dorozhnaya_karta_2027.xlsx');
        await sectionedRoadmap(map);
        await cli(['ingest', map, '--snapshot-date', '01.03.2027', '--db', db]);
        await cli([
          'models',
          'run',
          '--year',
          '2027',
          '--as-of',
          '31.10.2027',
          '--db',
          db,
          '--out',
          join(dir, 'out'),
        ]);
        // What the ingest says: rows rejected (one entry per faulty cell) and numbers that repeat.
        const wh = await Warehouse.open(db, { readOnly: true });
        const [counts] = (
          await wh.rows<{ rejected: number; repeated: number }>(
            `SELECT
               (SELECT count(DISTINCT (sheet, line)) FROM rejects WHERE source = 'roadmap'
                 AND batch_id IN (SELECT batch_id FROM load_batch WHERE file_name = 'dorozhnaya_karta_2027.xlsx'))::INTEGER
                 AS rejected,
               (SELECT count(*) - count(DISTINCT trim(item_no)) FROM raw_roadmap WHERE year = 2027)::INTEGER AS repeated`,
          )
        ).map((r) => plain(r) as { rejected: number; repeated: number });
        wh.close();
        expect(counts.rejected).toBeGreaterThan(0);
        const files = await renderReports({
          db,
          reports: loadReportFolder(join(TEMPLATES_DIR, 'roadmap')),
          params: { year: 2027, asOf: '2027-10-31' },
          formats: ['pdf'],
          outRoot: join(dir, 'out'),
          commentaryDir: join(dir, 'commentary'),
        });
        const text = flat(await pdfText(files[0].path));
        expect(text).toContain(`Строк, отклонённых при загрузке, — ${counts.rejected}`);
        // A repeated item number is rejected at load (the contract's key), so none is left for the
        // note to set aside; the sentence about them appears only when some are.
        if (counts.repeated > 0)
          expect(text).toContain(
            `Строк с повторяющимся номером пункта, не учтённых в расчёте, — ${counts.repeated}`,
          );
        else expect(text).not.toContain('повторяющимся номером пункта');
        expect(text).toContain(
          'Сведения об исполнении дорожной карты за 2027 год на 31.10.2027 не загружены',
        );
        // The 2026 note speaks of rejected rows exactly when its files had some.
        const [{ rejected2026 }] = await ctx().rows<{ rejected2026: number }>(
          `SELECT count(*)::INTEGER AS rejected2026 FROM rejects
           WHERE source IN ('roadmap', 'roadmap_status') AND batch_id IN (
             SELECT batch_id FROM batch_partition WHERE source IN ('roadmap', 'roadmap_status')
               AND partition_key LIKE '%year=2026%')`,
        );
        const main2026 = flat(await pdfText(file('pdf')));
        expect(main2026.includes('отклонённых при загрузке')).toBe(rejected2026 > 0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
