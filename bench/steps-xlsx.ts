/**
 * Scratch: times the XLSX steps of the project one by one on one file:
 * `node dist/bench/steps-xlsx.js FILE`. The merge-list pass, the streaming read alone (no sink),
 * and the per-row pseudonym hash the stage computes in JavaScript.
 */
import { personKey, pseudonym } from '../src/ingest/load/person.js';
import { inspectXlsx } from '../src/ingest/read/xlsx-inspect.js';
import { readXlsx, type SheetRow } from '../src/ingest/read/xlsx-rows.js';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await fn();
    console.log(`${label.padEnd(52)} ${((performance.now() - t) / 1000).toFixed(2)} s`);
    return out;
  };
  const sheets = await time('inspectXlsx (directory + merge list)', () => inspectXlsx(file, file));
  const names: string[] = [];
  await time('readXlsx → toSheetRow, sink does nothing', () =>
    readXlsx(
      file,
      sheets,
      async () => ({
        firstDataRow: 4,
        add: (r: SheetRow) => {
          names.push(r.cells[2] ?? '');
        },
      }),
      file,
    ),
  );
  await time(`pseudonym() for ${names.length} rows`, async () => {
    for (const n of names) pseudonym('key', personKey([{ part: 'name', value: n }]));
  });
}

await main();
