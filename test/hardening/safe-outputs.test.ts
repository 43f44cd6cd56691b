import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import puppeteer, { type Browser } from 'puppeteer-core';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { keyedFileName, MAX_NAME_BYTES, safeFileName, uniqueNames } from '../../src/output/file-name.js';
import { findChrome } from '../../src/reports/browser.js';
import type { ReportFile } from '../../src/reports/render.js';
import { renderReports } from '../../src/reports/run-reports.js';
import { loadReports } from '../../src/reports/spec.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import ExcelJS from '../../src/xlsx/exceljs.js';
import { pdfText } from '../helpers/pdf-tools.js';

/**
 * Names that would run as markup, template, formula or path if anything let them: they come out of
 * ingest → models → reports as inert text in HTML (opened in an ordinary browser: scripts on, network
 * on), PDF and XLSX, and as safe file names. (test/reports/samples.test.ts checks one hostile school
 * name in the samples' passport; test/reports/engine.test.ts that printing runs no script and fetches
 * nothing.)
 */

/** Requests the local server got: every <img src="http://127.0.0.1:PORT/…"> a reader's browser would fetch. */
const requests: string[] = [];
let server: Server;
let port = 0;

/** Each school's name starts with one of these; the municipality and curator names mix them. */
function payloads(): string[] {
  return [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    `<img src="http://127.0.0.1:${port}/leak">`,
    '{{constructor.constructor}}',
    '{{> partial}}',
    '=HYPERLINK("http://x")',
    '+1',
    '-1+2',
    '@SUM(A1)',
    '\t=1+2',
    '\r=3+4',
  ];
}

interface Fixture {
  dir: string;
  out: string;
  files: ReportFile[];
  /** login → school name, municipality code → name, login → curator: as the warehouse holds them. */
  schools: Map<string, string>;
  municipalities: Map<string, string>;
  curators: Map<string, string>;
  coordinator: string;
}
let fx: Fixture;

/** A CSV field quoted when it holds the delimiter, a quote or a line break (as Excel writes). */
const field = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;

async function cli(args: string[]): Promise<void> {
  const io = captureIo();
  const code = await main(args, io);
  if (code > 1)
    throw new Error(`shnor ${args.join(' ')} → ${code}\n${io.stdout.join('\n')}\n${io.stderr.join('\n')}`);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const dir = mkdtempSync(join(tmpdir(), 'shnor-safe-'));
  const db = join(dir, 'w.duckdb');
  const p = payloads();
  const districts = [
    ['01', '=HYPERLINK("http://x") <script>alert(1)</script> {{constructor.constructor}} район'],
    ['../02', `<img src="http://127.0.0.1:${port}/leak"> {{> partial}} ..\\..\\район`],
    ['03/1', 'Район'],
    ['03:1', 'Район'],
  ];
  const logins = p.map((_, i) => `sch0501${String(i + 1).padStart(2, '0')}`);
  const coordinator = '@SUM(A1) <img src=x onerror=alert(1)> {{> partial}} Алиев Р. М.';
  writeFileSync(
    join(dir, 'реестр ОО.csv'),
    csv([
      ['Логин ОО', 'Наименование ОО', 'Муниципалитет', 'Код муниципалитета'],
      ...p.map((name, i) => [logins[i], `${name} СОШ № ${i + 1}`, districts[i % 4][1], districts[i % 4][0]]),
    ]),
  );
  writeFileSync(
    join(dir, 'участники 500+ 2026.csv'),
    csv([
      ['Год', 'Логин ОО', 'Когорта', 'ФИО куратора', 'Муниципальный координатор'],
      ...p.map((_, i) => [
        '2026',
        logins[i],
        '2026',
        `${p[(i + 3) % p.length]} Куратор ${i + 1}`,
        coordinator,
      ]),
    ]),
  );
  await cli(['ingest', join(dir, 'реестр ОО.csv'), '--snapshot-date', '01.09.2026', '--db', db]);
  await cli(['ingest', join(dir, 'участники 500+ 2026.csv'), '--snapshot-date', '01.10.2026', '--db', db]);
  await cli([
    'models',
    'run',
    '--year',
    '2026',
    '--as-of',
    '31.10.2026',
    '--db',
    db,
    '--out',
    join(dir, 'runs'),
  ]);

  const wh = await Warehouse.open(db, { readOnly: true });
  const schools = new Map<string, string>();
  const municipalities = new Map<string, string>();
  const curators = new Map<string, string>();
  let held = '';
  try {
    for (const r of await wh.rows<{ login: string; name: string; code: string; municipality: string }>(
      'SELECT school_login AS login, school_name AS name, municipality_code AS code, municipality FROM raw_schools',
    )) {
      schools.set(r.login, r.name);
      municipalities.set(r.code, r.municipality);
    }
    for (const r of await wh.rows<{ login: string; curator: string; coordinator: string }>(
      'SELECT school_login AS login, curator_name AS curator, municipal_coordinator AS coordinator FROM raw_participants',
    )) {
      curators.set(r.login, r.curator);
      held = r.coordinator;
    }
  } finally {
    wh.close();
  }
  const out = join(dir, 'out');
  const files = await renderReports({
    db,
    reports: loadReports().filter((r) => REPORTS.includes(r.name)),
    params: { year: 2026, asOf: '2026-10-31' },
    formats: ['pdf', 'html', 'xlsx'],
    outRoot: out,
    commentaryDir: join(dir, 'commentary'),
  });
  fx = { dir, out, files, schools, municipalities, curators, coordinator: held };
}, 240_000);

