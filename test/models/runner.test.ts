import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/models/project.js';
import { runModels } from '../../src/models/run-models.js';
import { runTests } from '../../src/models/run-tests.js';
import { selectModels } from '../../src/models/select.js';
import { fixtureWarehouse } from '../helpers/fixture-warehouse.js';

/** A small project of its own: one staging view, one intermediate, two marts, tests. */
function writeProject(
  root: string,
  martSql = 'SELECT school_login, count(*) AS n FROM int_years GROUP BY ALL',
) {
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put(
    'staging/stg_participants.sql',
    `SELECT r.year, r.school_login FROM raw_participants r
     JOIN partition_as_of('participants', as_of_date()) p ON r._batch_id = p.batch_id AND r._partition = p.partition_key`,
  );
  put('staging/stg_participants.yml', 'description: Участники\ngrain: [year, school_login]\n');
  put('intermediate/int_years.sql', 'SELECT * FROM stg_participants WHERE year <= run_year()');
  put(
    'intermediate/int_years.yml',
    'description: Годы\ncolumns:\n  year: {description: Год, tests: [not_null]}\n',
  );
  put('marts/per_school.sql', martSql);
  put(
    'marts/per_school.yml',
    `description: По школам
grain: [school_login]
columns:
  n:
    description: Лет участия
    tests:
      - accepted_range: {min: 1, max: 1, severity: warn}
tests:
  - name: n_positive
    sql: SELECT * FROM this WHERE n <= 0
`,
  );
  put(
    'marts/total.sql',
    'SELECT count(*) AS schools FROM per_school WHERE year = run_year() AND as_of = as_of_date()',
  );
  put('marts/total.yml', 'description: Итого\ncolumns:\n  schools: Школ\n');
  put(
    'tests/total_matches.sql',
    '-- severity: error\n-- description: итог равен числу школ\nSELECT * FROM total t WHERE t.schools < 0',
  );
}

