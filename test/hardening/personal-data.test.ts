/**
 * Personal data never lands anywhere (DOMAIN §3.5): the monthly run on the samples with planted
 * people (pd-planted.ts, pd-inbox.ts) leaves no trace of them in the warehouse (every column of every
 * table and view, the raw file with strings stored uncompressed, the WAL), the temp folders, the
 * outputs or the logs. Each scan first proves it can find what it looks for.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { Manifest } from '../../src/pipeline/manifest.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { workspace } from '../helpers/workspace.js';
import { buildPlantedInbox, type PlantedInbox } from './pd-inbox.js';
import { MARKERS_PLANTED, PLANTED, type Planted } from './pd-planted.js';
import {
  describeHits,
  emptyStats,
  type Hit,
  needles,
  scanBytes,
  scanFile,
  scanText,
  scanTree,
  scanWarehouse,
  type TreeStats,
} from './pd-scan.js';

const BIN = projectPath('dist/src/cli/bin.js');
const PRELOAD = pathToFileURL(projectPath('test/hardening/pd-duckdb-preload.mjs')).href;
const SESSION = { year: 2026, asOf: '2026-10-31' };
const AS_OF = '2026-10-31';

let root = '';
let inbox: PlantedInbox;
/** The run's own folder (its working directory): warehouse, outputs, TMPDIR, logs. */
let runDir = '';
let db = '';
let walDb = '';
let out = '';
let tmp = '';
let logs = '';
let runCode = -1;
let walCode = -1;
const exportCodes: number[] = [];
/** Exports of loaded rows (file → query): each holds the markers planted beside the people. */
const EXPORTS = {
  'raw_oge_results.csv': 'SELECT * FROM raw_oge_results',
  'raw_teacher_diagnostics.json': 'SELECT * FROM raw_teacher_diagnostics',
  'raw_ege_results.arrow': 'SELECT * FROM raw_ege_results',
  'raw_vpr_results.xlsx': "SELECT * FROM raw_vpr_results WHERE school_login = 'sch050123'",
};
let key = '';
/** Everything created in TMPDIR while the runs went on; what of it could be read before it went. */
const seenInTmp = new Set<string>();
const transient = { read: 0, bytes: 0, hits: [] as Hit[], watchErrors: [] as string[] };
/** The scans' figures, printed at the end for the README. */
const figures: Record<string, unknown> = {};

/** The planted values and the warehouse's key: what must never show. */
const secrets = (): Planted[] => [...PLANTED, { label: 'ключ псевдонимизации', text: key }];

