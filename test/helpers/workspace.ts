import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';

const cp1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) map.set(decoder.decode(Uint8Array.of(b)), b);
  return map;
})();

/** Encodes text as Windows-1251, as ФИС ОКО and Excel export CSV. */
export function encode1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const b = cp1251.get(ch);
      if (b === undefined) throw new Error(`not in cp1251: ${ch}`);
      bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/** A fresh temporary folder with a warehouse path for each test of the suite; removed after it. */
export function workspace() {
  const ws = {
    dir: '',
    db: '',
    /** Where test input files are written. */
    inbox: '',
    file(name: string, content: string | Buffer): string {
      const path = join(ws.inbox, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    /** Runs the CLI in-process; returns exit code and captured output. */
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
    ws.dir = mkdtempSync(join(tmpdir(), 'shnor-test-'));
    ws.db = join(ws.dir, 'warehouse', 'test.duckdb');
    mkdirSync(join(ws.dir, 'warehouse'));
    ws.inbox = join(ws.dir, 'in');
  });
  afterEach(() => rmSync(ws.dir, { recursive: true, force: true }));
  return ws;
}

export const REGISTRY_CSV = [
  'Реестр общеобразовательных организаций по состоянию на 01.09.2025',
  '',
  'Логин ОО;Наименование ОО;Муниципалитет;Код МСУ;Код ОО;Тип населенного пункта;Количество обучающихся',
  'sch050001;МКОУ «СОШ № 1»;Ахтынский район;03;030001;село;101',
  'sch050002;МКОУ «СОШ № 2»;Ахтынский район;03;030002;село;102',
  'SCH050003;МБОУ «Гимназия № 3»;г. Махачкала;01;010003;город;1 200',
  'edu050004;МКОУ «ООШ № 4»;г. Махачкала;01;010004;город;95',
  ';;;;;;',
  'Итого;;;;;;1 498',
].join('\r\n');
