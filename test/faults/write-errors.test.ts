import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fileSystemError, UserError } from '../../src/cli/errors.js';
import { writeFileAtomic } from '../../src/output/write-file.js';

/**
 * The refusals a test cannot cause for real without mounting a file system (a read-only one, a
 * quota): injected at the write itself, to check what the user is told. The real ones — no
 * permission, a full disk, a file in the way — are in unwritable-output.test.ts.
 */
const injected = vi.hoisted(() => ({ code: '' }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
      if (!injected.code) return fs.writeFileSync(...args);
      throw Object.assign(new Error(`${injected.code}: injected, write`), {
        code: injected.code,
        syscall: 'write',
      });
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'shnor-faults-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(code: string): unknown {
  injected.code = code;
  try {
    writeFileAtomic(join(dir, 'отчёт.pdf'), 'x');
    return undefined;
  } catch (error) {
    return error;
  } finally {
    injected.code = '';
  }
}

describe('what a refused write tells the user (injected)', () => {
  const file = join(dir, 'отчёт.pdf');
  it.each([
    [
      'EROFS',
      `Не удалось записать «${file}»: папка «${dir}» — на диске, доступном только для чтения. Укажите другую папку (--out).`,
    ],
    [
      'EDQUOT',
      `Не удалось записать «${file}»: исчерпана дисковая квота. Освободите место или укажите папку на другом диске (--out) и повторите команду.`,
    ],
    [
      'EPERM',
      `Не удалось записать «${file}»: нет прав на запись в папку «${dir}». Дайте права на запись в неё или укажите другую папку (--out).`,
    ],
    [
      'ENAMETOOLONG',
      `Не удалось записать «${file}»: путь слишком длинный. Укажите папку с путём покороче (--out).`,
    ],
  ])('%s: a Russian message naming the file, exit 3', (code, message) => {
    const error = refusal(code);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(message);
    expect((error as UserError).exitCode).toBe(3);
  });

  it('an error of another kind (EIO) is not dressed up as the user’s to fix', () => {
    const error = refusal('EIO');
    expect(error).not.toBeInstanceOf(UserError);
    expect((error as NodeJS.ErrnoException).code).toBe('EIO');
  });

  it('a refused write no writer translated still reaches the user as a message naming its path', () => {
    const raw = (code: string, syscall: string, path?: string) =>
      Object.assign(new Error(code), { code, syscall, path });
    expect(fileSystemError(raw('EACCES', 'mkdir', join(dir, 'a', 'b')))?.message).toBe(
      `Не удалось записать «${join(dir, 'a', 'b')}»: нет прав на запись в папку «${dir}». Дайте права на запись в неё или укажите другую папку (--out).`,
    );
    expect(fileSystemError(raw('EACCES', 'open', join(dir, 'f')))?.message).toBe(
      `Нет доступа к «${join(dir, 'f')}»: не хватает прав. Проверьте права на этот файл и его папку.`,
    );
    // Without a path there is nothing to name: the top-level handler says «внутренняя ошибка».
    expect(fileSystemError(raw('ENOSPC', 'write'))).toBeUndefined();
    expect(fileSystemError(new Error('другое'))).toBeUndefined();
  });
});