/** Runs the CLI (built, in dist/) as the user would, output to log files, DuckDB storing strings uncompressed. */
function cli(args: string[], log: string, env: Record<string, string> = {}): Promise<number> {
  const stdout = openSync(join(logs, `${log}.stdout.log`), 'w');
  const stderr = openSync(join(logs, `${log}.stderr.log`), 'w');
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: runDir,
    env: { ...process.env, TMPDIR: tmp, NODE_OPTIONS: `--import=${PRELOAD}`, ...env },
    stdio: ['ignore', stdout, stderr],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

const sorted = (hits: Hit[]) => describeHits(hits).sort();
const labels = (hits: Hit[]) => new Set(hits.map((h) => h.label));
const isMarker = (h: Hit) => h.label.startsWith('маркер');

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (npx tsc -p tsconfig.json)`);
  root = mkdtempSync(join(tmpdir(), 'shnor-pd-'));
  inbox = await buildPlantedInbox(join(root, 'входящие'));
  runDir = join(root, 'run');
  db = join(runDir, 'warehouse', 'shnor.duckdb');
  walDb = join(runDir, 'wal', 'shnor.duckdb');
  out = join(runDir, 'out');
  tmp = join(runDir, 'tmp');
  logs = join(runDir, 'logs');
  for (const d of [runDir, join(runDir, 'warehouse'), join(runDir, 'wal'), tmp, logs]) mkdirSync(d);
  // Files in TMPDIR may live only while the run does (a browser's profile): each is read as it comes.
  const list = needles(PLANTED);
  const watcher = watch(tmp, { recursive: true }, (_event, name) => {
    if (!name) return;
    seenInTmp.add(String(name));
    try {
      const buf = readFileSync(join(tmp, String(name)));
      transient.read++;
      transient.bytes += buf.length;
      transient.hits.push(...scanBytes(buf, list, `TMPDIR/${name} (во время работы)`));
    } catch {
      // gone already, or a folder
    }
  });
  watcher.on('error', (error) => transient.watchErrors.push(String(error)));
  try {
    runCode = await cli(
      [
        'run',
        'monthly',
        '--input',
        inbox.root,
        '--db',
        db,
        '--out',
        out,
        '--as-of',
        '31.10.2026',
        '--snapshot-date',
        '31.10.2026',
      ],
      'monthly',
    );
    // What a user exports from the warehouse: rejects as CSV, loaded rows as CSV, JSON and Arrow.
    const exports = join(out, 'exports');
    exportCodes.push(
      await cli(['rejects', '--format', 'csv', '--out', exports, '--db', db], 'export-rejects'),
      ...(await Promise.all(
        Object.entries(EXPORTS).map(([file, query]) =>
          cli(['sql', query, '--out', join(exports, file), '--db', db], `export-${file}`),
        ),
      )),
    );
    // The planted files alone (with the registry) into a warehouse that keeps every commit in its WAL.
    const files = [...inbox.planted, ...inbox.refused].map((p) => join(inbox.root, p));
    walCode = await cli(
      [
        'ingest',
        join(inbox.root, 'schools/reestr_oo_2026-09-01.xlsx'),
        ...files,
        '--db',
        walDb,
        '--snapshot-date',
        '31.10.2026',
      ],
      'ingest-wal',
      { SHNOR_TEST_KEEP_WAL: '1' },
    );
  } finally {
    watcher.close();
  }
  key = readFileSync(`${db}.secret`, 'utf8').trim();
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  console.info(`Personal-data scan figures:\n${JSON.stringify(figures, null, 2)}`);
});

describe('personal data planted in every source that carries it', () => {
  it('is read: the planted rows load, the bad ones are rejected, the bad files refused', async () => {
    const manifest = JSON.parse(readFileSync(join(out, AS_OF, 'manifest.json'), 'utf8')) as Manifest;
    const status = new Map(manifest.inputs.map((i) => [i.path, i.status]));
    for (const p of inbox.planted) expect(status.get(p), p).toBe('loaded');
    for (const p of inbox.refused) expect(status.get(p), p).toBe('failed');
    expect(runCode).toBe(2);
    expect(walCode).toBe(2);
    expect(exportCodes).toEqual([1, 0, 0, 0, 0]);
    expect(manifest.reports.files.length).toBeGreaterThan(0);
    const wh = await Warehouse.open(db, { readOnly: true });
    try {
      const rejects = await wh.rows<{ file_name: string; line: number; reason: string }>(
        'SELECT file_name, line, reason FROM rejects',
      );
      for (const r of inbox.rejected) {
        const found = rejects.find((x) => x.file_name === r.file && x.line === r.line);
        expect(found?.reason, `${r.file}:${r.line}`).toMatch(r.reason);
      }
    } finally {
      wh.close();
    }
    figures.inbox = {
      files: manifest.inputs.length,
      plantedFiles: inbox.planted.length,
      refusedFiles: inbox.refused.length,
      rejectedRows: inbox.rejected.length,
      rowsRead: manifest.inputs.reduce((n, i) => n + i.rows.read, 0),
      plantedValues: PLANTED.length,
      byteForms: needles(PLANTED).length,
    };
  });

  it('is found by the scanners where it was planted (self-check)', async () => {
    // Every planted file shows its people in its own encoding (CSV Windows-1251 or UTF-8, XLSX parts).
    const stats = emptyStats();
    const found: Hit[] = [];
    for (const p of [...inbox.planted, ...inbox.refused]) {
      const hits = await scanFile(join(inbox.root, p), PLANTED, p, stats);
      expect(hits.length, p).toBeGreaterThan(0);
      found.push(...hits);
    }
    const seen = labels(found);
    const written = PLANTED.filter(
      (p) => !/ISO|слитно|без пробела|цифрами|через пробелы|серия и номер$/.test(p.label),
    );
    expect(written.filter((p) => !seen.has(p.label)).map((p) => p.label)).toEqual([]);
    // Every byte form of every value is found inside other bytes; digits inside a hash are not.
    for (const n of needles(PLANTED)) {
      const buf = Buffer.concat([
        randomBytes(64).map((b) => (b & 0x7f) | 0x80),
        n.bytes,
        Buffer.from(' end'),
      ]);
      expect(scanBytes(buf, [n], 'x').length, `${n.label} ${n.form}`).toBe(1);
    }
    const digits = PLANTED.filter((p) => p.digits);
    expect(scanBytes(Buffer.from(digits.map((p) => `a${p.text}f`).join(' ')), needles(digits), 'x')).toEqual(
      [],
    );
    expect(scanText(digits.map((p) => `e${p.text}0`).join(' '), digits, 'x')).toEqual([]);
    expect(scanText(digits.map((p) => `«${p.text}»`).join(' '), digits, 'x').length).toBe(digits.length);
  });
});

describe('the warehouse', () => {
  it('holds none of it in any column of any table or view of any schema, nor the key', async () => {
    const scan = await scanWarehouse(db, [...secrets(), ...MARKERS_PLANTED], SESSION);
    expect(scan.errors).toEqual([]);
    expect(scan.schemas).toEqual(expect.arrayContaining(['main', 'audit']));
    // The markers beside the planted people are there: the scan sees the rows they came in.
    const markers = labels(scan.hits.filter(isMarker));
    expect(MARKERS_PLANTED.filter((m) => !markers.has(m.label)).map((m) => m.label)).toEqual([]);
    expect(sorted(scan.hits.filter((h) => !isMarker(h)))).toEqual([]);
    figures.warehouse = {
      schemas: scan.schemas,
      tables: scan.tables,
      views: scan.views,
      columns: scan.columns,
      columnKinds: scan.columnKinds,
      rows: scan.rows,
    };
  }, 120_000);

  it('file (strings stored uncompressed) and WAL (every commit kept) hold none of it, but the markers', async () => {
    // The preload took effect: no string of the warehouse is compressed, so its bytes are in the file.
    const wh = await Warehouse.open(db, { readOnly: true });
    let segments = 0;
    try {
      const tables = await wh.rows<{ name: string }>(
        "SELECT schema_name || '.' || table_name AS name FROM duckdb_tables() WHERE NOT temporary",
      );
      const compressions = new Set<string>();
      for (const t of tables) {
        const rows = await wh.rows<{ compression: string; n: number | bigint }>(
          `SELECT compression, count(*) AS n FROM pragma_storage_info('${t.name}') WHERE segment_type = 'VARCHAR' GROUP BY 1`,
        );
        for (const r of rows) {
          compressions.add(r.compression);
          segments += Number(r.n);
        }
      }
      expect([...compressions]).toEqual(['Uncompressed']);
    } finally {
      wh.close();
    }
    const wal = `${walDb}.wal`;
    expect(existsSync(wal)).toBe(true);
    // The markers in UTF-8 only (what DuckDB stores): they prove the scan, not a leak.
    const list = [
      ...needles(secrets()),
      ...needles(MARKERS_PLANTED).filter((n) => n.form.startsWith('UTF-8')),
    ];
    const fileHits = scanBytes(readFileSync(db), list, basename(db));
    const walHits = scanBytes(readFileSync(wal), list, basename(wal));
    const pipelineWal = existsSync(`${db}.wal`)
      ? scanBytes(readFileSync(`${db}.wal`), list, 'shnor.duckdb.wal')
      : [];
    for (const hits of [fileHits, walHits]) {
      const markers = labels(hits.filter(isMarker));
      expect(MARKERS_PLANTED.filter((m) => !markers.has(m.label)).map((m) => m.label)).toEqual([]);
    }
    expect(sorted([...fileHits, ...walHits, ...pipelineWal].filter((h) => !isMarker(h)))).toEqual([]);
    figures.warehouseFile = {
      bytes: statSync(db).size,
      varcharSegments: segments,
      walBytes: statSync(wal).size,
      pipelineWalLeft: existsSync(`${db}.wal`),
    };
  });
});

describe('everything else the run left', () => {
  const scanned = async (dir: string, name: string, skip?: (p: string) => boolean) => {
    const stats = emptyStats();
    const hits = existsSync(dir) ? await scanTree(dir, secrets(), stats, skip) : [];
    figures[name] = summary(stats);
    return { hits, stats };
  };

  it('temp folders: TMPDIR, the warehouse’s private one, .shnor-tmp', async () => {
    const t = await scanned(tmp, 'tmpdir');
    const own = await scanned(`${db}.tmp`, 'warehouseTmp');
    const walOwn = await scanned(`${walDb}.tmp`, 'walWarehouseTmp');
    const cwdTmp = await scanned(join(runDir, '.shnor-tmp'), 'cwdShnorTmp');
    const repoTmp = await scanned(projectPath('.shnor-tmp'), 'repoShnorTmp');
    expect(
      sorted([...transient.hits, ...t.hits, ...own.hits, ...walOwn.hits, ...cwdTmp.hits, ...repoTmp.hits]),
    ).toEqual([]);
    // No link to a user's file is left in a temp folder.
    expect([...t.stats.links, ...own.stats.links, ...walOwn.stats.links]).toEqual([]);
    const top = new Map<string, number>();
    for (const name of seenInTmp) {
      const first = name.split('/')[0].replace(/[-_.][A-Za-z0-9]{6,}$/, '-…');
      top.set(first, (top.get(first) ?? 0) + 1);
    }
    figures.tmpdirDuringRun = {
      entries: seenInTmp.size,
      filesReadWhileThere: transient.read,
      bytesReadWhileThere: transient.bytes,
      watchErrors: transient.watchErrors,
      byTopFolder: Object.fromEntries(top),
      left: readdirSync(tmp).length,
    };
  });

  it('outputs: every PDF (text and bytes), HTML, workbook part, manifest, index, rejects; exports as CSV, JSON, Arrow', async () => {
    // Self-check: the curator of a participant (a work contact, kept) is found in its passport's
    // PDF text, HTML and workbook by the same scanner.
    const wh = await Warehouse.open(db, { readOnly: true });
    let curator: string;
    try {
      curator = await wh.value<string>(
        "SELECT curator_name FROM raw_participants WHERE school_login = 'sch050107' AND year = 2026 AND curator_name IS NOT NULL LIMIT 1",
      );
    } finally {
      wh.close();
    }
    const control: Planted[] = curator.split(' ').map((w) => ({ label: 'куратор', text: w }));
    const passports = readdirSync(join(out, AS_OF, 'school_passport'), {
      recursive: true,
      withFileTypes: true,
    })
      .filter((e) => e.isFile() && e.name.startsWith('sch050107'))
      .map((e) => join(e.parentPath, e.name));
    expect(passports.map((p) => p.slice(p.lastIndexOf('.'))).sort()).toEqual(['.html', '.pdf', '.xlsx']);
    for (const p of passports)
      expect((await scanFile(p, control, p, emptyStats())).length, p).toBeGreaterThan(0);

    // Self-check: the exports hold the markers planted beside the people, the rejects the bad values.
    const exports = join(out, 'exports');
    const markerHits = async (file: string, control: Planted[]) =>
      labels(await scanFile(join(exports, file), control, file, emptyStats()));
    expect(await markerHits('raw_oge_results.csv', MARKERS_PLANTED)).toContain('маркер oge');
    expect(await markerHits('raw_teacher_diagnostics.json', MARKERS_PLANTED)).toContain('маркер teacherXlsx');
    expect(await markerHits('raw_ege_results.arrow', MARKERS_PLANTED)).toContain('маркер ege');
    expect(await markerHits('raw_vpr_results.xlsx', MARKERS_PLANTED)).toContain('маркер vprXlsx');
    const rejectsCsv = readdirSync(exports).filter((f) => f.endsWith('.csv') && !f.startsWith('raw_'));
    expect(rejectsCsv.length).toBe(1);
    expect(await markerHits(rejectsCsv[0], [{ label: 'отказ', text: 'много' }])).toContain('отказ');

    const { hits, stats } = await scanned(out, 'outputs');
    expect(sorted(hits)).toEqual([]);
    for (const kind of ['pdf', 'html', 'xlsx', 'json', 'csv'])
      expect(stats.kinds[kind], kind).toBeGreaterThan(0);
    expect(existsSync(join(out, AS_OF, 'manifest.json'))).toBe(true);
    expect(existsSync(join(out, AS_OF, 'index.html'))).toBe(true);
    expect(readdirSync(join(out, AS_OF, 'rejects')).length).toBeGreaterThan(0);
  }, 120_000);

  it('logs: what the runs printed, and anything else in their folder', async () => {
    const { hits } = await scanned(logs, 'logs');
    // The logs hold what the runs said about the planted files (so the scan reads real output).
    const printed = readFileSync(join(logs, 'monthly.stdout.log'), 'utf8');
    for (const p of inbox.refused) expect(printed).toContain(basename(p));
    expect(sorted(hits)).toEqual([]);
    // The rest of the run's folder: whatever else was left (the warehouse file and the WAL are scanned above).
    const done = [
      out,
      logs,
      tmp,
      `${db}.tmp`,
      `${walDb}.tmp`,
      `${db}.secret`,
      `${walDb}.secret`,
      db,
      `${walDb}.wal`,
    ];
    const rest = await scanned(runDir, 'restOfRunFolder', (p) => done.includes(p));
    expect(sorted(rest.hits)).toEqual([]);
  }, 120_000);
});

function summary(s: TreeStats) {
  return {
    files: s.files,
    bytes: s.bytes,
    kinds: s.kinds,
    zipParts: s.zipParts,
    zipBytes: s.zipBytes,
    pdfTexts: s.pdfTexts,
    pdfChars: s.pdfChars,
  };
}

describe('the pseudonymisation key', () => {
  const ws = workspace();

  it('the run created it owner-only, beside the warehouse', () => {
    expect(statSync(`${db}.secret`).mode & 0o777).toBe(0o600);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is owner-only under a permissive umask, and made so when found readable by others', async () => {
    const saved = process.umask(0);
    try {
      (await Warehouse.open(ws.db)).close();
    } finally {
      process.umask(saved);
    }
    expect(statSync(`${ws.db}.secret`).mode & 0o777).toBe(0o600);
    chmodSync(`${ws.db}.secret`, 0o644);
    (await Warehouse.open(ws.db)).close();
    expect(statSync(`${ws.db}.secret`).mode & 0o777).toBe(0o600);
  });

  it('is not written for a warehouse in a missing folder: the folder is named in Russian', async () => {
    const folder = join(ws.dir, 'нет такой папки');
    const missing = join(folder, 'shnor.duckdb');
    const io = captureIo();
    const code = await main(
      ['ingest', ws.file('ШНОР 2025.csv', 'Логин ОО\nsch050001\n'), '--db', missing],
      io,
    );
    const err = io.stderr.join('\n');
    expect(code).toBe(3);
    expect(err).toContain(`Папка «${folder}» для хранилища «${missing}» не найдена`);
    expect(err).not.toMatch(/\n\s+at |ENOENT/);
  });

  it('is ignored by git wherever a warehouse lies, as are the warehouse, its WAL and temp folder; none is tracked', () => {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: projectPath('.'), encoding: 'utf8' });
    if (git('--version').status !== 0)
      throw new Error('git is missing: this test needs git (apt-get install git)');
    for (const p of [
      'data/shnor.duckdb.secret',
      'shnor.duckdb.secret',
      'data/region/2026/shnor.duckdb.secret',
      'data/shnor.duckdb',
      'data/shnor.duckdb.wal',
      'data/shnor.duckdb.tmp/input-1.csv',
    ]) {
      expect(git('check-ignore', '-q', p).status, p).toBe(0);
    }
    expect(git('ls-files', '*.secret', '*.duckdb', '*.duckdb.wal').stdout.trim()).toBe('');
  });

  it('a different key is refused in Russian, naming both files; nothing is loaded; the right key still opens it', async () => {
    ws.file('ШНОР 2025.csv', 'Логин ОО\nsch050001\n');
    expect((await ws.cli('ingest', ws.inbox)).code).toBeLessThanOrEqual(1);
    const secret = `${ws.db}.secret`;
    const original = readFileSync(secret, 'utf8');
    const batches = async () =>
      (await ws.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM load_batch'))[0].n;
    const before = await batches();
    writeFileSync(secret, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    ws.file('ШНОР 2024.csv', 'Логин ОО\nsch050002\n');
    const refused = await ws.cli('ingest', ws.inbox);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain(
      `Ключ псевдонимизации «${secret}» не совпадает с ключом, с которым создано хранилище «${ws.db}». ` +
        'Верните исходный файл ключа',
    );
    expect(refused.err).not.toMatch(/\n\s+at |Error:/);
    writeFileSync(secret, original, { mode: 0o600 });
    expect(await batches()).toBe(before);
    expect((await ws.cli('ingest', ws.inbox)).code).toBeLessThanOrEqual(1);
    expect(await batches()).toBe(before + 1);
  });
});
