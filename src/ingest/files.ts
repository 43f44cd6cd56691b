import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../cli/errors.js';

const TABLE_FILE = /\.(csv|txt|tsv|xlsx|xlsm|xls|htm|html)$/i;

/** The files to load from the given paths: folders are walked; hidden files and Excel lock files skipped. */
export function listInputFiles(paths: string[], exclude: string[] = []): string[] {
  const out: string[] = [];
  const excluded = (p: string) => exclude.some((e) => basename(p) === e);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(dir, entry.name);
      if (entry.name.startsWith('.') || entry.name.startsWith('~$') || excluded(p)) continue;
      if (entry.isDirectory()) walk(p);
      else if (TABLE_FILE.test(entry.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new UserError(`Файл или папка «${p}» не найдены.`);
    }
    if (isDir) walk(p);
    else out.push(p);
  }
  return out;
}
