import { ident, literal } from '../warehouse/quote.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { RunParams } from './params.js';
import type { Model } from './project.js';

// The runner's own DDL: identifiers come from model file names, quoted by `ident`. The models'
// logic is in their .sql files.

export interface Built {
  /** Rows of this run (a mart: its year and as_of); null for a view. */
  rows: number | null;
  /** When a mart's columns changed: the table that keeps its earlier runs. */
  retired?: string;
}

const RUN_KEYS = new Set(['year', 'as_of']);

/** The model's SELECT: its SQL, or the rows a TypeScript model left in a TEMP table. */
async function body(wh: Warehouse, model: Model, params: RunParams): Promise<string> {
  if (!model.typescript) return model.sql as string;
  await model.typescript.build(wh, params);
  return `SELECT * FROM temp.${ident(`${model.name}__rows`)}`;
}

export async function materialize(
  wh: Warehouse,
  model: Model,
  params: RunParams,
  fingerprint: string,
): Promise<Built> {
  const name = ident(model.name);
  const select = await body(wh, model, params);
  if (model.materialized === 'view') {
    const retired = await wh.transaction(async () => {
      const old = await retireTable(wh, model.name);
      await wh.run(`CREATE OR REPLACE VIEW ${name} AS ${select}`);
      return old;
    });
    return { rows: null, retired };
  }
  if (model.materialized === 'table') {
    const rows = await wh.transaction(async () => {
      // A model that was a view before: the view makes way for the table.
      if (await wh.viewExists(model.name)) await wh.run(`DROP VIEW ${name}`);
      await wh.run(`CREATE OR REPLACE TABLE ${name} AS ${select}`);
      const n = Number(await wh.value(`SELECT count(*) FROM ${name}`));
      await record(wh, model, params, fingerprint, n);
      return n;
    });
    return { rows };
  }
  const described = await wh.rows<{ column_name: string; column_type: string }>(`DESCRIBE ${select}`);
  const clash = described.find((c) => RUN_KEYS.has(c.column_name));
  if (clash) {
    throw new Error(
      `витрина выдаёт столбец «${clash.column_name}»: year и as_of добавляются при расчёте, уберите его из запроса`,
    );
  }
  // One transaction: a new shape, the run's rows, the build record and the _latest view land together.
  return wh.transaction(async () => {
    const retired = await prepareMart(wh, model, described, select);
    const where = `year = ${params.year} AND as_of = DATE ${literal(params.asOf)}`;
    await wh.run(`DELETE FROM ${name} WHERE ${where}`);
    await wh.run(`INSERT INTO ${name} SELECT run_year(), as_of_date(), * FROM (${select})`);
    const rows = Number(await wh.value(`SELECT count(*) FROM ${name} WHERE ${where}`));
    await record(wh, model, params, fingerprint, rows);
    // The latest run of each year, even when it has no rows (a mart may rightly empty out).
    await wh.run(
      `CREATE OR REPLACE VIEW ${ident(`${model.name}_latest`)} AS SELECT t.* FROM ${name} t SEMI JOIN ` +
        `(SELECT year, max(as_of) AS as_of FROM model_build WHERE model = ${literal(model.name)} GROUP BY year) l ` +
        'ON t.year = l.year AND t.as_of = l.as_of',
    );
    return { rows, retired };
  });
}

/**
 * Creates the mart's table with `year` and `as_of` in front of the model's columns. When the model's
 * columns changed, the old table keeps every stored run under `<mart>__v<n>` (its figures stay
 * queryable) and the mart starts anew.
 */
async function prepareMart(
  wh: Warehouse,
  model: Model,
  described: { column_name: string; column_type: string }[],
  select: string,
): Promise<string | undefined> {
  const wanted = described.map((c) => `${c.column_name} ${c.column_type}`).join(', ');
  let retired: string | undefined;
  if (await wh.tableExists(model.name)) {
    const existing = await wh.rows<{ column_name: string; data_type: string }>(
      sqlFile('runner/model-columns.sql'),
      { name: model.name },
    );
    const have = existing
      .filter((c) => !RUN_KEYS.has(c.column_name))
      .map((c) => `${c.column_name} ${c.data_type}`)
      .join(', ');
    if (have === wanted) return undefined;
    retired = await retireTable(wh, model.name);
  } else if (await wh.viewExists(model.name)) {
    await wh.run(`DROP VIEW ${ident(model.name)}`);
  }
  await wh.run(
    `CREATE TABLE ${ident(model.name)} AS SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS DATE) AS as_of, * ` +
      `FROM (${select}) WHERE false`,
  );
  return retired;
}

/**
 * A model's table whose shape or kind changed is kept as `<name>__v<n>` with every run it holds
 * (never dropped: a mart's past figures stay queryable); returns its new name.
 */
async function retireTable(wh: Warehouse, name: string): Promise<string | undefined> {
  if (!(await wh.tableExists(name))) return undefined;
  const versions = await wh.value<bigint>(sqlFile('runner/retired-versions.sql'), { prefix: `${name}__v` });
  const retired = `${name}__v${Number(versions) + 1}`;
  await wh.run(`DROP VIEW IF EXISTS ${ident(`${name}_latest`)}`);
  await wh.run(`ALTER TABLE ${ident(name)} RENAME TO ${ident(retired)}`);
  await wh.run(sqlFile('runner/model-build-forget.sql'), { model: name });
  return retired;
}

async function record(wh: Warehouse, model: Model, params: RunParams, fingerprint: string, rows: number) {
  await wh.run(sqlFile('runner/model-build-record.sql'), {
    model: model.name,
    year: params.year,
    as_of: params.asOf,
    fp: fingerprint,
    rows,
  });
}

/** The fingerprint a mart or table was last built with for these parameters, if it still exists. */
export async function builtFingerprint(
  wh: Warehouse,
  model: Model,
  params: RunParams,
): Promise<string | null> {
  if (model.materialized === 'view' || !(await wh.tableExists(model.name))) return null;
  // A table holds one run only: what it was last built from, whatever the parameters.
  const rows =
    model.materialized === 'table'
      ? await wh.rows<{ fingerprint: string }>(sqlFile('runner/model-build-latest.sql'), {
          model: model.name,
        })
      : await wh.rows<{ fingerprint: string }>(sqlFile('runner/model-build.sql'), {
          model: model.name,
          year: params.year,
          as_of: params.asOf,
        });
  return rows[0]?.fingerprint ?? null;
}
