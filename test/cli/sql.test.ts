import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { repl } from '../../src/cli/commands/sql.js';
import { captureIo } from '../../src/cli/io.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { cliWorkspace, participantsCsv, REGISTRY } from './helpers.js';

const run = promisify(execFile);
const QUERY = `SELECT 1 AS n, 1234567.5 AS x, CAST(0.25 AS DECIMAL(5,2)) AS d, NULL AS nothing, '=1+2' AS f,
  DATE '2026-06-15' AS day, 'текст' AS t`;

describe('shnor sql', () => {
  const ws = cliWorkspace();
  const load = async () => {
    ws.file('реестр.csv', REGISTRY);
    ws.file('уч.csv', participantsCsv('01.03.2026', ['sch050001;Иванова']));
    await ws.cli('ingest', ws.inbox);
  };

  it('prints an aligned table: numbers right-aligned with a decimal comma, NULL as «—»', async () => {
    await load();
    const r = await ws.cli('sql', QUERY);
    expect(r.code).toBe(0);
    const [header, rule, row, count] = r.out.split('\n');
    expect(header).toMatch(/^n\s+x\s+d\s+nothing\s+f\s+day\s+t$/);
    expect(rule).toMatch(/^─ {2}─+/);
    expect(row).toBe('1  1\u00a0234\u00a0567,5  0,25        —  =1+2  15.06.2026  текст');
    expect(count).toBe('(1\u00a0строка)');
    const registry = await ws.cli(
      'sql',
      'SELECT municipality, count(*) AS n FROM school_registry_history GROUP BY 1 ORDER BY 1',
    );
    expect(registry.out).toMatch(/Ахтынский район\s+2/);
  });

  it('writes CSV for Russian Excel, JSON, XLSX and Arrow', async () => {
    await load();
    const csv = join(ws.dir, 'r.csv');
    expect((await ws.cli('sql', QUERY, '--out', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(
      "\ufeffn;x;d;nothing;f;day;t\r\n1;1234567,5;0,25;;'=1+2;15.06.2026;текст\r\n",
    );

    const json = await ws.cli('sql', QUERY, '--format', 'json');
    expect(JSON.parse(json.out)).toEqual([
      { n: 1, x: 1234567.5, d: 0.25, nothing: null, f: '=1+2', day: '2026-06-15', t: 'текст' },
    ]);

    const xlsx = join(ws.dir, 'r.xlsx');
    expect((await ws.cli('sql', QUERY, '--format', 'xlsx', '--out', xlsx)).out).toMatch(
      /Записано: .*r\.xlsx \(1\u00a0строка\)/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      1234567.5,
      0.25,
      undefined,
      '=1+2',
      new Date(Date.UTC(2026, 5, 15)),
      'текст',
    ]);
    expect(sheet.getCell('A2').numFmt).toBe('#,##0');
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('F2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('E2').type).toBe(ExcelJS.ValueType.String);

    const arrow = join(ws.dir, 'r.arrow');
    expect(
      (
        await ws.cli(
          'sql',
          'SELECT batch_id, source, snapshot_date, rows_loaded::BIGINT AS big FROM load_batch ORDER BY 1',
          '--out',
          arrow,
        )
      ).code,
    ).toBe(0);
    const table = tableFromIPC(readFileSync(arrow));
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'batch_id:Int32',
      'source:Utf8',
      'snapshot_date:Date32<DAY>',
      'big:Int64',
    ]);
    expect(table.getChild('source')?.toArray()).toEqual(['schools', 'participants']);
    expect(table.getChild('big')?.get(0)).toBe(3n);
  });

  it('refuses writes and reports SQL errors in Russian with exit 2', async () => {
    await load();
    const write = await ws.cli('sql', 'DELETE FROM load_batch');
    expect(write.code).toBe(2);
    expect(write.err).toMatch(/^Ошибка: shnor sql открывает хранилище только для чтения/);
    expect(write.err).toContain('Сообщение DuckDB:');
    const create = await ws.cli('sql', 'CREATE TABLE x (a INTEGER)');
    expect(create.code).toBe(2);
    const syntax = await ws.cli('sql', 'SELEC 1');
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(
      /^Ошибка: Запрос не выполнен — синтаксическая ошибка в запросе\.\nСообщение DuckDB: Parser Error/,
    );
    const missing = await ws.cli('sql', 'SELECT * FROM nowhere');
    expect(missing.err).toMatch(/не найдена таблица, столбец или функция/);
    const two = await ws.cli('sql', 'SELECT 1; SELECT 2');
    expect(two.err).toMatch(/передайте одну/);
    const rows = await ws.query<{ n: bigint }>('SELECT count(*) AS n FROM load_batch');
    expect(Number(rows[0].n)).toBe(2);
  });

  it('runs statements ending with «;» in the prompt until \\q, going on after an error', async () => {
    await load();
    const wh = await Warehouse.open(ws.db, { readOnly: true });
    const io = captureIo();
    try {
      await repl(
        wh,
        Readable.from([
          'SELECT 41 + 1\n',
          '  AS answer;\n',
          'SELEC 1;\n',
          'SELECT 2 AS two;\n',
          '\\q\n',
          'SELECT 3;\n',
        ]),
        io,
        false,
      );
    } finally {
      wh.close();
    }
    expect(io.stdout.join('\n')).toMatch(
      /^answer\n─+\n {4}42\n\(1\u00a0строка\)\ntwo\n─+\n {2}2\n\(1\u00a0строка\)$/,
    );
    expect(io.stderr.join('\n')).toMatch(/синтаксическая ошибка/);
  });

  describe('while another process writes', () => {
    beforeAll(async () => {
      await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: projectPath() }).catch(() => undefined);
      expect(existsSync(projectPath('dist/src/cli/bin.js'))).toBe(true);
    }, 120_000);

    it('says in Russian that the warehouse is busy (exit 3)', async () => {
      await load();
      const writer = await Warehouse.open(ws.db);
      try {
        const child = await run(process.execPath, [
          projectPath('dist/src/cli/bin.js'),
          'sql',
          'SELECT 1',
          '--db',
          ws.db,
        ]).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code: number; stderr: string }) => e,
        );
        expect(child.code).toBe(3);
        expect(child.stderr).toMatch(/^Ошибка: Хранилище «.*» сейчас занято другим процессом/);
        expect(child.stderr).not.toMatch(/\bat .*\.js/);
      } finally {
        writer.close();
      }
    });
  });
});
