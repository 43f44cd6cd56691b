import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { projectPath } from './paths.js';
import { ident, literal } from './quote.js';
import { sqlFile } from './sql-file.js';
import type { Warehouse } from './warehouse.js';

/** Shipped, user-editable reference tables (DOMAIN §3.8): `sql/seeds/<name>.csv` → `ref_<name>`. */
export function referenceFiles(): { name: string; path: string; sha256: string }[] {
  const dir = projectPath('sql/seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => {
      const path = `${dir}/${f}`;
      return {
        name: basename(f, '.csv'),
        path,
        sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      };
    });
}

/** Reloads the reference tables whose files changed; returns the names reloaded. */
export async function syncReferenceTables(wh: Warehouse): Promise<string[]> {
  const known = new Map(
    (await wh.rows<{ name: string; sha256: string }>(sqlFile('warehouse/meta/reference-versions.sql'))).map(
      (r) => [r.name, r.sha256],
    ),
  );
  const reloaded: string[] = [];
  for (const ref of referenceFiles()) {
    if (known.get(ref.name) === ref.sha256) continue;
    await wh.transaction(async () => {
      await wh.run(
        `CREATE OR REPLACE TABLE ${ident(`ref_${ref.name}`)} AS ` +
          `SELECT * FROM read_csv(${literal(ref.path)}, header = true, delim = ',', quote = '"')`,
      );
      await wh.run(sqlFile('warehouse/meta/reference-version-set.sql'), {
        name: ref.name,
        sha256: ref.sha256,
      });
    });
    reloaded.push(ref.name);
  }
  return reloaded;
}
