/**
 * Scratch: times the CSV staging steps of the project one by one, and the alternatives suggested,
 * on one UTF-8 file: `node dist/bench/steps.js FILE DB [SKIP]` (BENCH_THREADS, BENCH_MEMORY apply).
 */
import { personSql } from '../src/ingest/load/person.js';
import { openDb } from './bare.js';

async function main(): Promise<void> {
  const [file, dbPath, skip = '4'] = process.argv.slice(2);
  const { db, con } = await openDb(dbPath);
  const time = async (label: string, sql: string, params?: Record<string, string>) => {
    const t = performance.now();
    await con.run(sql, params);
    console.log(`${label.padEnd(58)} ${((performance.now() - t) / 1000).toFixed(2)} s`);
  };
  const cols = Array.from({ length: 18 }, (_, i) => `c${i}`);
  const spec = [...cols, '_overflow'].map((c) => `'${c}': 'VARCHAR'`).join(', ');
  const read = `read_csv('${file}', delim = ';', quote = '"', escape = '"', header = false, skip = ${skip},
    columns = {${spec}}, null_padding = true, strict_mode = false, auto_detect = false, parallel = true)`;
  const person = personSql([{ part: 'name', expr: 'c2' }], '$key');
  const selected = cols.map((c) => (c === 'c2' ? 'CAST(NULL AS VARCHAR) AS c2' : c)).join(', ');

  await time(
    'bare: CTAS file table, read_csv all_varchar (sniffer)',
    `CREATE TABLE t AS SELECT * FROM read_csv('${file}', all_varchar = true, delim = ';', header = false, skip = ${skip})`,
  );
  await time(
    'read_csv, project columns, into TEMP, no person hash',
    `CREATE TEMP TABLE a AS SELECT * FROM ${read}`,
  );
  await time(
    'read_csv, project columns, into TEMP, with person hash',
    `CREATE TEMP TABLE src0 AS SELECT ${selected}, _overflow, ${person} AS _person FROM ${read}`,
    { key: 'k' },
  );
  await time(
    'person hash alone over the staged column',
    `CREATE TEMP TABLE h AS SELECT ${person} AS p FROM a`,
    { key: 'k' },
  );
  await con.run('CREATE TEMP TABLE line_map AS SELECT 0::BIGINT AS r, 5::BIGINT AS line');
  await time(
    'src: ASOF join on line_map (project), materialised',
    `CREATE TEMP TABLE src AS SELECT CAST(m.line + (s._r - m.r) AS INTEGER) AS _line, s.* EXCLUDE (_r) FROM (SELECT rowid AS _r, * FROM src0) s ASOF JOIN line_map m ON s._r >= m.r`,
  );
  await time(
    'src: rowid + offset (one breakpoint), materialised',
    'CREATE TEMP TABLE src2 AS SELECT CAST(rowid + 5 AS INTEGER) AS _line, * FROM src0',
  );
  await time(
    'src: rowid + offset as a VIEW, then count(*)',
    'CREATE TEMP VIEW src3 AS SELECT CAST(rowid + 5 AS INTEGER) AS _line, * FROM src0; SELECT count(*) FROM src3',
  );
  con.closeSync();
  db.closeSync();
}

await main();