afterAll(() => {
  server?.close();
  if (fx) rmSync(fx.dir, { recursive: true, force: true });
});

/** A region report, the passports and the municipality summaries. */
const REPORTS = ['control_indicators', 'school_passport', 'municipality_summary'];

/** Text as a reader compares it: runs of spaces (and the non-breaking ones typography adds) as one space. */
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** What each copy must show: its school (and curator), its municipality, or every school of the region. */
function expectedText(file: ReportFile): string[] {
  if (file.report === 'school_passport') {
    return [fx.schools.get(file.copy), fx.curators.get(file.copy), fx.coordinator].map((s) => flat(s ?? ''));
  }
  if (file.report === 'municipality_summary') return [flat(fx.municipalities.get(file.copy) ?? '')];
  return [...fx.schools.values()].map(flat);
}

describe('the fixture is hostile', () => {
  it('the warehouse holds every payload exactly as typed', () => {
    const held = [...fx.schools.values()];
    for (const payload of payloads()) expect(held.some((n) => n.startsWith(payload))).toBe(true);
    expect([...fx.municipalities.keys()].sort()).toEqual(['../02', '01', '03/1', '03:1']);
    expect(fx.coordinator).toContain('<img src=x onerror=alert(1)>');
    const formats = (report: string) => [
      ...new Set(fx.files.filter((f) => f.report === report).map((f) => f.format)),
    ];
    for (const report of REPORTS) expect(formats(report).sort()).toEqual(['html', 'pdf', 'xlsx']);
    expect(fx.files.filter((f) => f.report === 'school_passport' && f.format === 'pdf')).toHaveLength(
      fx.schools.size,
    );
    expect(fx.files.filter((f) => f.report === 'municipality_summary' && f.format === 'pdf')).toHaveLength(4);
  });
});

/** The little of the DOM the probe reads (the tests compile without the DOM library). */
interface Element {
  tagName: string;
  outerHTML: string;
  attributes: ArrayLike<{ name: string }> & Iterable<{ name: string }>;
  getAttribute(name: string): string | null;
}
interface Doc {
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>;
  querySelector(selector: string): Element | null;
  scripts: { length: number };
  body: { innerText: string };
}

/** What an ordinary browser (scripts on, network on) does with a page, and what its DOM holds. */
async function probe(browser: Browser, path: string) {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    const dom = await page.evaluate(() => {
      const document = (globalThis as unknown as { document: Doc }).document;
      const all = [...document.querySelectorAll('*')];
      return {
        scripts: document.scripts.length,
        handlers: all.flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
        ),
        // Every src/href/srcset/action/data/poster reaches only data: or a fragment of the page.
        links: all.flatMap((e) =>
          ['src', 'href', 'srcset', 'action', 'data', 'poster', 'xlink:href']
            .map((n) => e.getAttribute(n))
            .filter((v): v is string => v !== null && !/^(data:|#)/.test(v)),
        ),
        live: [
          ...document.querySelectorAll(
            'iframe, object, embed, base, form, img:not([src^="data:"]), image:not([href^="data:"]), ' +
              'meta[http-equiv]:not([http-equiv="Content-Security-Policy"])',
          ),
        ].map((e) => e.outerHTML.slice(0, 200)),
        csp:
          document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        text: document.body.innerText,
      };
    });
    return { dialogs, ...dom };
  } finally {
    await page.close();
  }
}

