import { readFileSync } from 'node:fs';
import type { DuckDBValue } from '@duckdb/node-api';
import { projectPath } from './paths.js';
import type { Warehouse } from './warehouse.js';

const cache = new Map<string, string>();

/** The text of a query kept in `sql/` (DESIGN: SQL lives in .sql files, not in TypeScript strings). */
export function sqlFile(relative: string): string {
  let text = cache.get(relative);
  if (text === undefined) {
    text = readFileSync(projectPath('sql', relative), 'utf8');
    cache.set(relative, text);
  }
  return text;
}

/**
 * Runs a script of several statements with named parameters; each statement is given only the
 * parameters it uses.
 */
export async function runScript(wh: Warehouse, script: string, params: Record<string, DuckDBValue> = {}) {
  const extracted = await wh.connection.extractStatements(script);
  for (let i = 0; i < extracted.count; i++) {
    const prepared = await extracted.prepare(i);
    const mine: Record<string, DuckDBValue> = {};
    for (let p = 1; p <= prepared.parameterCount; p++) {
      const name = prepared.parameterName(p);
      mine[name] = params[name] ?? null;
    }
    if (prepared.parameterCount > 0) prepared.bind(mine);
    await prepared.run();
  }
}
