import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { workspace } from '../helpers/workspace.js';

describe('the warehouse file, its key and its temp folder', () => {
  const ws = workspace();

  it('creates an owner-only key beside a new warehouse and refuses a different key, leaving the file as it was', async () => {
    (await Warehouse.open(ws.db)).close();
    expect(statSync(`${ws.db}.secret`).mode & 0o777).toBe(0o600);
    writeFileSync(`${ws.db}.secret`, `${'0'.repeat(64)}\n`);
    const before = readFileSync(ws.db);
    await expect(Warehouse.open(ws.db)).rejects.toThrow(/не совпадает с ключом/);
    expect(readFileSync(ws.db).equals(before)).toBe(true);
    expect(existsSync(`${ws.db}.wal`)).toBe(false);
  });

  it('refuses to start a new key for an existing warehouse whose key is missing', async () => {
    (await Warehouse.open(ws.db)).close();
    const { rmSync } = await import('node:fs');
    rmSync(`${ws.db}.secret`);
    await expect(Warehouse.open(ws.db)).rejects.toThrow(/Не найден ключ псевдонимизации/);
  });

  it('empties its private temp folder at start-up', async () => {
    mkdirSync(`${ws.db}.tmp`, { recursive: true });
    writeFileSync(`${ws.db}.tmp/transcoded-1.csv`, 'Иванов;Иван');
    const wh = await Warehouse.open(ws.db);
    wh.close();
    expect(existsSync(`${ws.db}.tmp/transcoded-1.csv`)).toBe(false);
    expect(statSync(`${ws.db}.tmp`).mode & 0o777).toBe(0o700);
  });

  it('tells the user when another process holds the warehouse', async () => {
    ws.file('ШНОР 2025.csv', 'Логин ОО\nsch050001\n');
    const wh = await Warehouse.open(ws.db);
    try {
      const { spawnSync } = await import('node:child_process');
      const { projectPath } = await import('../../src/warehouse/paths.js');
      const child = spawnSync(
        process.execPath,
        [projectPath('dist/src/cli/bin.js'), 'ingest', ws.inbox, '--db', ws.db],
        {
          encoding: 'utf8',
        },
      );
      expect(child.status).toBe(3);
      expect(child.stderr).toMatch(/сейчас занято другим процессом/);
      expect(child.stderr).not.toMatch(/\n\s+at /);
    } finally {
      wh.close();
    }
  });
});