describe('HTML opened in an ordinary browser (scripts on, network on)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: findChrome(),
      headless: true,
      // Over a pipe, as the printer: the browser cannot outlive the test worker.
      pipe: true,
      args: ['--no-sandbox'],
    });
  });
  afterAll(async () => browser?.close());

  it('the probe sees a live page for what it is (control: the same names unescaped)', async () => {
    const path = join(fx.dir, 'control.html');
    writeFileSync(path, `<!doctype html><html><body><p>${payloads().join(' ')}</p></body></html>`);
    requests.length = 0;
    const live = await probe(browser, path);
    expect(live.dialogs).toEqual(['1', '1']);
    expect(live.scripts).toBe(1);
    expect(live.handlers).toEqual(['IMG onerror']);
    expect(live.links).toEqual(['x', `http://127.0.0.1:${port}/leak`]);
    expect(requests).toEqual(['/leak']);
  });

  it('runs nothing, fetches nothing, has no live element or attribute, and shows every name as text', async () => {
    const html = fx.files.filter((f) => f.format === 'html');
    expect(html.length).toBeGreaterThan(2);
    requests.length = 0;
    for (const file of html) {
      const page = await probe(browser, file.path);
      expect(page.dialogs, file.path).toEqual([]);
      expect(page.scripts, file.path).toBe(0);
      expect(page.handlers, file.path).toEqual([]);
      expect(page.links, file.path).toEqual([]);
      expect(page.live, file.path).toEqual([]);
      // Besides the escaping checked above, the page itself forbids scripts and requests.
      expect(page.csp, file.path).toMatch(/default-src 'none'/);
      for (const name of expectedText(file)) expect(flat(page.text), `${file.path}: ${name}`).toContain(name);
    }
    expect(requests, 'the leak server').toEqual([]);
  }, 120_000);
});

describe('PDF', () => {
  it('shows every name as its literal text', async () => {
    const pdfs = fx.files.filter((f) => f.format === 'pdf');
    for (const file of pdfs) {
      // In reading order a table cell's wrapped lines stay together; spaces (and where lines wrap) are compared away.
      const text = (await pdfText(file.path, undefined, false)).replace(/[\s\u00a0\u202f]+/g, '');
      for (const name of expectedText(file))
        expect(text, `${file.path}: ${name}`).toContain(name.replace(/\s+/g, ''));
    }
    expect(requests).toEqual([]);
  });
});

/** Each worksheet's XML of a workbook: what Excel itself reads, beneath any library. */
async function sheetXml(path: string): Promise<{ sheet: string; xml: string }[]> {
  const zip = await unzipper.Open.file(path);
  const sheets = zip.files.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.path));
  return Promise.all(sheets.map(async (e) => ({ sheet: e.path, xml: (await e.buffer()).toString('utf8') })));
}

/** A formula (`<f>`) or a formula's string result (`t="str"`) in a sheet. */
const FORMULA = /<f[\s>/]|\st="str"/;

describe('XLSX', () => {
  it('the check finds a formula where there is one (control)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист').addRow(['=1+2', { formula: 'HYPERLINK("http://x")', result: 'x' }]);
    const path = join(fx.dir, 'control.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await sheetXml(path)).some((s) => FORMULA.test(s.xml))).toBe(true);
  });

  it('no formula anywhere; each name is a text cell holding it exactly', async () => {
    const xlsx = fx.files.filter((f) => f.format.startsWith('xlsx'));
    expect(xlsx.length).toBeGreaterThan(2);
    const names = [...fx.schools.values(), ...fx.municipalities.values(), ...fx.curators.values()];
    const seen = new Set<string>();
    for (const file of xlsx) {
      for (const { sheet, xml } of await sheetXml(file.path))
        expect(xml, `${file.path} ${sheet}`).not.toMatch(FORMULA);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file.path);
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const value = String(cell.value);
            // A leading tab or CR is not kept in a cell (nor shown in HTML or PDF); the rest is the name exactly.
            for (const name of names) if (flat(value) === flat(name)) seen.add(name);
            if (/^[=+\-@\t\r]/.test(value)) {
              const where = `${file.path} ${sheet.name}!${cell.address}`;
              expect(cell.type, where).toBe(ExcelJS.ValueType.String);
              expect(cell.formula, where).toBeUndefined();
              // Formatted as text: a spreadsheet keeps it text even when the cell is edited.
              expect(cell.numFmt, where).toBe('@');
            }
          }),
        ),
      );
    }
    // Every school name is a cell of the region report or of a summary, as the warehouse holds it.
    for (const name of fx.schools.values()) expect(seen, JSON.stringify(name)).toContain(name);
  });
});

