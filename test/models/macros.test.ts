import { describe, expect, it } from 'vitest';
import { fixtureWarehouse } from '../helpers/fixture-warehouse.js';

describe('shared SQL macros', () => {
  const fx = fixtureWarehouse();

  it('pct rounds half away from zero, exactly for counts', async () => {
    const [r] = await fx.rows<Record<string, number | null>>(
      `SELECT pct(101, 102, 0) AS a, pct(83, 102, 0) AS b, pct(80, 102, 0) AS c, pct(50, 102, 0) AS d,
              pct(99, 200, 0) AS half_up, pct(-99, 200, 0) AS half_down, pct(1, 3) AS third,
              pct(3, 2000) AS binary_trap, pct(5, 0) AS nothing, pct(0.125::DOUBLE, 1, 1) AS scores`,
    );
    expect(r).toEqual({
      a: 99,
      b: 81,
      c: 78,
      d: 49,
      half_up: 50,
      half_down: -50,
      third: 33.3,
      binary_trap: 0.2, // 0,15 %: as a double it is 0,1499…, which would round down
      nothing: null,
      scores: 12.5,
    });
  });

  it('share is a fraction, NULL when there is nothing to divide by', async () => {
    expect(await fx.rows('SELECT share(1, 4) AS s, share(1, 0) AS z')).toEqual([{ s: 0.25, z: null }]);
  });

  it('run_year and as_of_date come from the session; without them every version is read', async () => {
    const [none] = await fx.rows<{ d: Date }>('SELECT as_of_date() AS d');
    expect(none.d.toISOString().slice(0, 10)).toBe('9999-12-31');
    await fx.wh.run("SET VARIABLE as_of = DATE '2026-10-31'");
    await fx.wh.run('SET VARIABLE year = 2025');
    const [set] = await fx.rows<{ d: Date; y: number }>('SELECT as_of_date() AS d, run_year() AS y');
    expect([set.d.toISOString().slice(0, 10), set.y]).toEqual(['2026-10-31', 2025]);
  });
});
