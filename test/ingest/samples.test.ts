import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { FileResult } from '../../src/ingest/result.js';
import { projectPath } from '../../src/warehouse/paths.js';

/** What data-samples/manifest.json (written by the generator) says each file holds. */
interface ManifestEntry {
  path: string;
  source: string;
  sheet?: string;
  rows: {
    read: number;
    loaded: number;
    rejected: number;
    skipped: Record<string, number>;
  };
  rejected_lines: { line: number; column: string; value: string }[];
}

const root = projectPath('data-samples');
const manifest: ManifestEntry[] = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).files;
// Every file but most per-school ВПР protocols (1,100 small files of one shape): two schools' protocols stay.
const chosen = [...new Set(manifest.map((m) => m.path))].filter(
  (p) => !/^vpr\/\d{4}\/sch/.test(p) || /sch050107|sch050123/.test(p),
);

describe('the samples load with exactly the counts their manifest states', () => {
  let dir = '';
  let results: FileResult[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shnor-samples-'));
    const io = captureIo();
    const code = await main(
      [
        'ingest',
        ...chosen.map((p) => join(root, p)),
        '--snapshot-date',
        '31.10.2026',
        '--json',
        '--db',
        join(dir, 's.duckdb'),
      ],
      io,
    );
    expect(io.stderr.join('\n')).toBe('');
    results = JSON.parse(io.stdout.join('\n'));
    expect(results.filter((r) => r.status !== 'loaded').map((r) => `${r.file}: ${r.error}`)).toEqual([]);
    expect(code).toBe(1); // the planted defects are rejects: a warning, not a failure
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every file, none failed', () => {
    expect(results).toHaveLength(chosen.length);
    expect(results.filter((r) => r.status !== 'loaded').map((r) => `${r.file}: ${r.error}`)).toEqual([]);
  });

  it.each(chosen)('%s', (path) => {
    const entries = manifest.filter((m) => m.path === path);
    const result = results.find((r) => r.path === join(root, path));
    expect(result?.source).toBe(entries[0].source);
    const sum = (f: (e: ManifestEntry) => number) => entries.reduce((a, e) => a + f(e), 0);
    const skipped = (reason: string) => sum((e) => e.rows.skipped[reason] ?? 0);
    expect({
      read: result?.read,
      loaded: result?.loaded,
      rejected: result?.rejected,
      empty: result?.skipped.empty ?? 0,
      total: result?.skipped.total ?? 0,
      header: result?.skipped.header ?? 0,
      continuation: result?.skipped.continuation ?? 0,
    }).toEqual({
      read: sum((e) => e.rows.read),
      loaded: sum((e) => e.rows.loaded),
      rejected: sum((e) => e.rows.rejected),
      empty: skipped('empty'),
      total: skipped('total'),
      header: skipped('header'),
      continuation: skipped('continuation'),
    });
    if (entries.some((e) => e.sheet)) {
      expect(result?.sheets.slice().sort()).toEqual(entries.map((e) => e.sheet).sort());
    }
  });
});
