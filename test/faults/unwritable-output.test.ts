import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectPath } from '../../src/warehouse/paths.js';
import { AS_OF, AS_OF_DIR, type Outcome, STACK_FRAME, shnor } from './cli.js';
import { filesUnder } from './output-files.js';

/**
 * Outputs that cannot be written, for real: a folder without write permission, a disk that is full
 * (the kernel's /dev/full answers every write with ENOSPC, as a full disk does), a file where a
 * folder should be. As root, permissions stop nothing: the CLI then runs as «nobody» (uid 65534).
 */
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

let dir = '';
let db = '';
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The CLI as a user that permissions apply to (itself, unless it is root). */
function asUser(args: string[]): Promise<Outcome> {
  return shnor(
    args,
    ROOT ? { uid: NOBODY, gid: NOBODY, cwd: dir, env: { ...process.env, HOME: dir } } : { cwd: dir },
  );
}

/** A refusal the user can act on: exit 3 («невозможно выполнить»), one Russian message, no stack. */
function refused(run: Outcome, message: string): void {
  expect(run.stderr).toContain(message);
  expect(run.stderr).toMatch(/^Ошибка: /);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(/Внутренняя ошибка|EACCES|ENOSPC|ENOTDIR|EISDIR/);
  expect(run.code).toBe(3);
}

beforeAll(() => {
  // Readable by everyone (as «nobody» reads it when the tests run as root); the warehouse is only read.
  dir = mkdtempSync(join(tmpdir(), 'shnor-faults-output-'));
  chmodSync(dir, 0o755);
  db = join(dir, 'w.duckdb');
  cpSync(inject('faultsBase'), db);
  chmodSync(db, 0o644);
  if (ROOT) {
    const probe = spawnSync(process.execPath, [projectPath('dist/src/cli/bin.js'), '--help'], {
      uid: NOBODY,
      gid: NOBODY,
      cwd: dir,
    });
    if (probe.status !== 0) {
      throw new Error(
        `as root, these tests run the CLI as uid ${NOBODY}, which cannot read the project (${projectPath()}): ` +
          `make it readable to all (chmod -R o+rX) or run the tests as an ordinary user.\n${probe.stderr}`,
      );
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (out: string, format: string) => [
  'report',
  'control_indicators',
  '--format',
  format,
  '--as-of',
  AS_OF,
  '--db',
  db,
  '--out',
  out,
];

describe('a read-only output folder', () => {
  let readOnly = '';
  beforeAll(() => {
    readOnly = join(dir, 'только чтение');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
  });

  it('report: names the folder and what to do; exit 3; nothing written', async () => {
    const run = await asUser(report(readOnly, 'html,xlsx'));
    refused(
      run,
      `Не удалось создать папку «${join(readOnly, AS_OF_DIR)}»: нет прав на запись в папку «${readOnly}». ` +
        'Дайте права на запись в неё или укажите другую папку (--out).',
    );
    expect(filesUnder(readOnly)).toEqual([]);
  });

  it('run monthly: refused before it loads anything, the warehouse untouched', async () => {
    const inbox = join(dir, 'входящие');
    mkdirSync(join(inbox, 'curators'), { recursive: true });
    cpSync(projectPath('data-samples/curators/poseshcheniya_2026.csv'), join(inbox, 'curators', 'p.csv'));
    const before = sha256(db);
    const run = await asUser([
      'run',
      'monthly',
      '--input',
      inbox,
      '--as-of',
      AS_OF,
      '--db',
      db,
      '--out',
      readOnly,
    ]);
    refused(
      run,
      `Не удалось создать папку «${join(readOnly, AS_OF_DIR)}»: нет прав на запись в папку «${readOnly}»`,
    );
    expect(run.stdout).not.toMatch(/Загрузка|✓/);
    expect(sha256(db)).toBe(before);
    expect(existsSync(`${db}.wal`)).toBe(false);
  });
});

describe('a full disk', () => {
  /** The writer's temporary name of a file (`<file>.part`) made to point at /dev/full: its writes fail with ENOSPC. */
  function fullDiskFor(file: string): string {
    mkdirSync(join(file, '..'), { recursive: true });
    symlinkSync('/dev/full', `${file}.part`);
    return `${file}.part`;
  }

  for (const format of ['html', 'xlsx']) {
    it(`report, ${format.toUpperCase()}: names the file, says the disk is full; exit 3; no file, no .part left`, async () => {
      const out = join(dir, `полный диск ${format}`);
      const file = join(out, AS_OF_DIR, `control_indicators.${format}`);
      const part = fullDiskFor(file);
      const run = await shnor(report(out, format), { cwd: dir });
      refused(
        run,
        `Не удалось записать «${file}»: на диске нет места. Освободите место или укажите папку на другом диске ` +
          '(--out) и повторите команду.',
      );
      expect(existsSync(file)).toBe(false);
      expect(() => lstatSync(part)).toThrow(/ENOENT/);
    });
  }
});

describe('an output path that is a file', () => {
  it('report --out FILE: names the file in the way; exit 3; the file untouched', async () => {
    const file = join(dir, 'отчёты.txt');
    writeFileSync(file, 'не папка\n');
    const run = await shnor(report(file, 'html'), { cwd: dir });
    refused(
      run,
      `Не удалось создать папку «${join(file, AS_OF_DIR)}»: «${file}» — файл, а не папка. ` +
        'Укажите папку (--out) или переименуйте этот файл.',
    );
    expect(readFileSync(file, 'utf8')).toBe('не папка\n');
  });

  it('sql --out FOLDER (a file was meant): names it; exit 3; the folder untouched', async () => {
    const folder = join(dir, 'выгрузка.csv');
    mkdirSync(folder);
    const run = await shnor(['sql', 'SELECT 1 AS x', '--format', 'csv', '--db', db, '--out', folder], {
      cwd: dir,
    });
    refused(
      run,
      `Не удалось записать «${folder}»: «${folder}» — папка, а не файл. Укажите имя файла (--out ФАЙЛ).`,
    );
    expect(filesUnder(folder)).toEqual([]);
    expect(filesUnder(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
