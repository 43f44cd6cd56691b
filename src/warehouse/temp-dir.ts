import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A private folder for transcoded files and DuckDB's spill files, beside the warehouse.
 * Emptied at start-up: an interrupted run may have left a transcoded export with personal data.
 */
export function preparePrivateTemp(dbPath: string): string {
  const dir = `${dbPath}.tmp`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export const tempFile = (dir: string, name: string) => join(dir, name);
