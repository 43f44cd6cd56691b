import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { describe, expect, it } from 'vitest';
import { templateHeader } from '../../src/cli/commands/template.js';
import { fold } from '../../src/ingest/aliases.js';
import { contractBySource, HAND_KEPT_SOURCES } from '../../src/ingest/contracts/index.js';
import { aliasIndex } from '../../src/ingest/header.js';
import { cliWorkspace, participantsCsv, REGISTRY } from './helpers.js';

async function sheetRows(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function sheetXml(path: string): Promise<string> {
  const dir = await unzipper.Open.file(path);
  const sheet = dir.files.find((f) => f.path === 'xl/worksheets/sheet1.xml');
  return (await sheet?.buffer())?.toString('utf8') ?? '';
}

describe('shnor rejects', () => {
  const ws = cliWorkspace();

  async function loadWithRejects() {
    ws.file('reg/реестр.csv', REGISTRY);
    ws.file(
      'p/участники.csv',
      participantsCsv('01.03.2026', [
        'sch050001;Иванова',
        'sch059999;Петрова',
        '=HYPERLINK("x");Сидорова',
        'sch050003;Омарова',
      ]).replace('2026;sch050003', '20266;sch050003'),
    );
    return ws.cli('ingest', `${ws.inbox}/reg`, `${ws.inbox}/p`);
  }

  it('shows rejected values with a summary by reason, exit 1; exit 0 when there are none', async () => {
    ws.file('reg/реестр.csv', REGISTRY);
    await ws.cli('ingest', `${ws.inbox}/reg`);
    const none = await ws.cli('rejects');
    expect(none).toMatchObject({ code: 0, out: 'Отклонённых значений нет.' });

    expect((await loadWithRejects()).code).toBe(1);
    const r = await ws.cli('rejects');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Файл\s+Строка\s+Столбец\s+Значение\s+Причина$/);
    expect(r.out).toMatch(/участники\.csv\s+5\s+Логин ОО\s+=HYPERLINK\("x"\)\s+не логин ФИС ОКО/);
    expect(r.out).toMatch(
      /участники\.csv\s+4\s+Логин ОО\s+sch059999\s+школа sch059999 не найдена в реестре ОО/,
    );
    expect(r.out).toContain('По причинам:');
    expect(r.out).toMatch(/Отклонено 3\u00a0значения в 3\u00a0строках 1\u00a0файла\./);
    const json = JSON.parse((await ws.cli('rejects', '--json')).out);
    expect(json.values).toBe(3);
    expect((await ws.cli('rejects', '--source', 'events')).code).toBe(0);
    expect((await ws.cli('rejects', '--file', 'УЧАСТНИКИ')).code).toBe(1);
    expect((await ws.cli('rejects', '--file', 'нет-такого')).code).toBe(0);
  });

  it('writes one XLSX per municipality with safe names, a title saying what to do, text kept as text', async () => {
    await loadWithRejects();
    const out = join(ws.dir, 'out');
    const r = await ws.cli('rejects', '--by-municipality', '--out', out);
    expect(r.code).toBe(1);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      'Отклонённые строки — Без муниципалитета.xlsx',
      'Отклонённые строки — г. Махачкала Советский . р-н.xlsx',
    ]);
    for (const f of files) expect(f).not.toMatch(/["/\\]|\.\./);

    const city = await sheetRows(join(out, files[1]));
    expect(city[0][0]).toBe('Отклонённые строки выгрузок проекта «500+»: г. Махачкала/"Советский" ../р-н');
    expect(String(city[1][0])).toMatch(/^Что исправить:/);
    expect(String(city[2][0])).toMatch(/^Как вернуть: пришлите исправленные файлы целиком/);
    expect(city[4]).toEqual([
      'Логин ОО',
      'Школа',
      'Файл',
      'Лист',
      'Строка',
      'Столбец',
      'Значение',
      'Причина — что исправить',
      '№ версии',
    ]);
    expect(city[5].slice(0, 3)).toEqual(['sch050003', 'МБОУ «Гимназия № 3»', 'участники.csv']);
    expect(city[5][4]).toBe(6);
    expect(city[5][5]).toBe('Год');
    expect(city[5][6]).toBe('20266');

    const none = await sheetRows(join(out, files[0]));
    const values = none.slice(5).map((row) => row[6]);
    expect(values.sort()).toEqual(['=HYPERLINK("x")', 'sch059999']);
    const xml = await sheetXml(join(out, files[0]));
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('HYPERLINK'); // kept in the shared strings, not in a cell formula

    const all = await ws.cli('rejects', '--format', 'csv', '--out', out);
    expect(all.code).toBe(1);
    const refused = await ws.cli('rejects', '--by-municipality', '--format', 'csv');
    expect(refused.code).toBe(2);
  });
});

describe('shnor template', () => {
  const ws = cliWorkspace();

  it('writes headers the ingest recognises, required ones bold and marked', async () => {
    for (const source of HAND_KEPT_SOURCES) {
      const contract = contractBySource(source);
      if (!contract) throw new Error(source);
      const index = aliasIndex(contract, []);
      for (const spec of contract.columns)
        expect(index.get(fold(templateHeader(contract, spec)))?.[0]).toBe(spec);
    }
    const path = join(ws.dir, 'p.xlsx');
    expect((await ws.cli('template', 'participants', '--out', path)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0];
    expect(sheet.getCell('A3').value).toBe('Год *');
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('C3').value).toBe('Когорта');
    expect(sheet.getCell('C3').font?.bold).toBeFalsy();
    expect(String(sheet.getCell('B3').note)).toMatch(/логин ОО/i);
    expect(sheet.getCell('A4').value).toBe(2026);
    expect(sheet.getCell('B4').value).toBe('sch050001');
    expect(sheet.getCell('E4').value).toEqual(new Date(Date.UTC(2026, 2, 15)));
    const again = await ws.cli('template', 'participants', '--out', path);
    expect(again.err).toMatch(/уже существует/);
  });

  it('round-trips: every template with its example row loads 1 row without rejects', async () => {
    ws.file(
      'Реестр.csv',
      'Логин ОО;Наименование ОО;Муниципалитет\r\nsch050001;МКОУ «СОШ № 1»;Ахтынский район\r\n',
    );
    for (const source of HAND_KEPT_SOURCES) {
      expect((await ws.cli('template', source, '--out', join(ws.inbox, `${source}.xlsx`))).code).toBe(0);
    }
    const r = await ws.cli('ingest', ws.inbox, '--json');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as {
      source: string;
      loaded: number;
      rejected: number;
      status: string;
    }[];
    for (const source of HAND_KEPT_SOURCES) {
      expect(results.find((x) => x.source === source)).toMatchObject({
        status: 'loaded',
        loaded: 1,
        rejected: 0,
      });
    }
    const [status] = await ws.query<{ item_no: string; done_at: Date }>(
      'SELECT item_no, done_at FROM raw_roadmap_status',
    );
    expect(status).toEqual({ item_no: '1.', done_at: new Date(Date.UTC(2026, 0, 20)) });
  });

  it('refuses a source that is not kept by hand, listing the allowed ones', async () => {
    const r = await ws.cli('template', 'vpr_results');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/выгружается из информационных систем/);
    for (const s of HAND_KEPT_SOURCES) expect(r.err).toContain(s);
    expect((await ws.cli('template', 'nope')).err).toMatch(/Неизвестный источник «nope»/);
  });
});
