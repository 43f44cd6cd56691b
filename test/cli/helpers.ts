import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';

/** A temporary folder and warehouse per test, removed after it; runs the CLI in-process. */
export function cliWorkspace() {
  const ws = {
    dir: '',
    db: '',
    inbox: '',
    file(name: string, content: string | Buffer): string {
      const path = join(ws.inbox, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    async cli(...args: string[]) {
      const io = captureIo();
      const code = await main([...args, '--db', ws.db], io);
      return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
    },
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const wh = await Warehouse.open(ws.db, { readOnly: true });
      try {
        return await wh.rows<T>(sql);
      } finally {
        wh.close();
      }
    },
  };
  beforeEach(() => {
    ws.dir = mkdtempSync(join(tmpdir(), 'shnor-cli-'));
    ws.db = join(ws.dir, 'test.duckdb');
    ws.inbox = join(ws.dir, 'in');
  });
  afterEach(() => rmSync(ws.dir, { recursive: true, force: true }));
  return ws;
}

/** A tiny registry: two municipalities, one with characters unsafe in a file name. */
export const REGISTRY = [
  'Реестр ОО по состоянию на 01.09.2026',
  'Логин ОО;Наименование ОО;Муниципалитет',
  'sch050001;МКОУ «СОШ № 1»;Ахтынский район',
  'sch050002;МКОУ «СОШ № 2»;Ахтынский район',
  'sch050003;МБОУ «Гимназия № 3»;"г. Махачкала/""Советский"" ../р-н"',
].join('\r\n');

/** A participants list as of a date, with the given rows `login;curator`. */
export const participantsCsv = (date: string, rows: string[]) =>
  [
    `Школы — участницы проекта «500+» на 2026 год по состоянию на ${date}`,
    'Год;Логин ОО;Куратор',
    ...rows.map((r) => `2026;${r}`),
  ].join('\r\n');
