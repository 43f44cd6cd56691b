import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { writeBigProtocol } from './big-vpr.js';
import { killWhen, shnor } from './cli.js';
import { copyWarehouse, type Dump, dumpDiff, dumpWarehouse } from './dump.js';

/** Enough rows that writing them into the warehouse takes a while (half a second on a quiet machine). */
const ROWS = 500_000;
const SNAPSHOT = '30.11.2026';

let dir = '';
let db = '';
let big = '';
let before: Dump;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-faults-ingest-'));
  db = copyWarehouse(inject('faultsBase'), join(dir, 'w.duckdb'));
  big = join(dir, 'ВПР 2026 математика 5 класс sch050107.csv');
  await writeBigProtocol(big, ROWS);
  before = await dumpWarehouse(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an ingest killed (SIGKILL) in the middle of one large file', () => {
  const args = () => ['ingest', big, '--snapshot-date', SNAPSHOT, '--db', db];
  const transcoded = () =>
    existsSync(`${db}.tmp`) ? readdirSync(`${db}.tmp`).filter((f) => f.startsWith('input-')) : [];

  it('leaves the warehouse exactly as before: every table, run, build, view and sequence', async () => {
    const size = statSync(db).size;
    // The moment: the file is being loaded (its transcoded copy is in the private temp folder) and
    // its rows are being written into the warehouse file, inside the file's uncommitted transaction.
    const killed = await killWhen(args(), () => transcoded().length > 0 && statSync(db).size > size);
    expect(killed.signal).toBe('SIGKILL');
    // Had the file been committed, the load would have said so («✓ …»).
    expect(killed.stdout).not.toMatch(/✓/);
    expect(dumpDiff(before, await dumpWarehouse(db))).toEqual([]);
  });

  it('the next run clears the transcoded copy it left, loads the whole file: read = loaded + rejected + skipped', async () => {
    // What the killed run left: the transcoded export with the participants' names, until the next start.
    expect(transcoded()).toHaveLength(1);
    const again = await shnor(args());
    expect(again.stderr).toBe('');
    expect(again.code).toBeLessThan(2);
    expect(again.stdout).toMatch(/✓ /);
    expect(transcoded()).toEqual([]);
    const wh = await Warehouse.open(db, { readOnly: true });
    try {
      const [batch] = await wh.rows<{
        batch_id: number;
        rows_read: number;
        rows_loaded: number;
        rows_rejected: number;
        rows_skipped: number;
        raw: bigint;
      }>(
        `SELECT b.batch_id, b.rows_read, b.rows_loaded, b.rows_rejected, b.rows_skipped,
           (SELECT count(*) FROM raw_vpr_results r WHERE r._batch_id = b.batch_id) AS raw
         FROM load_batch b WHERE b.file_name = $1 AND b.status = 'loaded'`,
        [big.split('/').pop() as string],
      );
      expect(batch.rows_read).toBe(ROWS);
      expect(batch.rows_loaded + batch.rows_rejected + batch.rows_skipped).toBe(ROWS);
      expect(batch.rows_loaded).toBeGreaterThan(ROWS / 2);
      expect(Number(batch.raw)).toBe(batch.rows_loaded);
    } finally {
      wh.close();
    }
    // Nothing else changed: only the new batch's rows, partitions, log entry and sequence.
    const changed = dumpDiff(before, await dumpWarehouse(db)).map((d) => d.split(':')[0]);
    expect(changed).toEqual(
      expect.arrayContaining([
        'table main.raw_vpr_results',
        'table main.batch_partition',
        'table main.load_batch',
      ]),
    );
    expect(
      changed.filter(
        (k) =>
          !/^table main\.(raw_vpr_results|batch_partition|load_batch|rejects)$|^sequence load_batch_seq$/.test(
            k,
          ),
      ),
    ).toEqual([]);
  });
});
