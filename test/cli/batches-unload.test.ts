import { describe, expect, it } from 'vitest';
import { cliWorkspace, participantsCsv, REGISTRY } from './helpers.js';

describe('shnor batches and shnor unload', () => {
  const ws = cliWorkspace();

  const asOf = async (date: string) =>
    (
      await ws.query<{ school_login: string; _batch_id: number }>(
        `SELECT r.school_login, r._batch_id FROM raw_participants r
         JOIN partition_as_of('participants', DATE '${date}') p ON r._batch_id = p.batch_id AND r._partition = p.partition_key
         ORDER BY 1`,
      )
    ).map((r) => `${r.school_login}@${r._batch_id}`);

  async function loadTwoVersions() {
    ws.file('reg/реестр.csv', REGISTRY);
    ws.file(
      'v1/участники-1.csv',
      participantsCsv('01.03.2026', ['sch050001;Иванова', 'sch050002;Петрова', 'sch059999;Нет']),
    );
    expect((await ws.cli('ingest', `${ws.inbox}/reg`, `${ws.inbox}/v1`)).code).toBe(1);
    ws.file('v2/участники-2.csv', participantsCsv('01.06.2026', ['sch050001;Иванова', 'sch050003;Сидорова']));
    // sch050002 is in v1 and not in v2: the newer version says so (a warning, exit 1).
    const v2 = await ws.cli('ingest', `${ws.inbox}/v2`);
    expect(v2.code).toBe(1);
    expect(v2.out).toMatch(/sch050002/);
  }

  it('lists versions as an aligned table with Russian headers and statuses', async () => {
    await loadTwoVersions();
    const r = await ws.cli('batches');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(
      /^№ версии\s+Файл\s+Источник\s+По состоянию на\s+Прочитано\s+Загружено\s+Отклонено\s+Пропущено\s+Статус\s+Загружен$/,
    );
    expect(lines[1]).toMatch(/^─+ {2}─+/);
    expect(lines[2]).toMatch(/^ {7}1 {2}реестр\.csv\s+schools\s+01\.09\.2026\s+3\s+3\s+0\s+0\s+действует/);
    expect(lines[3]).toMatch(
      /^ {7}2 {2}участники-1\.csv\s+participants\s+01\.03\.2026\s+3\s+2\s+1\s+0\s+заменена/,
    );
    expect(lines[4]).toMatch(
      /^ {7}3 {2}участники-2\.csv\s+participants\s+01\.06\.2026\s+2\s+2\s+0\s+0\s+действует/,
    );
    // columns line up: the «Статус» column starts at the same place on every row
    const at = lines[0].indexOf('Статус');
    for (const line of lines.slice(2, 5)) expect(line.slice(at)).toMatch(/^(действует|заменена)/);
    expect(r.out).toContain('3\u00a0версии: действуют 2, заменены 1.');

    const only = await ws.cli('batches', '--source', 'schools', '--json');
    expect(JSON.parse(only.out).map((b: { batch_id: number }) => b.batch_id)).toEqual([1]);
    const bad = await ws.cli('batches', '--source', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^Ошибка: Неизвестный источник «nope»/);
  });

  it('unloads a version in one go and the previous one becomes current for as-of reads', async () => {
    await loadTwoVersions();
    expect(await asOf('2026-12-31')).toEqual(['sch050001@3', 'sch050003@3']);
    const r = await ws.cli('unload', '3');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Версия №\u00a03 удалена: «участники-2.csv»');
    expect(r.out).toContain(
      'часть «year=2026»: теперь действует версия №\u00a02 от 01.03.2026 (участники-1.csv)',
    );
    expect(await asOf('2026-12-31')).toEqual(['sch050001@2', 'sch050002@2']);
    const left = await ws.query<{ n: bigint }>(
      `SELECT (SELECT count(*) FROM raw_participants WHERE _batch_id = 3) + (SELECT count(*) FROM batch_partition WHERE batch_id = 3) AS n`,
    );
    expect(Number(left[0].n)).toBe(0);
    const [batch] = await ws.query<{ status: string; unloaded_at: Date | null }>(
      'SELECT status, unloaded_at FROM load_batch WHERE batch_id = 3',
    );
    expect(batch.status).toBe('unloaded');
    expect(batch.unloaded_at).toBeInstanceOf(Date);

    const all = await ws.cli('batches', '--all');
    expect(all.out).toMatch(/ 3 {2}участники-2\.csv .* удалена \d\d\.\d\d\.\d{4}/);
    expect((await ws.cli('batches')).out).not.toContain('участники-2.csv');

    // its rejects go with it; the earlier version's rejects remain
    expect((await ws.cli('unload', '2')).out).toContain(
      'других версий нет — данных этой части в хранилище больше нет',
    );
    const rejects = await ws.query<{ n: bigint }>('SELECT count(*) AS n FROM rejects WHERE batch_id = 2');
    expect(Number(rejects[0].n)).toBe(0);
    expect(await asOf('2026-12-31')).toEqual([]);
  });

  it('unloading an older version leaves the current one in force', async () => {
    await loadTwoVersions();
    const r = await ws.cli('unload', '2');
    expect(r.out).toContain('часть «year=2026»: без изменений, действует версия №\u00a03 от 01.06.2026');
    expect(await asOf('2026-04-01')).toEqual([]);
  });

  it('refuses an unknown, an already unloaded or a malformed version', async () => {
    await loadTwoVersions();
    const unknown = await ws.cli('unload', '42');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('Ошибка: Версии №\u00a042 нет в хранилище. Список версий: shnor batches --all.');
    expect((await ws.cli('unload', '3')).code).toBe(0);
    const again = await ws.cli('unload', '3');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      /^Ошибка: Версия №\u00a03 \(«участники-2\.csv»\) уже удалена \d\d\.\d\d\.\d{4}\. Чтобы вернуть данные/,
    );
    const bad = await ws.cli('unload', 'abc');
    expect(bad.err).toMatch(/ожидается номер версии/);
    expect(bad.err).not.toMatch(/at .*\.ts/);
  });

  it('says when nothing was loaded, and when there is no warehouse', async () => {
    const none = await ws.cli('batches');
    expect(none.code).toBe(3);
    expect(none.err).toMatch(/Хранилище «.*» не найдено/);
  });
});