describe('file names', () => {
  it('every file is inside the output folder, under a name any file system takes', () => {
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const written = walk(fx.out);
    expect(written.sort()).toEqual(expect.arrayContaining(fx.files.map((f) => f.path).sort()));
    for (const path of written) {
      const rel = relative(fx.out, path);
      expect(rel.startsWith('..'), path).toBe(false);
      for (const part of rel.split(sep))
        expectSafeName(part.replace(/(-ДСП)?\.(pdf|html|xlsx|json|csv|svg)$/, ''));
    }
    // No two files share a path, case ignored.
    const names = fx.files.map((f) => f.path.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('safeFileName: separators, «..», quotes, NUL and controls, leading dots and dashes, device names, length', () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'etc passwd'],
      ['..\\..\\Windows\\system32', 'Windows system32'],
      ['C:\\Users\\x', 'C Users x'],
      ['a*b?c"d<e>f|g', 'a b c d e f g'],
      ['МБОУ "СОШ № 1"', 'МБОУ СОШ № 1'],
      ["Школа 'Радуга'", 'Школа Радуга'],
      ['a\u0000b\u0007c\u001bd\u007fe\u0085f', 'a b c d e f'],
      ['\u202eexe.pdf', 'exe.pdf'],
      ['.hidden', 'hidden'],
      ['--help', 'help'],
      ['-rf /', 'rf'],
      ['. . .', 'без названия'],
      ['CON', 'CON_'],
      ['nul', 'nul_'],
      ['NUL.txt', 'NUL_.txt'],
      ['com1 .a', 'com1_.a'],
      ['LPT9', 'LPT9_'],
      ['CONSOLE', 'CONSOLE'],
      ['Район.', 'Район'],
      ['<script>alert(1)</script>', 'script alert(1) script'],
    ];
    for (const [text, name] of cases) expect(safeFileName(text), JSON.stringify(text)).toBe(name);
    const long = 'Муниципальное казённое общеобразовательное учреждение «Средняя школа № 1» '.repeat(10);
    expect(Buffer.byteLength(safeFileName(long))).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safeFileName(long).startsWith('Муниципальное казённое')).toBe(true);
    expect(Buffer.byteLength(safeFileName('😀'.repeat(200)))).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('any text gives a safe name; different names never land in one file once made unique', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom(...'аАёЁ ./\\:*?"<>|«»\'`-_\u0000\t\r\n\u202eCONulx1😀'),
        maxLength: 120,
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        const names = texts.map((t) => safeFileName(t));
        for (const name of names) expectSafeName(name);
        const unique = uniqueNames(names);
        expect(new Set(unique.map((n) => n.toLowerCase())).size).toBe(texts.length);
        for (const name of unique)
          expect(Buffer.byteLength(`Отклонённые строки — ${name}-ДСП.xlsx.part`)).toBeLessThanOrEqual(255);
      }),
      { numRuns: 200 },
    );
  });
});

describe('names of copies told apart by a key', () => {
  it('a plain key (a login, a code of digits) is kept as it is; any other gets its checksum', () => {
    expect(keyedFileName('sch050101', '<script>alert(1)</script> СОШ № 1')).toBe(
      'sch050101 script alert(1) script СОШ № 1',
    );
    expect(keyedFileName('05', 'Ахтынский район')).toBe('05 Ахтынский район');
    expect(keyedFileName('region')).toBe('region');
    expect(keyedFileName('03/1', 'Район')).toMatch(/^03_1~[0-9a-f]{8} Район$/);
    expect(keyedFileName('../02')).toMatch(/^02~[0-9a-f]{8}$/);
    expect(keyedFileName('CON')).toMatch(/^CON_~[0-9a-f]{8}$/);
  });

  it('two keys never give one file name, whatever the names, case ignored', () => {
    const key = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'03/1:aA Б-_.~\\'), maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 90 }),
    );
    const name = fc.oneof(
      fc.constant(''),
      fc.string({ unit: fc.constantFrom(...'03/1:aA Б~'), maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { minLength: 2, maxLength: 6 }),
        fc.array(name, { minLength: 6, maxLength: 6 }),
        (keys, names) => {
          const files = keys.map((k, i) => keyedFileName(k, names[i]));
          for (const file of files) expectSafeName(file);
          expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(keys.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A name no file system refuses and no shell or path reading misreads. */
function expectSafeName(name: string): void {
  const label = JSON.stringify(name);
  expect(name.length, label).toBeGreaterThan(0);
  expect(Buffer.byteLength(name), label).toBeLessThanOrEqual(MAX_NAME_BYTES);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be there
  expect(name, label).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(name, label).not.toMatch(/^[.\s-]|[.\s]$|\.\./);
  expect(/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name.split('.')[0].trim()), label).toBe(false);
  expect(basename(name)).toBe(name);
}
