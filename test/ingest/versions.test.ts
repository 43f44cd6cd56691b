import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normalisePerson, personKey, pseudonym } from '../../src/ingest/load/person.js';
import { encode1251, REGISTRY_CSV, workspace } from '../helpers/workspace.js';

const shnorList = (date: string, logins: string[]) =>
  encode1251([`Перечень ШНОР 2025 по состоянию на ${date}`, 'Логин ОО', ...logins].join('\r\n'));

describe('versions, as-of reads and re-checks', () => {
  const ws = workspace();

  it('keeps every version; an as-of read gives the latest snapshot on or before the date; a smaller version warns', async () => {
    ws.file('reg.csv', encode1251(REGISTRY_CSV));
    ws.file('v1/ШНОР 2025.csv', shnorList('01.03.2025', ['sch050001', 'sch050002', 'sch050003']));
    expect((await ws.cli('ingest', ws.inbox)).code).toBe(0);
    ws.file('v2/ШНОР 2025 (уточн.).csv', shnorList('01.06.2025', ['sch050001', 'sch050004']));
    const second = await ws.cli('ingest', `${ws.inbox}/v2`);
    expect(second.code).toBe(1);
    expect(second.out).toMatch(
      /в новой версии меньше строк, чем в предыдущей: часть «year=2025» — 2 против 3 \(версия от 01\.03\.2025\)/,
    );
    const asOf = (d: string) =>
      ws.query<{ school_login: string }>(
        `SELECT r.school_login FROM raw_shnor_list r JOIN partition_as_of('shnor_list', DATE '${d}') p
         ON r._batch_id = p.batch_id AND r._partition = p.partition_key ORDER BY 1`,
      );
    expect((await asOf('2025-05-31')).map((r) => r.school_login)).toEqual([
      'sch050001',
      'sch050002',
      'sch050003',
    ]);
    expect((await asOf('2025-12-31')).map((r) => r.school_login)).toEqual(['sch050001', 'sch050004']);
    expect(await asOf('2025-02-01')).toEqual([]);
  });

  it('skips a file loaded before, and re-checks it when the registry changed and it had rejects', async () => {
    ws.file('reg/reg.csv', encode1251(REGISTRY_CSV));
    ws.file('list/ШНОР 2025.csv', shnorList('01.03.2025', ['sch050001', 'sch050009']));
    const first = await ws.cli('ingest', ws.inbox, '--json');
    expect(JSON.parse(first.out).map((f: { rejected: number }) => f.rejected)).toEqual([0, 1]);
    const again = await ws.cli('ingest', `${ws.inbox}/list`, '--json');
    expect(JSON.parse(again.out)[0].status).toBe('unchanged');
    ws.file(
      'reg2/reg.csv',
      encode1251(
        `${REGISTRY_CSV.replace('01.09.2025', '01.10.2025')}\r\nsch050009;Новая школа;г. Махачкала;01;010009;город;50`,
      ),
    );
    await ws.cli('ingest', `${ws.inbox}/reg2`);
    const recheck = await ws.cli('ingest', `${ws.inbox}/list`, '--json');
    const [file] = JSON.parse(recheck.out);
    expect(file).toMatchObject({ status: 'loaded', loaded: 2, rejected: 0 });
    expect(file.warnings.join()).toMatch(/реестр ОО изменился/);
  });

  it('--dry-run reports without writing', async () => {
    ws.file('reg.csv', encode1251(REGISTRY_CSV));
    const r = await ws.cli('ingest', ws.inbox, '--dry-run', '--json');
    expect(JSON.parse(r.out)[0]).toMatchObject({ status: 'dry-run', loaded: 4 });
    const batches = await ws.query<{ n: bigint }>('SELECT count(*) AS n FROM load_batch');
    expect(Number(batches[0].n)).toBe(0);
  });

  it('gives one person the same pseudonym from a CSV (hashed in DuckDB) and an XLSX (hashed in Node)', async () => {
    ws.file('reg.csv', encode1251(REGISTRY_CSV));
    const header =
      'Дата экзамена;Предмет;Код ОО;Фамилия;Имя;Отчество;Серия документа;Номер документа;Первичный балл;Отметка';
    ws.file(
      'ОГЭ 2025 русский.csv',
      encode1251(
        [
          header,
          '27.05.2025;Русский язык;030001;Алиева;Патимат; Ёлкина ;;;20;4',
          '27.05.2025;Русский язык;030002;Омаров;Шамиль;;8212;123456;25;5',
        ].join('\r\n'),
      ),
    );
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('ОГЭ');
    s.addRow(header.split(';'));
    s.addRow(['03.06.2025', 'Математика', '030001', 'АЛИЕВА', 'Патимат', 'Елкина', null, null, 10, 3]);
    s.addRow(['03.06.2025', 'Математика', '030002', 'Омаров', 'Шамиль', null, '8212', '123456', 12, 4]);
    ws.file('ОГЭ 2025 математика.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await ws.cli('ingest', ws.inbox, '--json');
    expect(r.code, `${r.err}\n${r.out}`).toBe(0);
    const rows = await ws.query<{ student: string; subject: string; school_login: string }>(
      'SELECT student, subject, school_login FROM raw_oge_results ORDER BY school_login, subject',
    );
    expect(rows).toHaveLength(4);
    expect(rows[0].student).toBe(rows[1].student);
    expect(rows[2].student).toBe(rows[3].student);
    expect(rows[0].student).not.toBe(rows[2].student);
    expect(rows[0].school_login).toBe('sch050001');
    expect(normalisePerson('  алиева  патимат ёлкина ')).toBe('АЛИЕВА ПАТИМАТ ЕЛКИНА');
    const key = (await import('node:fs')).readFileSync(`${ws.db}.secret`, 'utf8').trim();
    const expected = pseudonym(
      key,
      personKey([
        { part: 'doc', value: '8212' },
        { part: 'doc', value: '123456' },
      ]),
    );
    expect(rows[2].student).toBe(expected);
    const dump = JSON.stringify(await ws.query('SELECT * FROM raw_oge_results'));
    expect(dump).not.toMatch(/Алиева|АЛИЕВА|Омаров|123456/);
  });
});

describe('pseudonyms without a document', () => {
  const ws = workspace();

  it('take the birth date the same way from a CSV text and an XLSX date cell', async () => {
    ws.file('reg.csv', encode1251(REGISTRY_CSV));
    const header = 'Дата экзамена;Предмет;Код ОО;ФИО;Дата рождения;Первичный балл;Отметка';
    ws.file(
      'ОГЭ 2025 русский.csv',
      encode1251(`${header}\r\n27.05.2025;Русский язык;030001;Алиева Патимат;01.02.2010;20;4\r\n`),
    );
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('ОГЭ');
    s.addRow(header.split(';'));
    s.addRow([
      '03.06.2025',
      'Математика',
      '030001',
      'Алиева  Патимат',
      new Date(Date.UTC(2010, 1, 1)),
      10,
      3,
    ]);
    ws.file('ОГЭ 2025 математика.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await ws.cli('ingest', ws.inbox)).code).toBe(0);
    const rows = await ws.query<{ student: string }>('SELECT DISTINCT student FROM raw_oge_results');
    expect(rows).toHaveLength(1);
  });
});
