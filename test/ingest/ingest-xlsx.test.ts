import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encode1251, REGISTRY_CSV, workspace } from '../helpers/workspace.js';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('ingest of XLSX exports', () => {
  const ws = workspace();

  it('finds the header under a title and a merged group row; skips «Итого»; rejects uncached formulas and error cells', async () => {
    ws.file('reg.csv', encode1251(REGISTRY_CSV));
    ws.file(
      'Участники 500+ 2026.xlsx',
      await xlsx((wb) => {
        wb.addWorksheet('Пояснения').addRow(['Список составлен региональным координатором']);
        const s = wb.addWorksheet('Список');
        s.addRow(['Список школ — участниц проекта «500+» по состоянию на 15.03.2026']);
        s.addRow(['Школа', null, 'Куратор', null]);
        s.mergeCells('A2:B2');
        s.mergeCells('C2:D2');
        s.addRow(['Логин ОО', 'Когорта', 'ФИО куратора', 'Дата назначения куратора']);
        s.addRow(['sch050001', 2026, 'Магомедова П. А.', new Date(Date.UTC(2026, 2, 10))]);
        s.addRow(['SCH050002', { formula: '2025+1', result: 2026 }, 'Алиев Р. М.', 46091]);
        s.addRow(['sch050003', { formula: '2025+1' }, 'Гасанова З.', '12.03.2026']);
        s.addRow(['sch050004', { error: '#DIV/0!' }, 'Омаров Ш.', '12.03.2026']);
        s.addRow(['sch059999', 2026, 'Иванов И.', '31.02.2026']);
        s.addRow([]);
        s.addRow(['Итого', null, null, null]);
      }),
    );
    const r = await ws.cli('ingest', ws.inbox, '--json');
    expect(r.err).toBe('');
    const file = JSON.parse(r.out).find((f: { source: string }) => f.source === 'participants');
    expect(file).toMatchObject({
      sheet: 'Список',
      snapshot: { raw: '2026-03-15', origin: 'заголовок' },
      meta: { year: { raw: '2026', origin: 'имя файла' } },
      read: 7,
      loaded: 2,
      rejected: 3,
      skipped: { empty: 1, total: 1 },
    });
    const rows = await ws.query(
      'SELECT school_login, cohort, curator_assigned_at::VARCHAR AS d, _line FROM raw_participants ORDER BY _line',
    );
    expect(rows).toEqual([
      { school_login: 'sch050001', cohort: 2026, d: '2026-03-10', _line: 4 },
      { school_login: 'sch050002', cohort: 2026, d: '2026-03-10', _line: 5 },
    ]);
    const rejects = await ws.query<{ line: number; column_name: string; reason: string }>(
      "SELECT line, column_name, reason FROM rejects WHERE source = 'participants' ORDER BY line, column_name",
    );
    expect(rejects.map((x) => [x.line, x.column_name])).toEqual([
      [6, 'Когорта'],
      [7, 'Когорта'],
      [8, 'Дата назначения куратора'],
      [8, 'Логин ОО'],
    ]);
    expect(rejects[0].reason).toMatch(/формула без сохранённого значения/);
    expect(rejects[1].reason).toMatch(/#DIV\/0!/);
    expect(rejects[2].reason).toBe('такой даты нет в календаре');
    expect(rejects[3].reason).toMatch(/школа sch059999 не найдена в реестре ОО/);
  });

  it('unpivots the wide РПШ layout (one column per factor) and counts rows of the file', async () => {
    ws.file('reg.csv', encode1251(REGISTRY_CSV));
    ws.file(
      'РПШ 2025.xlsx',
      await xlsx((wb) => {
        const s = wb.addWorksheet('РПШ');
        s.addRow([
          'Логин',
          'Низкий уровень оснащения школы',
          'Дефицит педагогических кадров',
          'Фактор 3',
          'Адаптивность',
          'Внутришкольное ПК',
          'Мотивация',
        ]);
        s.addRow(['sch050001', 'высокий', 'средний', 'низкий', 'отсутствует', 'высокий', 'средний']);
        s.addRow(['sch050002', 'высокий', 'очень высокий', 'низкий', '0', '3', '2']);
      }),
    );
    const r = await ws.cli('ingest', ws.inbox, '--json');
    const file = JSON.parse(r.out).find((f: { source: string }) => f.source === 'risk_profiles');
    expect(file).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    const rows = await ws.query('SELECT factor_code, risk_level FROM raw_risk_profiles ORDER BY factor_code');
    expect(rows).toEqual([
      { factor_code: 1, risk_level: 3 },
      { factor_code: 2, risk_level: 2 },
      { factor_code: 3, risk_level: 1 },
      { factor_code: 4, risk_level: 0 },
      { factor_code: 5, risk_level: 3 },
      { factor_code: 10, risk_level: 2 },
    ]);
  });

  it('merges roadmap continuation rows into the item they continue (seed 001, items 5 and 17)', async () => {
    ws.file(
      'Дорожная карта 500+ 2022.xlsx',
      await xlsx((wb) => {
        const s = wb.addWorksheet('ДК');
        s.addRow(['Региональная «дорожная карта» по реализации федерального проекта «500+» в 2022 году']);
        s.addRow(['№ п/п', 'Задачи', 'Сроки реализации', 'Исполнитель', 'Показатель реализации']);
        s.addRow([
          '4.',
          'Организовать участие в анкетировании',
          'январь - февраль',
          'Региональный координатор',
          '100% участие',
        ]);
        s.addRow([
          '5.',
          'Определить кандидатуры кураторов ШНОР',
          'февраль',
          'Рособрнадзор ФИС ОКО МОУО РД',
          'Утвержден список',
        ]);
        s.addRow([null, null, null, 'Региональный координатор', null]);
        s.addRow([
          '6.',
          'Провести кластеризацию РПШ',
          'по мере необходимости',
          'Региональный координатор',
          'Карты',
        ]);
      }),
    );
    const r = await ws.cli('ingest', ws.inbox, '--json');
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({
      source: 'roadmap',
      read: 4,
      loaded: 3,
      rejected: 0,
      skipped: { continuation: 1 },
      meta: { roadmap_code: { raw: '500+' }, year: { raw: '2022' } },
    });
    expect(file.warnings.join()).toMatch(/срок не распознан в 1/);
    const rows = await ws.query(
      'SELECT item_no, executor, period_start::VARCHAR AS s, period_end::VARCHAR AS e FROM raw_roadmap ORDER BY _line',
    );
    expect(rows).toEqual([
      { item_no: '4.', executor: 'Региональный координатор', s: '2022-01-01', e: '2022-02-28' },
      {
        item_no: '5.',
        executor: 'Рособрнадзор ФИС ОКО МОУО РД Региональный координатор',
        s: '2022-02-01',
        e: '2022-02-28',
      },
      { item_no: '6.', executor: 'Региональный координатор', s: null, e: null },
    ]);
  });
});

describe('roadmaps with heading rows before item 1', () => {
  const ws = workspace();

  it('does not merge unnumbered rows that come before the first item; they are rejected, each counted', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('ДК');
    s.addRow(['Дорожная карта «500+» на 2026 год']);
    s.addRow(['№ п/п', 'Задачи', 'Сроки реализации', 'Исполнитель']);
    s.addRow([null, 'Раздел 1. Организационные мероприятия', null, null]);
    s.addRow([null, 'Подраздел 1.1', null, null]);
    s.addRow(['1.', 'Определить координатора', 'январь', 'МОН РД']);
    ws.file('Дорожная карта 500+ 2026.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await ws.cli('ingest', ws.inbox, '--json');
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({ status: 'loaded', read: 3, loaded: 1, rejected: 2 });
  });
});
