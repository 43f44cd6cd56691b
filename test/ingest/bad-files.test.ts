import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { projectPath } from '../../src/warehouse/paths.js';
import type { BadFileCase } from '../fixtures/bad-file-case.js';

type Expected = BadFileCase;

const dir = projectPath('data-samples/bad');
const cases: Expected[] = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));

describe('every broken file in data-samples/bad gives its documented outcome', () => {
  let tmp = '';
  let db = '';
  const cli = async (...args: string[]) => {
    const io = captureIo();
    const code = await main([...args, '--db', db], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'shnor-bad-'));
    db = join(tmp, 'bad.duckdb');
    expect((await cli('ingest', join(dir, cases[0].file))).code).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has at least 15 broken files', () => {
    expect(cases.filter((c) => c.exit !== 0).length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.slice(1))('$file — $what', async (c) => {
    const text = await cli('ingest', join(dir, c.file));
    expect(text.code).toBe(c.exit);
    expect(`${text.out}\n${text.err}`).toContain(c.message);
    expect(`${text.out}\n${text.err}`).not.toMatch(/\n\s+at |Error:|Внутренняя ошибка/);
    const json = await cli('ingest', join(dir, c.file), '--json', '--reload');
    const [result] = JSON.parse(json.out);
    const skipped = Object.values(result.skipped as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(result.read).toBe(result.loaded + result.rejected + skipped);
    if (c.counts) {
      expect({ read: result.read, loaded: result.loaded, rejected: result.rejected, skipped }).toEqual(
        c.counts,
      );
    }
    if (c.rejects) {
      const rejects = await cli(
        'sql',
        `SELECT line, column_name AS column, reason FROM rejects WHERE batch_id = ${result.batchId} ORDER BY line`,
        '--format',
        'json',
      );
      expect(JSON.parse(rejects.out)).toEqual(c.rejects);
    }
  });
});
