import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { type FileResult, skippedTotal } from '../../src/ingest/result.js';
import { fileSummary } from '../../src/ingest/summary.js';
import { projectPath } from '../../src/warehouse/paths.js';
import type { BadFileCase } from '../fixtures/bad-file-case.js';
import { generateFile } from '../fixtures/big-bad-files.js';

const dir = projectPath('data-samples/bad');
const cases: BadFileCase[] = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const [registry, ...rest] = cases;
const BIN = projectPath('dist/src/cli/bin.js');
/** Printed by the child at exit: its peak resident memory (kB). */
const PEAK_RSS_HOOK =
  'data:text/javascript,import { writeSync } from "node:fs"; process.on("exit", () => ' +
  'writeSync(2, "\\npeak-rss-kb " + process.resourceUsage().maxRSS + "\\n"));';
const STACK = /\n\s+at |Error:|Внутренняя ошибка|внутренней ошибки/;

type Run = { code: number; out: string; err: string };

const cli = async (db: string, ...args: string[]): Promise<Run> => {
  const io = captureIo();
  const code = await main([...args, '--db', db], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

/** The CLI in a child process (a file too big to risk the test's own memory), with its peak memory. */
function child(db: string, ...args: string[]): Promise<Run & { peakMb: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', PEAK_RSS_HOOK, BIN, ...args, '--db', db]);
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      const peak = /\npeak-rss-kb (\d+)\n/.exec(err);
      if (!peak) return reject(new Error(`the child reported no peak memory: ${err.slice(-500)}`));
      resolve({ code: code ?? -1, out, err: err.replace(peak[0], ''), peakMb: Number(peak[1]) / 1024 });
    });
  });
}

describe('every broken file in data-samples/bad gives its documented outcome', () => {
  let tmp = '';
  let base = '';
  let made = 0;

  /** A warehouse of the case's own: a copy of the one with the registry, plus the case's history. */
  const warehouseFor = async (c: BadFileCase) => {
    const db = join(tmp, `case-${made++}.duckdb`);
    for (const suffix of ['', '.secret', '.wal']) {
      if (existsSync(base + suffix)) copyFileSync(base + suffix, db + suffix);
    }
    for (const step of c.before ?? []) {
      const r = await cli(db, 'ingest', join(dir, step));
      expect(r.code, `${step}: ${r.out}${r.err}`).toBeLessThanOrEqual(1);
    }
    return db;
  };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'shnor-bad-'));
    base = join(tmp, 'base.duckdb');
    const r = await cli(base, 'ingest', join(dir, registry.file));
    expect(r.code, r.out + r.err).toBe(registry.exit);
    expect(r.out).toContain(registry.message);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has at least 40 broken or awkward files, 25 of them refused or with rows rejected', () => {
    expect(rest.length).toBeGreaterThanOrEqual(40);
    expect(rest.filter((c) => c.exit !== 0).length).toBeGreaterThanOrEqual(25);
  });

  it('lists every case and every file of the corpus in its README', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const c of cases) expect(readme).toContain(c.file.replace(/\|/g, '\\|'));
    for (const c of rest) for (const step of c.before ?? []) expect(existsSync(join(dir, step))).toBe(true);
  });

  it.each(rest)('$file — $what', async (c) => {
    const path = c.generate ? join(tmp, c.file) : join(dir, c.file);
    if (c.generate) generateFile(c.generate, path);
    const db = await warehouseFor(c);
    let run: Run;
    if (c.maxRssMb) {
      expect(existsSync(BIN), 'no dist/src/cli/bin.js: run npm run build first').toBe(true);
      const r = await child(db, 'ingest', path, '--json');
      expect(r.peakMb, `peak memory of the child, MB (limit ${c.maxRssMb})`).toBeLessThan(c.maxRssMb);
      run = r;
    } else run = await cli(db, 'ingest', path, '--json');
    // What the user reads: the CLI prints fileSummary() of each result (an error before any result goes to stderr).
    const results: FileResult[] = run.out.trim() ? JSON.parse(run.out) : [];
    const text = [...results.flatMap(fileSummary), run.err].join('\n');
    expect(run.code, text).toBe(c.exit);
    expect(text).toContain(c.message);
    expect(text).not.toMatch(STACK);
    expect(results).toHaveLength(1);
    const [result] = results;
    const skipped = skippedTotal(result);
    expect(result.read).toBe(result.loaded + result.rejected + skipped);
    if (c.counts) {
      expect({ read: result.read, loaded: result.loaded, rejected: result.rejected, skipped }).toEqual(
        c.counts,
      );
    }
    if (c.rejects) {
      const rejects = await cli(
        db,
        'sql',
        `SELECT line, column_name AS column, reason FROM rejects WHERE batch_id = ${result.batchId} ORDER BY line, column_name`,
        '--format',
        'json',
      );
      expect(JSON.parse(rejects.out)).toEqual(c.rejects);
    }
    for (const check of c.checks ?? []) {
      const q = await cli(db, 'sql', check.sql, '--format', 'json');
      expect(JSON.parse(q.out), check.sql).toEqual(check.rows);
    }
  });
});
