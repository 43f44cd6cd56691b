import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunParams } from '../models/params.js';
import { projectPath } from '../warehouse/paths.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) hashTree(hash, path);
    else hash.update(`${path}\0`).update(readFileSync(path));
  }
}

/**
 * A fingerprint of everything a run's tests and reports follow from: the warehouse's versions and
 * reference tables as of the date, the project's SQL, report templates and version, the pipeline and
 * the analyst's commentary. The same state as the last run's means nothing to test or write again.
 */
export async function runState(
  wh: Warehouse,
  params: RunParams,
  pipeline: string,
  commentaryDir: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(params));
  hash.update(String((await wh.rows<{ state: string }>(sqlFile('runner/run-state.sql')))[0]?.state));
  hash.update(readFileSync(projectPath('package.json')));
  hashTree(hash, projectPath('sql'));
  hashTree(hash, projectPath('report-templates'));
  hash.update(readFileSync(projectPath('pipelines', `${pipeline}.yml`)));
  hashTree(hash, commentaryDir);
  return hash.digest('hex');
}
