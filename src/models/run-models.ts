import { CONTRACTS } from '../ingest/contracts/index.js';
import { ensureRawTable } from '../ingest/load/raw-table.js';
import { syncReferenceTables } from '../warehouse/reference.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { Fingerprints } from './fingerprint.js';
import { builtFingerprint, materialize } from './materialize.js';
import { type RunParams, setParamsSql } from './params.js';
import type { Model, Project } from './project.js';

export type ModelStatus = 'built' | 'up_to_date' | 'error' | 'skipped';

export interface ModelResult {
  model: string;
  layer: string;
  materialized: string;
  status: ModelStatus;
  rows: number | null;
  seconds: number;
  message?: string;
}

export interface RunOptions {
  /** Names to run, in dependency order (see selectModels). */
  names: string[];
  /** Rebuild marts even when nothing they depend on changed. */
  full?: boolean;
  onResult?: (result: ModelResult) => void;
}

/**
 * Builds the selected models for (year, as_of) in dependency order. A model that fails is
 * reported and the models reading it are skipped; the others still run. Each mart's rows for the
 * run are replaced in one transaction, so an interrupted run leaves the previous figures.
 */
export async function runModels(
  wh: Warehouse,
  project: Project,
  params: RunParams,
  options: RunOptions,
): Promise<ModelResult[]> {
  await prepareWarehouse(wh, params);
  const fingerprints = await Fingerprints.create(wh, params, project.models);
  const failed = new Set<string>();
  const results: ModelResult[] = [];
  for (const name of withUpstream(project, options.names)) {
    const model = project.models.get(name) as Model;
    const started = performance.now();
    const base = { model: name, layer: model.layer, materialized: model.materialized };
    let result: ModelResult;
    const blocker = model.dependsOn.find((d) => failed.has(d));
    if (blocker) {
      failed.add(name);
      result = {
        ...base,
        status: 'skipped',
        rows: null,
        seconds: 0,
        message: `не рассчитана модель «${blocker}»`,
      };
    } else {
      try {
        const fingerprint = await fingerprints.of(model);
        if (!options.full && (await builtFingerprint(wh, model, params)) === fingerprint) {
          result = { ...base, status: 'up_to_date', rows: await storedRows(wh, model, params), seconds: 0 };
        } else {
          const built = await materialize(wh, model, params, fingerprint);
          const seconds = (performance.now() - started) / 1000;
          if (model.materialized !== 'view') {
            await wh.run(
              'UPDATE model_build SET seconds = $1 WHERE model = $2 AND year = $3 AND as_of = CAST($4 AS DATE)',
              [seconds, name, params.year, params.asOf],
            );
          }
          result = {
            ...base,
            status: 'built',
            rows: built.rows,
            seconds,
            ...(built.retired
              ? { message: `состав столбцов изменился: прежние расчёты сохранены в ${built.retired}` }
              : model.materialized === 'mart' && built.rows === 0
                ? { message: 'витрина пуста: нет данных за этот год на эту дату' }
                : {}),
          };
        }
      } catch (error) {
        failed.add(name);
        result = {
          ...base,
          status: 'error',
          rows: null,
          seconds: (performance.now() - started) / 1000,
          message: String((error as Error)?.message ?? error),
        };
      }
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

/**
 * What the selected models read is brought up to date too: views are recreated (they hold no
 * rows), tables and marts rebuilt only when their fingerprint changed — so a selected model never
 * reads an input built for other parameters.
 */
function withUpstream(project: Project, names: string[]): string[] {
  const wanted = new Set(names);
  const stack = [...names];
  while (stack.length) {
    for (const dep of project.models.get(stack.pop() as string)?.dependsOn ?? []) {
      if (!wanted.has(dep)) {
        wanted.add(dep);
        stack.push(dep);
      }
    }
  }
  return project.order.filter((n) => wanted.has(n));
}

/** Reference tables current, every source's raw table present (empty if never loaded), parameters set. */
export async function prepareWarehouse(wh: Warehouse, params: RunParams): Promise<void> {
  await syncReferenceTables(wh);
  for (const contract of CONTRACTS) await ensureRawTable(wh, contract);
  for (const sql of setParamsSql(params)) await wh.run(sql);
}

async function storedRows(wh: Warehouse, model: Model, params: RunParams): Promise<number | null> {
  const [built] = await wh.rows<{ rows: bigint | null }>(sqlFile('runner/model-build.sql'), {
    model: model.name,
    year: params.year,
    as_of: params.asOf,
  });
  return built?.rows == null ? null : Number(built.rows);
}
