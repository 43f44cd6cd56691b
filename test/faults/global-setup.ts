import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectPath } from '../../src/warehouse/paths.js';
import { AS_OF, shnor } from './cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A warehouse of the samples with every model built for 2026 as of 31.10.2026 (copy it to write). */
    faultsBase: string;
  }
}

/**
 * The samples as a month's inbox would bring them — every file but the ВПР and ОГЭ protocols of
 * other years and of all schools but one (the loads of the rest add time, not cases) — loaded with
 * every model built, once for all the fault tests.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-faults-base-'));
  const db = join(dir, 'base.duckdb');
  const root = projectPath('data-samples');
  const manifest: { path: string }[] = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).files;
  const files = [...new Set(manifest.map((m) => m.path))].filter(
    (p) => !/^(vpr|oge)\/(?!2026\/)/.test(p) && !/^vpr\/2026\/sch(?!050107)/.test(p),
  );
  const ingest = await shnor([
    'ingest',
    ...files.map((p) => join(root, p)),
    '--snapshot-date',
    AS_OF,
    '--db',
    db,
  ]);
  if (ingest.code === null || ingest.code > 1)
    throw new Error(`the samples did not load (exit ${ingest.code}):\n${ingest.stderr}`);
  const models = await shnor(['models', 'run', '--as-of', AS_OF, '--db', db, '--out', join(dir, 'out')]);
  if (models.code !== 0)
    throw new Error(`the models were not built (exit ${models.code}):\n${models.stdout}`);
  project.provide('faultsBase', db);
  return () => rmSync(dir, { recursive: true, force: true });
}
