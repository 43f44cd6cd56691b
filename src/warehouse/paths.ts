import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (where package.json is), both from src/ (tests) and dist/src/ (the CLI). */
export const PROJECT_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the module');
    dir = parent;
  }
  return dir;
})();

export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);

/** The default warehouse: a file in the working folder, so each project folder has its own. */
export const DEFAULT_DB = 'shnor.duckdb';
