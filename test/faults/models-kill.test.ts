import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { killWhen, shnor } from './cli.js';
import { copyWarehouse, type Dump, dumpDiff, dumpWarehouse } from './dump.js';

/** A date the base warehouse has no run for: every table and mart gets new rows. */
const AS_OF = '30.11.2026';
const RUN = '2026 2026-11-30';
/** Figures compared to 7 significant digits: parallel sums of doubles may differ in their last bits run to run. */
const SAME = { approximate: true };

let dir = '';
let old: Dump;
let clean: Dump;

const run = (db: string) => ['models', 'run', '--as-of', AS_OF, '--db', db, '--out', join(dir, 'out')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-faults-models-'));
  const base = inject('faultsBase');
  old = await dumpWarehouse(base, SAME);
  // What a run that is not interrupted leaves.
  const db = copyWarehouse(base, join(dir, 'clean.duckdb'));
  const done = await shnor(run(db));
  if (done.code !== 0) throw new Error(`the clean model run failed (exit ${done.code}):\n${done.stdout}`);
  clean = await dumpWarehouse(db, SAME);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** model_build changes its times on every build: compared by its entries per build instead. */
const timeless = (dump: Dump) => new Map([...dump].filter(([k]) => k !== 'table main.model_build'));

describe('a model run killed (SIGKILL) after its first mart and before its end', () => {
  let db = '';
  let killed: Dump;
  let printed = '';
  beforeAll(async () => {
    db = copyWarehouse(inject('faultsBase'), join(dir, 'killed.duckdb'));
    const k = await killWhen(run(db), (out) => /^✓ .* \(витрина\)/m.test(out));
    expect(k.signal).toBe('SIGKILL');
    printed = k.killedAt;
    killed = await dumpWarehouse(db, SAME);
  });

  it('leaves every table, mart run, build record and view either as it was or as a whole run leaves it', () => {
    const mixed = [...new Set([...old.keys(), ...clean.keys(), ...killed.keys()])].filter(
      (k) => k !== 'table main.model_build' && ![old.get(k), clean.get(k)].includes(killed.get(k)),
    );
    expect(
      mixed.map((k) => `${k}: ${killed.get(k)} (before ${old.get(k)}, whole run ${clean.get(k)})`),
    ).toEqual([]);
  });

  it('each mart and its build record are of the same run: both old or both new, some of each', () => {
    const marts = [...clean.keys()]
      .filter((k) => k.startsWith('run ') && k.endsWith(RUN))
      .map((k) => k.split(' ')[1]);
    expect(marts.length).toBeGreaterThan(10);
    const state = (key: string) =>
      old.get(key) === clean.get(key) ? 'same' : killed.get(key) === clean.get(key) ? 'new' : 'old';
    const states = marts.map((m) => ({
      m,
      rows: state(`run ${m} ${RUN}`),
      build: state(`build ${m} ${RUN}`),
    }));
    expect(states.filter((s) => s.rows !== 'same' && s.rows !== s.build)).toEqual([]);
    const built = states.filter((s) => s.build === 'new').map((s) => s.m);
    // Every mart the run said it had built is there, and the run was stopped before the last one.
    for (const line of printed.matchAll(/^✓ (\S+) \(витрина\)/gm)) expect(built).toContain(line[1]);
    expect(built.length).toBeGreaterThan(0);
    expect(states.filter((s) => s.build === 'old').length).toBeGreaterThan(0);
  });

  it('the next run completes and leaves what a run never interrupted leaves', async () => {
    const again = await shnor(run(db));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(dumpDiff(timeless(clean), timeless(await dumpWarehouse(db, SAME)))).toEqual([]);
  });
});
