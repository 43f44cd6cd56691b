import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { fixtureWarehouse } from '../helpers/fixture-warehouse.js';

describe('shnor models run / test / docs', () => {
  const fx = fixtureWarehouse();
  let out = '';
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'shnor-out-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    const io = captureIo();
    const code = await main([...args, '--db', fx.path], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  async function loadSome() {
    await fx.load('schools', '2026-09-01', [
      {
        school_login: 'sch050001',
        school_name: 'МКОУ «СОШ № 1»',
        municipality: 'Ахтынский район',
        municipality_code: '03',
      },
      {
        school_login: 'sch050002',
        school_name: 'МКОУ «СОШ № 2»',
        municipality: 'г. Махачкала',
        municipality_code: '01',
      },
    ]);
    await fx.load('participants', '2026-03-15', [
      { year: 2026, school_login: 'sch050001', cohort: 2026 },
      { year: 2026, school_login: 'sch050002', cohort: 2025 },
    ]);
    fx.close();
  }

  it('runs the selected models and writes run_results.json; staging reads as of a date', async () => {
    await loadSome();
    const first = await cli(
      'models',
      'run',
      '--select',
      '+int_schools,stg_participants',
      '--as-of',
      '31.10.2026',
      '--out',
      out,
    );
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Расчёт моделей за 2026 год по состоянию на 31\.10\.2026/);
    expect(first.out).toMatch(/✓ int_schools \(представление\)/);
    const results = JSON.parse(readFileSync(join(out, '2026-10-31', 'run_results.json'), 'utf8'));
    expect(results.parameters).toEqual({ year: 2026, as_of: '2026-10-31' });
    expect(results.results.map((r: { model: string }) => r.model)).toEqual([
      'stg_participants',
      'int_schools',
    ]);

    const sql = await cli(
      'sql',
      'SELECT count(*) AS n FROM stg_participants WHERE year = 2026',
      '--as-of',
      '31.10.2026',
    );
    expect(sql.out).toMatch(/^n\n─+\n\s*2$/m);
    // As of a date before the version was loaded, the view sees nothing.
    const before = await cli('sql', 'SELECT count(*) AS n FROM stg_participants', '--as-of', '01.03.2026');
    expect(before.out).toMatch(/^n\n─+\n\s*0$/m);

    const tests = await cli('test', '--select', 'stg_participants', '--as-of', '31.10.2026');
    expect(tests.out).toMatch(/Проверок: \d+; пройдено \d+, предупреждений 0, ошибок 0\./);
    expect(tests.code).toBe(0);
  });

  it('a test of a model not yet built fails with what to do; bad parameters are named', async () => {
    await loadSome();
    const tests = await cli('test', '--select', 'stg_participants', '--as-of', '31.10.2026');
    expect(tests.code).toBe(2);
    expect(tests.out).toMatch(/модель ещё не рассчитана: выполните shnor models run/);
    const bad = await cli('models', 'run', '--as-of', '31.02.2026');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Параметр --as-of «31\.02\.2026»: такой даты нет в календаре/);
    const unknown = await cli('models', 'run', '--select', 'no_such_model');
    expect(unknown.err).toMatch(/Модели «no_such_model» нет/);
  });

  it('docs writes one HTML catalog with every model, its columns and the graph', async () => {
    await loadSome();
    await cli('models', 'run', '--select', 'staging', '--as-of', '31.10.2026', '--out', out);
    const r = await cli('docs', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toMatch(/<h3 id="stg_participants">/);
    expect(html).toMatch(/<h3 id="raw_vpr_results"><code>raw_vpr_results<\/code> — протокол ВПР/);
    // Column types come from the built warehouse.
    expect(html).toMatch(/<code>cohort<\/code><\/td><td>INTEGER<\/td>/);
    expect(existsSync(join(out, 'index.html.part'))).toBe(false);
  });
});
