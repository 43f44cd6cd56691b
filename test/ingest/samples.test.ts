import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { FileResult } from '../../src/ingest/result.js';
import { loadProject } from '../../src/models/project.js';
import { type ModelResult, runModels } from '../../src/models/run-models.js';
import { runTests } from '../../src/models/run-tests.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';

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

let dir = '';
let results: FileResult[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the samples load with exactly the counts their manifest states', () => {
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

/** The README's answers to the DOMAIN §4 questions: every `shnor sql "…"` line of its models section. */
function readmeQueries(): string[] {
  const readme = readFileSync(projectPath('README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Модели и показатели')) ?? '';
  return [...section.matchAll(/^shnor sql "(.+)"$/gm)].map((m) => m[1]);
}

describe('the models on the samples (2026 as of 31.10.2026)', () => {
  const params = { year: 2026, asOf: '2026-10-31' };
  let wh: Warehouse;
  let built: ModelResult[] = [];
  beforeAll(async () => {
    wh = await Warehouse.open(join(dir, 's.duckdb'));
    const project = loadProject();
    built = await runModels(wh, project, params, { names: project.order });
  }, 300_000);
  afterAll(() => wh?.close());

  it('builds every model', () => {
    expect(built.filter((r) => r.status !== 'built').map((r) => `${r.model}: ${r.message}`)).toEqual([]);
  });

  it('passes every error-level data test', async () => {
    const project = loadProject();
    const tests = await runTests(wh, project, params, project.order);
    const failed = tests.filter((t) => t.severity === 'error' && t.status !== 'pass');
    expect(failed.map((t) => `${t.model}.${t.test}: ${t.failures ?? t.message}`)).toEqual([]);
  }, 120_000);

  it('gives the planted activation shares: Оснащение 81 %, Учебная неуспешность 78 %, Мотивация 49 % (MANIFEST)', async () => {
    const rows = await wh.rows<{ factor_code: number; pct: number }>(
      `SELECT factor_code, pct(activated, participants, 0) AS pct FROM risk_picture_latest
       WHERE year = 2026 AND scope = 'region' ORDER BY rank_activated LIMIT 3`,
    );
    expect(rows.map((r) => [Number(r.factor_code), Number(r.pct)])).toEqual([
      [1, 81],
      [8, 78],
      [10, 49],
    ]);
  });

  it('answers each DOMAIN §4 question of the README with one SELECT from a _latest view', async () => {
    const queries = readmeQueries();
    expect(queries.length).toBeGreaterThanOrEqual(11);
    for (const q of queries) {
      expect(q, q).toMatch(/_latest/);
      const rows = await wh.rows(q.replace(/\\"/g, '"'));
      expect(rows.length, q).toBeGreaterThan(0);
    }
  });
});
