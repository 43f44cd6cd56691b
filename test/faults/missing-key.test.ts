import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectPath } from '../../src/warehouse/paths.js';
import { AS_OF, STACK_FRAME, shnor } from './cli.js';
import { copyWarehouse } from './dump.js';

let dir = '';
let db = '';
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-faults-key-'));
  db = copyWarehouse(inject('faultsBase'), join(dir, 'w.duckdb'));
  rmSync(`${db}.secret`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a warehouse whose key (.secret) is gone', () => {
  const commands: [string, string[]][] = [
    ['ingest', ['ingest', projectPath('data-samples/curators/poseshcheniya_2026.csv')]],
    ['models run', ['models', 'run', '--as-of', AS_OF, '--out', join(dir, 'out')]],
    [
      'run monthly',
      [
        'run',
        'monthly',
        '--input',
        projectPath('data-samples/curators'),
        '--as-of',
        AS_OF,
        '--out',
        join(dir, 'out'),
      ],
    ],
  ];
  for (const [name, args] of commands) {
    it(`${name}: says which key is missing and what to do; exit 3; no new key, the warehouse untouched`, async () => {
      const before = sha256(db);
      const run = await shnor([...args, '--db', db], { cwd: dir });
      expect(run.stderr).toContain(
        `Ошибка: Не найден ключ псевдонимизации «${db}.secret» для хранилища «${db}». Верните файл ключа из резервной копии`,
      );
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.code).toBe(3);
      expect(existsSync(`${db}.secret`)).toBe(false);
      expect(sha256(db)).toBe(before);
    });
  }
});
