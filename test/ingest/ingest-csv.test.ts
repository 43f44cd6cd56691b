import { describe, expect, it } from 'vitest';
import { encode1251, REGISTRY_CSV, workspace } from '../helpers/workspace.js';

const VPR = [
  'Всероссийские проверочные работы 2025',
  'Предмет: Математика',
  'Класс: 5',
  'Логин ОО: sch050001',
  'Код участника;ФИО обучающегося;Класс;Вариант;1;2;3(1);Первичный балл;Отметка;Отметка за предыдущую четверть',
  '10001;Иванов Иван Иванович;5А;1;1;1;0;7;3;4',
  '10002;Петрова Анна;5А;2;1;0;1;12,0;4;4',
  '10003;Сидоров Семён;5Б;;;;;;отсутствовал;4',
  '10004;Ким Анна;5Б;1;1;1;1;17;6;5',
  '',
  'Код участника;ФИО обучающегося;Класс;Вариант;1;2;3(1);Первичный балл;Отметка;Отметка за предыдущую четверть',
  '10005;"Алиев\nМагомед";5Б;1;1;1;1;15;5;5',
  '10006;Х;5Б;1;1;1;1;15;5;5;лишнее',
].join('\n');

describe('ingest of CSV exports', () => {
  const ws = workspace();

  it('loads a cp1251 registry with a title row, skipping the empty and «Итого» rows', async () => {
    ws.file('Реестр ОО.csv', encode1251(REGISTRY_CSV));
    const r = await ws.cli('ingest', ws.inbox, '--json');
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({
      source: 'schools',
      encoding: 'Windows-1251',
      delimiter: ';',
      snapshot: { raw: '2025-09-01', origin: 'заголовок' },
      read: 6,
      loaded: 4,
      rejected: 0,
      skipped: { empty: 1, total: 1 },
    });
    const schools = await ws.query<{ school_login: string; students_total: number }>(
      'SELECT school_login, students_total FROM raw_schools ORDER BY school_login',
    );
    expect(schools.map((s) => s.school_login)).toEqual(['sch050001', 'sch050002', 'sch050003', 'sch050004']);
    expect(schools[2].students_total).toBe(1200);
  });

  it('loads a ВПР protocol: meta from title rows, absent participants, rejects by physical line', async () => {
    ws.file('data/Реестр ОО.csv', encode1251(REGISTRY_CSV));
    ws.file('data/protocol.csv', `\ufeff${VPR}`);
    const r = await ws.cli('ingest', ws.inbox, '--json');
    expect(r.code).toBe(1);
    const vpr = JSON.parse(r.out).find((f: { source: string }) => f.source === 'vpr_results');
    expect(vpr).toMatchObject({
      read: 8,
      loaded: 4,
      rejected: 2,
      skipped: { empty: 1, header: 1 },
      meta: {
        year: { raw: '2025', origin: 'заголовок' },
        grade: { raw: '5', origin: 'заголовок' },
        school_login: { raw: 'sch050001', origin: 'заголовок' },
      },
    });
    const rejects = await ws.query('SELECT line, column_name, value, reason FROM rejects ORDER BY line');
    expect(rejects).toEqual([
      { line: 9, column_name: 'Отметка', value: '6', reason: 'отметка вне диапазона 2–5' },
      {
        line: 14,
        column_name: 'лишние значения',
        // the file has ФИО: a shifted row keeps none of its values in rejects
        value: null,
        reason:
          'в строке есть значения правее последнего столбца заголовка (лишний разделитель или заметка вне таблицы?)',
      },
    ]);
    const rows = await ws.query<Record<string, unknown>>(
      'SELECT student_code, class_name, subject, grade, total_score, mark, is_absent, task_scores, _line FROM raw_vpr_results ORDER BY _line',
    );
    expect(rows.map((x) => [x.student_code, x._line])).toEqual([
      ['10001', 6],
      ['10002', 7],
      ['10003', 8],
      ['10005', 12],
    ]);
    expect(rows.find((x) => x.student_code === '10003')).toMatchObject({ is_absent: true, mark: null });
    expect(rows.find((x) => x.student_code === '10002')).toMatchObject({
      subject: 'math',
      grade: 5,
      total_score: 12,
      class_name: '5А',
    });
    // personal data never reaches a table
    const all = JSON.stringify(await ws.query('SELECT * FROM raw_vpr_results'));
    expect(all).not.toMatch(/Иванов|Петрова|Алиев/);
  });
});

