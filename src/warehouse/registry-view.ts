import { sqlFile } from './sql-file.js';
import type { Warehouse } from './warehouse.js';

/**
 * Makes `school_registry_history` readable on any connection, also read-only: the ingest creates the
 * view only once a file after the registry is loaded. Without a registry, an empty stand-in.
 */
export async function ensureRegistryView(wh: Warehouse): Promise<'view' | 'temporary' | 'empty'> {
  if (await wh.viewExists('school_registry_history')) return 'view';
  if (await wh.tableExists('raw_schools')) {
    const views = sqlFile('warehouse/views.sql').replace(
      /CREATE OR REPLACE VIEW school_registry_history/,
      'CREATE OR REPLACE TEMP VIEW school_registry_history',
    );
    await wh.exec(views);
    return 'temporary';
  }
  await wh.exec(sqlFile('cli/registry-empty.sql'));
  return 'empty';
}
