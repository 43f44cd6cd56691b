import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/ingest/context.js';
import { ingestFile } from '../../src/ingest/ingest-file.js';
import { prepareRegistryLookups } from '../../src/ingest/load/commit.js';
import { RankOrder } from '../../src/ingest/rank-order.js';
import * as xlsxRows from '../../src/ingest/read/xlsx-rows.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { syncReferenceTables } from '../../src/warehouse/reference.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';

vi.mock('../../src/ingest/read/xlsx-rows.js', async (original) => {
  const actual = await original<typeof import('../../src/ingest/read/xlsx-rows.js')>();
  return { ...actual, readXlsx: vi.fn(actual.readXlsx) };
});

describe('RankOrder: positions finished in any order, waited for in rank order', () => {
  it('resolves «every position before k finished» only then, for every waiter', async () => {
    const order = new RankOrder();
    const seen: string[] = [];
    const waits = [
      order.earlierDone(2).then(() => seen.push('a2')),
      order.earlierDone(2).then(() => seen.push('b2')),
      order.earlierDone(3).then(() => seen.push('3')),
    ];
    await order.earlierDone(0);
    order.finish(1);
    order.finish(1);
    await Promise.resolve();
    expect(seen).toEqual([]);
    order.finish(0);
    await Promise.all(waits.slice(0, 2));
    expect(seen).toEqual(['a2', 'b2']);
    order.finish(2);
    await waits[2];
    expect(seen).toEqual(['a2', 'b2', '3']);
  });
});

describe('a file whose workbook read fails once and is read again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-turn-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its turn until its last attempt: no later file lands between the two', async () => {
    const read = vi.mocked(xlsxRows.readXlsx);
    read.mockRejectedValueOnce(new xlsxRows.XlsxReadFlake('книга прочитана не полностью'));
    const wh = await Warehouse.open(join(dir, 'w.duckdb'));
    const log: string[] = [];
    try {
      await syncReferenceTables(wh);
      await prepareRegistryLookups(wh);
      const ctx = createContext([], { flags: { snapshotDate: '01.09.2025', set: {} } });
      const result = await ingestFile(
        wh,
        projectPath('data-samples/schools/reestr_oo_2025-09-01.xlsx'),
        ctx,
        undefined,
        { wait: async () => void log.push('wait'), release: () => void log.push('release') },
      );
      expect(result.status).toBe('loaded');
    } finally {
      wh.close();
    }
    expect(read).toHaveBeenCalledTimes(2);
    expect(log).toEqual(['wait', 'release']);
  });
});
