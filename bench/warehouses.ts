/** The warehouses the benchmarks run on: an inbox folder ingested as `npm start` does, cached in bench-data/. */
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNationalWarehouse } from './national-warehouse.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dec = (n: number, digits = 2) => n.toFixed(digits).replace('.', ',');
const num = (n: number) => n.toLocaleString('ru-RU');
let log: (line: string) => void = (line) => console.log(line);

function files(dir: string, exclude: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === exclude) continue;
    if (e.isDirectory()) n += files(join(dir, e.name), exclude);
    else if (e.name !== 'manifest.json' && e.name !== 'MANIFEST.md') n++;
  }
  return n;
}

export function run(cmd: string, args: string[], out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(out);
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(stream, { end: false });
    child.stderr.pipe(stream, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      stream.end();
      resolve(code ?? 1);
    });
  });
}

/** The warehouse of an inbox folder, ingested as `npm start` does; reused while newer than the folder's manifest. */
export async function ingestedWarehouse(input: string, dir: string): Promise<string> {
  const path = join(dir, 'warehouse.duckdb');
  const manifest = join(input, 'manifest.json');
  if (
    existsSync(path) &&
    existsSync(`${path}.secret`) &&
    statSync(path).mtimeMs > (existsSync(manifest) ? statSync(manifest).mtimeMs : 0)
  ) {
    log(`хранилище из кэша: ${path}`);
    return path;
  }
  mkdirSync(dir, { recursive: true });
  const building = join(dir, 'building.duckdb');
  for (const f of [building, `${building}.wal`, `${building}.secret`, `${building}.tmp`])
    rmSync(f, { recursive: true, force: true });
  const total = files(input, 'bad');
  const logFile = join(dir, 'ingest.log');
  log(`загрузка ${input} (${num(total)} файлов) в ${path}; журнал ${logFile}`);
  const started = performance.now();
  const timer = setInterval(() => {
    const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const done = text.match(/^[✓✗=]/gmu)?.length ?? 0;
    log(
      `  … файлов обработано ${num(done)} из ${num(total)}, ${dec((performance.now() - started) / 1000, 0)} с`,
    );
  }, 30_000);
  const code = await run(
    process.execPath,
    [
      join(ROOT, 'dist/src/cli/bin.js'),
      'ingest',
      input,
      '--exclude',
      'bad',
      '--snapshot-date',
      '31.10.2026',
      '--db',
      building,
    ],
    logFile,
  ).finally(() => clearInterval(timer));
  // 0 loaded, 1 with warnings (rejected rows), 2 a file with an error: the rest is loaded.
  if (code > 2 || !existsSync(building))
    throw new Error(`shnor ingest завершилась с кодом ${code}: см. ${logFile}`);
  if (code === 2) log(`  внимание: часть файлов не загружена (код 2), см. ${logFile}`);
  rmSync(`${building}.tmp`, { recursive: true, force: true });
  renameSync(`${building}.secret`, `${path}.secret`);
  renameSync(building, path);
  log(`  загружено за ${dec((performance.now() - started) / 1000, 0)} с`);
  return path;
}

/** The region's inbox: data-samples-region/ when present, else generated into bench-data/. */
export async function regionInput(dir: string): Promise<string> {
  const shipped = join(ROOT, 'data-samples-region');
  if (existsSync(join(shipped, 'manifest.json'))) return shipped;
  const out = join(dir, 'input');
  if (!existsSync(join(out, 'manifest.json'))) {
    log(`генерация выгрузок региона в ${out}`);
    const code = await run(
      process.execPath,
      [join(ROOT, 'dist/src/samples/main.js'), '--scale', 'region', '--out', out],
      join(dir, 'samples.log'),
    );
    if (code !== 0)
      throw new Error(`генератор выгрузок завершился с кодом ${code}: см. ${join(dir, 'samples.log')}`);
  }
  return out;
}

/** The ingested warehouse of a scale, cached in `dir` (samples, region) or generated (national). */
export async function masterWarehouse(
  scale: string,
  dir: string,
  opts: { factor: number; threads: number; memoryLimit: string; log: (line: string) => void },
): Promise<string> {
  log = opts.log;
  if (scale === 'samples') return ingestedWarehouse(join(ROOT, 'data-samples'), dir);
  if (scale === 'region') return ingestedWarehouse(await regionInput(dir), dir);
  return ensureNationalWarehouse(dir, opts.factor, {
    threads: opts.threads,
    memoryLimit: opts.memoryLimit,
    log,
  });
}