describe('model runner', () => {
  const fx = fixtureWarehouse();
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shnor-models-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('orders by dependencies, keeps each (year, as_of), rebuilds only what changed', async () => {
    writeProject(root);
    const project = loadProject(root);
    expect(project.order).toEqual(['stg_participants', 'int_years', 'per_school', 'total']);
    expect(project.models.get('stg_participants')?.sources).toEqual(['participants']);
    expect(project.tests[0].dependsOn).toEqual(['total']);

    await fx.load('participants', '2025-03-01', [
      { year: 2025, school_login: 'a' },
      { year: 2025, school_login: 'b' },
    ]);
    const all = selectModels(project, []);
    const p2025 = { year: 2025, asOf: '2025-06-30' };
    let results = await runModels(fx.wh, project, p2025, { names: all });
    expect(results.map((r) => r.status)).toEqual(['built', 'built', 'built', 'built']);
    expect(results.find((r) => r.model === 'per_school')?.rows).toBe(2);

    // Nothing changed: the marts are not rebuilt.
    results = await runModels(fx.wh, project, p2025, { names: all });
    expect(results.filter((r) => r.layer === 'marts').map((r) => r.status)).toEqual([
      'up_to_date',
      'up_to_date',
    ]);

    // A new version of 2026 participants: the 2026 run sees it, the 2025 run keeps its figures.
    await fx.load('participants', '2026-03-01', [
      { year: 2026, school_login: 'a' },
      { year: 2026, school_login: 'c' },
    ]);
    const p2026 = { year: 2026, asOf: '2026-06-30' };
    await runModels(fx.wh, project, p2026, { names: all });
    const totals = await fx.rows('SELECT year, as_of::VARCHAR AS as_of, schools FROM total ORDER BY year');
    expect(totals).toEqual([
      { year: 2025, as_of: '2025-06-30', schools: 2 },
      { year: 2026, as_of: '2026-06-30', schools: 3 },
    ]);
    expect(await fx.rows('SELECT year, schools FROM total_latest ORDER BY year')).toEqual([
      { year: 2025, schools: 2 },
      { year: 2026, schools: 3 },
    ]);
    // The 2025 run after the new version: its inputs as of 2025-06-30 did not change.
    results = await runModels(fx.wh, project, p2025, { names: all });
    expect(results.find((r) => r.model === 'total')?.status).toBe('up_to_date');
    // Selecting one mart brings what it reads up to date too: nothing is read as built for other parameters.
    results = await runModels(fx.wh, project, p2026, { names: ['total'] });
    expect(results.map((r) => [r.model, r.status])).toEqual([
      ['stg_participants', 'built'],
      ['int_years', 'built'],
      ['per_school', 'up_to_date'],
      ['total', 'up_to_date'],
    ]);

    const tests = await runTests(fx.wh, project, p2026, all);
    const byName = Object.fromEntries(tests.map((t) => [`${t.model ?? ''}.${t.test}`, t]));
    expect(byName['per_school.accepted_range_n']).toMatchObject({
      status: 'fail',
      severity: 'warn',
      failures: 1,
    });
    expect(byName['per_school.grain'].status).toBe('pass');
    expect(byName['per_school.n_positive'].status).toBe('pass');
    expect(byName['.total_matches'].status).toBe('pass');
    expect(await fx.rows('SELECT school_login, n FROM audit.per_school__accepted_range_n')).toEqual([
      { school_login: 'a', n: 2 },
    ]);

    // The 2025 list unloaded: the next run of 2025 is empty, and _latest shows that run, not an older one.
    await fx.wh.run("UPDATE load_batch SET status = 'unloaded' WHERE snapshot_date = DATE '2025-03-01'");
    results = await runModels(fx.wh, project, { year: 2025, asOf: '2025-07-31' }, { names: all });
    expect(results.find((r) => r.model === 'per_school')).toMatchObject({
      rows: 0,
      message: expect.stringMatching(/витрина пуста/),
    });
    expect(await fx.rows('SELECT count(*) AS n FROM per_school_latest WHERE year = 2025')).toEqual([
      { n: 0 },
    ]);
    expect(await fx.rows('SELECT count(*) AS n FROM per_school WHERE year = 2025')).toEqual([{ n: 2 }]);
  });

  it('a failing model skips what reads it; a changed mart shape drops its old runs', async () => {
    writeProject(root, 'SELECT school_login, count(*) AS n FROM no_such_table GROUP BY ALL');
    await fx.load('participants', '2025-03-01', [{ year: 2025, school_login: 'a' }]);
    const project = loadProject(root);
    const results = await runModels(
      fx.wh,
      project,
      { year: 2025, asOf: '2025-06-30' },
      { names: project.order },
    );
    expect(results.map((r) => [r.model, r.status])).toEqual([
      ['stg_participants', 'built'],
      ['int_years', 'built'],
      ['per_school', 'error'],
      ['total', 'skipped'],
    ]);

    writeProject(root);
    await runModels(fx.wh, loadProject(root), { year: 2025, asOf: '2025-06-30' }, { names: project.order });
    writeProject(root, "SELECT school_login, count(*) AS n, 'x' AS extra FROM int_years GROUP BY ALL");
    const again = await runModels(
      fx.wh,
      loadProject(root),
      { year: 2025, asOf: '2025-07-31' },
      { names: ['per_school'] },
    );
    expect(again.find((r) => r.model === 'per_school')?.message).toMatch(/состав столбцов изменился/);
    expect(await fx.rows('SELECT DISTINCT as_of::VARCHAR AS d FROM per_school')).toEqual([
      { d: '2025-07-31' },
    ]);
  });

  it('a model may change kind: a view becomes a table and back', async () => {
    writeProject(root);
    await fx.load('participants', '2025-03-01', [{ year: 2025, school_login: 'a' }]);
    const p = { year: 2025, asOf: '2025-06-30' };
    await runModels(fx.wh, loadProject(root), p, { names: ['per_school'] });
    writeFileSync(join(root, 'intermediate/int_years.yml'), 'description: Годы\nmaterialized: table\n');
    let results = await runModels(fx.wh, loadProject(root), p, { names: ['per_school'] });
    expect(results.find((r) => r.model === 'int_years')).toMatchObject({ status: 'built', rows: 1 });
    writeFileSync(join(root, 'intermediate/int_years.yml'), 'description: Годы\n');
    results = await runModels(fx.wh, loadProject(root), p, { names: ['per_school'] });
    expect(results.find((r) => r.model === 'int_years')?.status).toBe('built');
    expect(await fx.rows('SELECT count(*) AS n FROM int_years')).toEqual([{ n: 1 }]);
  });

  it('selects upstream and downstream models', () => {
    writeProject(root);
    const project = loadProject(root);
    expect(selectModels(project, ['per_school'])).toEqual(['per_school']);
    expect(selectModels(project, ['+per_school'])).toEqual(['stg_participants', 'int_years', 'per_school']);
    expect(selectModels(project, ['int_years+'])).toEqual(['int_years', 'per_school', 'total']);
    expect(selectModels(project, ['marts'])).toEqual(['per_school', 'total']);
    expect(() => selectModels(project, ['per_scho'])).toThrow(/Модели «per_scho» нет\. Возможно: per_school/);
  });
});
