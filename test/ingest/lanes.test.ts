import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { type Dump, dumpDiff, dumpWarehouse } from '../faults/dump.js';

/**
 * Files read side by side (several connections) must leave the warehouse and the summary exactly as
 * one at a time does: the registry first and checked against, versions of one part in ranked order,
 * the same bytes twice, a workbook of many sheets, rejects.
 */
const samples = projectPath('data-samples');
let dir = '';
let inbox = '';
const runs: Record<'serial' | 'side', { code: number; out: string; dump: Dump; forks: number }> = {} as never;

/** One ingest of the inbox into a new warehouse with the shared key, on `lanes` connections. */
async function ingest(name: 'serial' | 'side', lanes: number) {
  const db = join(dir, `${name}.duckdb`);
  copyFileSync(join(dir, 'key'), `${db}.secret`);
  const fork = vi.spyOn(Warehouse.prototype, 'fork');
  const saved = process.env.SHNOR_INGEST_LANES;
  process.env.SHNOR_INGEST_LANES = String(lanes);
  try {
    const io = captureIo();
    const code = await main(['ingest', inbox, '--snapshot-date', '31.10.2026', '--json', '--db', db], io);
    expect(io.stderr.join('\n')).toBe('');
    runs[name] = {
      code,
      out: io.stdout.join('\n'),
      dump: await dumpWarehouse(db, { withoutTimes: true }),
      forks: fork.mock.calls.length,
    };
  } finally {
    fork.mockRestore();
    if (saved === undefined) delete process.env.SHNOR_INGEST_LANES;
    else process.env.SHNOR_INGEST_LANES = saved;
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-lanes-'));
  inbox = join(dir, 'in');
  for (const folder of ['schools', 'fioko', 'diro', 'surveys'])
    cpSync(join(samples, folder), join(inbox, folder), { recursive: true });
  copyFileSync(join(samples, 'ege/ege_2025.xlsx'), join(inbox, 'ege_2025.xlsx'));
  mkdirSync(join(inbox, 'vpr'));
  const vpr = join(samples, 'vpr/2026');
  for (const school of ['sch050107', 'sch050123']) {
    for (const subject of ['matematika_5', 'matematika_6', 'russkiy_5', 'russkiy_6']) {
      copyFileSync(join(vpr, `${school}_${subject}.csv`), join(inbox, 'vpr', `${school}_${subject}.csv`));
    }
  }
  // The same bytes under another name, and a later file of the same part with its last row gone.
  copyFileSync(join(vpr, 'sch050107_matematika_5.csv'), join(inbox, 'vpr', 'копия.csv'));
  const lines = readFileSync(join(vpr, 'sch050123_russkiy_6.csv'))
    .toString('latin1')
    .trimEnd()
    .split(/\r?\n/);
  writeFileSync(
    join(inbox, 'vpr', 'sch050123_russkiy_6_исправлен.csv'),
    Buffer.from(`${lines.slice(0, -1).join('\r\n')}\r\n`, 'latin1'),
  );
  writeFileSync(join(dir, 'key'), `${'5a'.repeat(32)}\n`, { mode: 0o600 });
  await ingest('serial', 1);
  await ingest('side', 3);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files read side by side land as if read one at a time', () => {
  it('really reads them on more than one connection (and on one when told so)', () => {
    expect(runs.serial.forks).toBe(0);
    expect(runs.side.forks).toBe(2);
  });

  it('loads, rejects and warns the same, in the same order, with the same version numbers', () => {
    const results = JSON.parse(runs.side.out) as {
      file: string;
      status: string;
      warnings: string[];
      notes: string[];
    }[];
    expect(results.length).toBe(
      readdirSync(inbox, { recursive: true }).filter((f) => /\.(csv|xlsx)$/.test(String(f))).length,
    );
    // the registry loaded first, the repeated bytes found unchanged, a version replaced by the other
    expect(results[0].file).toMatch(/^reestr_oo/);
    expect(results.find((r) => r.file === 'копия.csv')?.status).toBe('unchanged');
    const replaced = results
      .filter((r) => /^sch050123_russkiy_6/.test(r.file))
      .flatMap((r) => [...r.warnings, ...r.notes]);
    expect(replaced.join(' ')).toMatch(/заменяет версию|меньше строк/);
    expect(runs.side.out).toBe(runs.serial.out);
    expect(runs.side.code).toBe(runs.serial.code);
  });

  it('leaves every table, view and sequence of the warehouse the same', () => {
    expect(runs.side.dump.size).toBeGreaterThan(10);
    expect(dumpDiff(runs.serial.dump, runs.side.dump)).toEqual([]);
  });
});