describe('the user’s files are never changed', () => {
  const ws = workspace();

  it('leaves every input byte for byte as it was, whatever the mix of encodings and names', async () => {
    const { createHash } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    const files = [
      ws.file('1 реестр.csv', encode1251(REGISTRY_CSV)),
      ws.file('2 ШНОР 2025 [1].csv', 'Логин ОО\nsch050001\n'),
      ws.file('3 ШНОР 2025 1.csv', encode1251('Логин ОО\r\nsch050002\r\n')),
      ws.file('4 ШНОР 2024.csv', 'Логин ОО\nsch050003\n'),
    ];
    const hash = () => files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    const before = hash();
    const r = await ws.cli('ingest', ws.inbox, '--json');
    // Files 2 and 3 are versions of one part (ШНОР 2025): the later one replaces the earlier, and a
    // warning names the school it lacks.
    expect(r.code).toBe(1);
    expect(hash()).toEqual(before);
    // the bracketed name is read as itself, not as a pattern matching its neighbour
    const rows = await ws.query<{ school_login: string; year: number }>(
      'SELECT school_login, year FROM raw_shnor_list ORDER BY school_login',
    );
    expect(rows).toEqual([
      { school_login: 'sch050001', year: 2025 },
      { school_login: 'sch050002', year: 2025 },
      { school_login: 'sch050003', year: 2024 },
    ]);
  });
});

describe('mixed encodings past the first block of a file', () => {
  const ws = workspace();

  it('refuses a Windows-1251 file with UTF-8 lines deep inside, naming the line', async () => {
    const rows = 'sch050001;Школа;Дербентский район\r\n'.repeat(20_000);
    ws.file(
      'реестр.csv',
      Buffer.concat([
        encode1251(`Логин ОО;Наименование ОО;Муниципалитет\r\n${rows}`),
        Buffer.from('sch050002;Школа;Дербентский район\r\n', 'utf8'),
      ]),
    );
    const r = await ws.cli('ingest', ws.inbox);
    expect(r.code).toBe(2);
    expect(r.out).toContain('строка 20002: в файле смешаны кодировки Windows-1251 и UTF-8');
  });
});

describe('quotes inside unquoted values, as 1C and Excel write school names', () => {
  const ws = workspace();

  it('reads МБОУ "СОШ № 1" as text and keeps the line numbers exact', async () => {
    ws.file(
      'Реестр ОО.csv',
      encode1251(
        [
          'Логин ОО;Наименование ОО;Муниципалитет',
          'sch050001;МБОУ "СОШ № 1;с углублённым";Ахтынский район',
          'sch050002;"МКОУ ""Гимназия № 2""";г. Махачкала',
          'sch050003;МБОУ "ООШ № 3";г. Махачкала',
        ].join('\r\n'),
      ),
    );
    const r = await ws.cli('ingest', ws.inbox, '--json');
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({ status: 'loaded', read: 3, loaded: 2, rejected: 1 });
    const rows = await ws.query<{ school_name: string; _line: number }>(
      'SELECT school_name, _line FROM raw_schools ORDER BY _line',
    );
    expect(rows).toEqual([
      { school_name: 'МКОУ "Гимназия № 2"', _line: 3 },
      { school_name: 'МБОУ "ООШ № 3"', _line: 4 },
    ]);
  });
});
