import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { AS_OF, killWhen, shnor } from './cli.js';
import { copyWarehouse, dumpDiff, dumpWarehouse } from './dump.js';

/** Small per-school ВПР protocols the base warehouse does not hold: they are read side by side. */
const FILES = 80;
/** The kill comes once this many files have said they landed. */
const KILL_AFTER = 25;

let dir = '';
let inbox = '';
let killedDb = '';
let cleanDb = '';

const ingest = (db: string) => ['ingest', inbox, '--snapshot-date', AS_OF, '--db', db];
const lanes = (n: number) => ({ env: { ...process.env, SHNOR_INGEST_LANES: String(n) } });

/** The files of a warehouse's loads in the order they landed. */
async function landed(db: string): Promise<string[]> {
  const wh = await Warehouse.open(db, { readOnly: true });
  try {
    const rows = await wh.rows<{ file_name: string }>(
      `SELECT file_name FROM load_batch WHERE file_name LIKE 'sch%' AND file_name NOT LIKE 'sch050107%'
       ORDER BY batch_id`,
    );
    return rows.map((r) => r.file_name);
  } finally {
    wh.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-faults-lanes-'));
  inbox = join(dir, 'in');
  mkdirSync(inbox);
  const vpr = projectPath('data-samples/vpr/2026');
  const files = readdirSync(vpr)
    .filter((f) => f.startsWith('sch') && !f.startsWith('sch050107'))
    .slice(0, FILES);
  for (const f of files) copyFileSync(join(vpr, f), join(inbox, f));
  killedDb = copyWarehouse(inject('faultsBase'), join(dir, 'killed.duckdb'));
  cleanDb = copyWarehouse(inject('faultsBase'), join(dir, 'clean.duckdb'));
  const clean = await shnor(ingest(cleanDb), lanes(1));
  expect(clean.code).toBeLessThan(2);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an ingest killed (SIGKILL) while small files are read side by side', () => {
  it('has landed a first part of the files, in the order one at a time lands them, and nothing else', async () => {
    const killed = await killWhen(
      ingest(killedDb),
      (printed) => (printed.match(/^✓ /gm) ?? []).length >= KILL_AFTER,
      lanes(2),
    );
    expect(killed.signal).toBe('SIGKILL');
    const some = await landed(killedDb);
    const all = await landed(cleanDb);
    expect(all).toHaveLength(FILES);
    // Files land in ranked order: what the killed run left is a prefix of the whole, at least as long
    // as what it reported, and shorter than the whole.
    expect(some.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(some.length).toBeLessThan(FILES);
    expect(some).toEqual(all.slice(0, some.length));
  });

  it('the next run loads the rest: the warehouse then equals one loaded one file at a time without a kill', async () => {
    const again = await shnor(ingest(killedDb), lanes(2));
    expect(again.stderr).toBe('');
    expect(again.code).toBeLessThan(2);
    expect(again.stdout).toMatch(/без изменений [1-9]/);
    expect(
      dumpDiff(
        await dumpWarehouse(cleanDb, { withoutTimes: true }),
        await dumpWarehouse(killedDb, { withoutTimes: true }),
      ),
    ).toEqual([]);
  });
});
