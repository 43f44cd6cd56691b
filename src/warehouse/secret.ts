import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, UserError } from '../cli/errors.js';

/** The pseudonymisation key lives beside the warehouse, owner-only, never in it (DOMAIN §3.5). */
export const secretPathOf = (dbPath: string) => `${dbPath}.secret`;

export function fingerprint(key: string): string {
  return createHash('sha256').update(`fingerprint|${key}`).digest('hex').slice(0, 16);
}

/**
 * Reads the key, or creates it for a new warehouse. An existing warehouse without its key cannot
 * pseudonymise consistently, so that is refused rather than silently starting a new key.
 */
export function loadOrCreateSecret(dbPath: string, warehouseExists: boolean): string {
  const path = secretPathOf(dbPath);
  if (!existsSync(path)) {
    if (warehouseExists) {
      throw new UserError(
        `Не найден ключ псевдонимизации «${path}» для хранилища «${dbPath}». Верните файл ключа из резервной копии: ` +
          'без него нельзя сопоставить обезличенных участников с ранее загруженными.',
        EXIT.cannotRun,
      );
    }
    if (!existsSync(dirname(dbPath))) {
      throw new UserError(
        `Папка «${dirname(dbPath)}» для хранилища «${dbPath}» не найдена. Создайте её или укажите другое место --db.`,
        EXIT.cannotRun,
      );
    }
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) chmodSync(path, 0o600);
  const key = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(key)) {
    throw new UserError(
      `Файл ключа «${path}» повреждён: ожидается 64 шестнадцатеричных символа.`,
      EXIT.cannotRun,
    );
  }
  return key;
}
