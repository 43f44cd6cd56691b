import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Exit codes are a contract (README «Коды завершения»). */
export const EXIT = { ok: 0, warnings: 1, failed: 2, cannotRun: 3 } as const;

/** An error the user can act on: printed as its message alone (the stack only with --debug). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The nearest folder or file of a path that exists (what a permission or «not a folder» is about). */
function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** What each file-system refusal means when writing `target`, and what to do about it. */
const WRITE_PROBLEMS: Record<string, (target: string) => string> = {
  EACCES: (target) =>
    `нет прав на запись в папку «${nearestExisting(dirname(target))}». Дайте права на запись в неё ` +
    'или укажите другую папку (--out)',
  EROFS: (target) =>
    `папка «${nearestExisting(dirname(target))}» — на диске, доступном только для чтения. ` +
    'Укажите другую папку (--out)',
  ENOSPC: () =>
    'на диске нет места. Освободите место или укажите папку на другом диске (--out) и повторите команду',
  EDQUOT: () =>
    'исчерпана дисковая квота. Освободите место или укажите папку на другом диске (--out) и повторите команду',
  ENOTDIR: (target) => {
    const blocker = nearestExisting(target);
    return isFolder(blocker)
      ? 'часть пути — файл, а не папка. Укажите папку (--out)'
      : `«${blocker}» — файл, а не папка. Укажите папку (--out) или переименуйте этот файл`;
  },
  EISDIR: (target) => `«${target}» — папка, а не файл. Укажите имя файла (--out ФАЙЛ)`,
  ENAMETOOLONG: () => 'путь слишком длинный. Укажите папку с путём покороче (--out)',
};
WRITE_PROBLEMS.EPERM = WRITE_PROBLEMS.EACCES;
WRITE_PROBLEMS.EEXIST = WRITE_PROBLEMS.ENOTDIR;
WRITE_PROBLEMS.EMLINK = WRITE_PROBLEMS.ENOSPC;

/** A file-system error's code (EACCES, ENOSPC…), when it is one. */
const codeOf = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Why `target` (a file or folder the command writes) could not be written, in Russian, naming the
 * path and what to do (exit 3: the command cannot run); other errors are returned as they are.
 * `action` is what was being done: «записать» a file, «создать папку», «удалить прежние файлы».
 */
export function writeError(error: unknown, target: string, action = 'записать'): unknown {
  if (error instanceof UserError) return error;
  const problem = WRITE_PROBLEMS[codeOf(error) ?? ''];
  if (!problem) return error;
  return new UserError(`Не удалось ${action} «${target}»: ${problem(target)}.`, EXIT.cannotRun);
}

/** The system calls that write: a refusal of one of them is about an output, whatever wrote it. */
const WRITE_CALLS = new Set(['mkdir', 'rename', 'write', 'unlink', 'rmdir', 'rm', 'copyfile', 'symlink']);

/**
 * The last resort of the top-level handler: a file-system refusal no writer translated (it names its
 * path), as a Russian message rather than an «internal error».
 */
export function fileSystemError(error: unknown): UserError | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  const code = codeOf(error);
  if (!code || typeof e?.path !== 'string') return undefined;
  if (WRITE_CALLS.has(e.syscall ?? '') || ['ENOSPC', 'EDQUOT', 'EROFS'].includes(code)) {
    const mapped = writeError(error, e.path);
    return mapped instanceof UserError ? mapped : undefined;
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new UserError(
      `Нет доступа к «${e.path}»: не хватает прав. Проверьте права на этот файл и его папку.`,
      EXIT.cannotRun,
    );
  }
  return undefined;
}
