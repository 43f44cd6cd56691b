import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../output/write-file.js';
import type { RunParams } from './params.js';
import type { ModelResult } from './run-models.js';

/** `run_results.json` after each model run (dbt's habit): model, status, rows, time, parameters. */
export function writeRunResults(
  outDir: string,
  params: RunParams,
  select: string[],
  results: ModelResult[],
  seconds: number,
): string {
  const path = join(resolve(outDir, params.asOf), 'run_results.json');
  const body = {
    generated_at: new Date().toISOString(),
    parameters: { year: params.year, as_of: params.asOf },
    select,
    elapsed_seconds: round(seconds),
    results: results.map((r) => ({ ...r, seconds: round(r.seconds) })),
  };
  // Written aside and renamed, so a reader never sees half a file.
  writeFileAtomic(path, `${JSON.stringify(body, null, 2)}\n`);
  return path;
}

const round = (s: number) => Math.round(s * 1000) / 1000;
