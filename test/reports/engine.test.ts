import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { findChrome, PdfPrinter } from '../../src/reports/browser.js';
import { readCommentary } from '../../src/reports/commentary.js';
import { bindAbbreviations, numberSections, withPages } from '../../src/reports/document.js';
import { pdfBookmarks } from '../../src/reports/pdf-outline.js';
import { writeAtomic } from '../../src/reports/render.js';
import { loadReportFolder, loadReports } from '../../src/reports/spec.js';
import { noDataHtml, tableHtml } from '../../src/reports/templates.js';
import { projectPath } from '../../src/warehouse/paths.js';
import { pdfText } from '../helpers/pdf-tools.js';

const NBSP = '\u00a0';
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-engine-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportFolder(name: string, yml: string, files: Record<string, string> = {}): string {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'queries'), { recursive: true });
  writeFileSync(join(folder, 'report.yml'), yml);
  writeFileSync(join(folder, 'template.hbs'), '<p>x</p>');
  for (const [f, text] of Object.entries(files)) writeFileSync(join(folder, f), text);
  return folder;
}

describe('report.yml', () => {
  it('every shipped report folder reads without error, and each has a heading and a scope', () => {
    const reports = loadReports();
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      expect(r.heading.length, r.name).toBeGreaterThan(0);
      expect(['region', 'school', 'municipality']).toContain(r.scope);
    }
  });

  it('names the folder and the mistake: a table reading a query that does not exist', () => {
    const folder = reportFolder(
      'broken',
      'title: T\nheading: H\ntables:\n  t1:\n    title: Таблица\n    columns: [{ key: a, title: A }]\n',
    );
    expect(() => loadReportFolder(folder)).toThrow(UserError);
    expect(() => loadReportFolder(folder)).toThrow(/«broken».*таблица «t1»: нет запроса queries\/t1\.sql/);
  });

  it('a folder with variants gives one report per variant with its own variables', () => {
    const folder = reportFolder(
      'staged',
      'title: T\nheading: H\nvariants:\n  staged_1: { title: Этап 1, variables: { stage: 1 } }\n  staged_2: { variables: { stage: 2 } }\n',
      { 'queries/q.sql': 'SELECT 1' },
    );
    const specs = loadReportFolder(folder);
    expect(specs.map((s) => [s.name, s.title, s.variables.stage])).toEqual([
      ['staged_1', 'Этап 1', 1],
      ['staged_2', 'T', 2],
    ]);
  });
});

describe('tables', () => {
  const table = {
    name: 't',
    query: 't',
    title: 'Таблица 1. <Показатели>',
    restricted: false,
    columns: [
      { key: 'name', title: 'Школа' },
      { key: 'n', title: 'Участников', kind: 'integer' as const },
      { key: 'share', title: 'Доля', kind: 'percent' as const, digits: 1 },
      { key: 'd', title: 'Дата', kind: 'date' as const },
    ],
  };

  it('writes numbers the Russian way and escapes every value', () => {
    const html = tableHtml(table, [
      { name: '<script>alert(1)</script> {{x}}', n: 1234, share: 0.8115, d: '2026-10-31' },
    ]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{x}}');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`1${NBSP}234`);
    expect(html).toContain(`81,2${NBSP}%`);
    expect(html).toContain('31.10.2026');
    expect(html).toContain('Таблица 1. &lt;Показатели&gt;');
    expect(html).toContain('<thead>');
  });

  it('prints a negative number with the true minus sign', () => {
    const html = tableHtml(table, [{ name: 'a', n: -12, share: -0.063, d: null }]);
    expect(html).toContain('>\u221212<');
    expect(html).toContain(`>\u22126,3${NBSP}%<`);
    expect(html).toContain('>—<');
  });

  it('binds «г.», «№» and the like to the next word in text, never inside tags', () => {
    const html = bindAbbreviations('<p class="г. x">МКОУ «СОШ № 5» г. Махачкала, с. Ахты (им. Героя)</p>');
    expect(html).toBe(
      `<p class="г. x">МКОУ «СОШ №${NBSP}5» г.${NBSP}Махачкала, с.${NBSP}Ахты (им.${NBSP}Героя)</p>`,
    );
  });

  it('refuses to put a table «для служебного пользования» into HTML or PDF', () => {
    expect(() => tableHtml({ ...table, restricted: true }, [])).toThrow(/служебного пользования/);
  });

  it('«Нет данных» names each missing export and the date', () => {
    const html = noDataHtml(
      [
        {
          source: 'vpr_results',
          title: 'протокол ВПР',
          files: 0,
          files_year: 0,
          first_snapshot: null,
          last_snapshot: null,
          rows_read: 0,
          rows_loaded: 0,
          rows_rejected: 0,
          rows_skipped: 0,
        },
      ],
      '2026-10-31',
    );
    expect(html).toContain('Нет данных');
    expect(html).toContain('«протокол ВПР»');
    expect(html).toContain('31.10.2026');
  });
});

describe('contents', () => {
  it('numbers the body sections and takes their pages from the bookmarks, in order', () => {
    const { html, contents } = numberSections(
      '<h2>Риски</h2><p>a</p><h2>Качество &amp; итоги</h2><h2>Риски</h2>',
    );
    expect(html).toContain('<h2 id="section-2">Качество &amp; итоги</h2>');
    const paged = withPages(contents, [
      { title: 'Заголовок', page: 1 },
      { title: 'Риски', page: 3 },
      { title: 'Качество & итоги', page: 4 },
      { title: 'РискиРиски', page: 6 },
    ]);
    expect(paged.map((c) => [c.title, c.page])).toEqual([
      ['Риски', 3],
      ['Качество & итоги', 4],
      ['Риски', 6],
    ]);
  });
});

describe('the analyst commentary', () => {
  it('splits Выводы and Рекомендации and shows typed HTML as text', () => {
    const cdir = join(dir, 'commentary');
    mkdirSync(join(cdir, 'control_indicators'), { recursive: true });
    writeFileSync(
      join(cdir, 'control_indicators', '31.10.2026.md'),
      '## Выводы\n\nДоля выросла.\n\n<img src=x onerror=alert(1)>\n\n[ссылка](javascript:alert(1)) ![рисунок](http://evil.example/x.png)\n\n' +
        '## Рекомендации\n\n- МОУО: проверить.\n',
    );
    const c = readCommentary(cdir, 'control_indicators', '2026-10-31');
    expect(c?.conclusions).toContain('<p>Доля выросла.</p>');
    expect(c?.conclusions).toContain('&lt;img');
    expect(c?.conclusions).not.toContain('<img');
    expect(c?.conclusions).not.toContain('javascript:');
    expect(c?.conclusions).not.toContain('evil.example');
    expect(c?.conclusions).toContain('ссылка');
    expect(c?.recommendations).toContain('<li>МОУО: проверить.</li>');
    expect(readCommentary(cdir, 'control_indicators', '2026-09-30')).toBeUndefined();
  });
});

describe('writing files', () => {
  it('leaves no partial file when writing fails, and the final name only when whole', () => {
    const path = join(dir, 'atomic', 'a.pdf');
    writeAtomic(path, 'whole');
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['a.pdf']);
    // A folder that cannot be made (a file is in the way): an error, and nothing written.
    writeFileSync(join(dir, 'blocker'), '');
    expect(() => writeAtomic(join(dir, 'blocker', 'b.pdf'), 'x')).toThrow();
    expect(readdirSync(dir).filter((f) => f.startsWith('blocker'))).toEqual(['blocker']);
  });
});

describe('printing', () => {
  let printer: PdfPrinter;
  let server: Server;
  let requests: string[] = [];
  beforeAll(async () => {
    printer = await PdfPrinter.launch(2);
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await printer?.close();
    server?.close();
  });

  it('runs no script and requests nothing from the network', async () => {
    requests = [];
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html =
      `<html><head><link rel="stylesheet" href="${url}/style.css"><style>body{background:url(${url}/bg.png)}</style></head>` +
      `<body><p>Текст справки</p><img src="${url}/x.png"><iframe src="${url}/frame"></iframe>` +
      `<script>document.body.append('СКРИПТ ВЫПОЛНЕН'); fetch('${url}/fetch')</script></body></html>`;
    const pdf = await printer.print(html);
    const text = await pdfText(pdf);
    expect(text).toContain('Текст справки');
    expect(text).not.toContain('СКРИПТ ВЫПОЛНЕН');
    expect(requests).toEqual([]);
  });

  it('a page recycled after its 50 prints is locked down like the first', async () => {
    const one = await PdfPrinter.launch(1);
    try {
      for (let i = 0; i < 50; i++) await one.print(`<p>${i}</p>`);
      requests = [];
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const pdf = await one.print(
        `<p>После замены страницы</p><img src="${url}/late.png"><script>document.body.append('СКРИПТ')</script>`,
      );
      const text = await pdfText(pdf);
      expect(text).toContain('После замены страницы');
      expect(text).not.toContain('СКРИПТ');
      expect(requests).toEqual([]);
    } finally {
      await one.close();
    }
  }, 60_000);

  it('bookmarks give the page of each heading', async () => {
    const sections = Array.from({ length: 6 }, (_, i) => `<h2>Раздел ${i + 1}</h2><div class="block"></div>`);
    const pdf = await printer.print(
      `<html><head><style>@page { size: A4; margin: 20mm } h2 { break-after: avoid } .block { height: 200mm; break-inside: avoid }</style></head><body><h1>Справка</h1>${sections.join('')}</body></html>`,
    );
    const marks = pdfBookmarks(pdf).filter((b) => b.title.startsWith('Раздел'));
    expect(marks.map((b) => b.title)).toEqual([
      'Раздел 1',
      'Раздел 2',
      'Раздел 3',
      'Раздел 4',
      'Раздел 5',
      'Раздел 6',
    ]);
    // A 200 mm block that may not split moves to the next page of an A4 (257 mm inside the margins), and its
    // heading goes with it.
    expect(marks.map((b) => b.page)).toEqual([1, 2, 3, 4, 5, 6]);
    const text = await pdfText(pdf, 4);
    expect(text).toContain('Раздел 4');
  });
});

describe('shnor report', () => {
  it('every report of report_calendar has a report folder (or variant), and every report is in the calendar', () => {
    const calendar = readFileSync(projectPath('sql/seeds/report_calendar.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(
      loadReports()
        .map((r) => r.name)
        .sort(),
    ).toEqual([...calendar].sort());
  });

  it('--list --json names each report with its title and scope', async () => {
    const io = captureIo();
    expect(await main(['report', '--list', '--json'], io)).toBe(0);
    const list = JSON.parse(io.stdout.join('\n')) as { name: string; title: string; scope: string }[];
    expect(list.map((r) => r.name)).toEqual(loadReports().map((r) => r.name));
    expect(
      list.every((r) => r.title.length > 0 && ['region', 'school', 'municipality'].includes(r.scope)),
    ).toBe(true);
  });

  it('an unknown report or a browser path that does not exist: a Russian message, no stack', async () => {
    const io = captureIo();
    expect(await main(['report', 'nonexistent', '--db', join(dir, 'none.duckdb')], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/Отчёт «nonexistent» не найден.*shnor report --list/);
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = join(dir, 'no-chrome');
    try {
      expect(() => findChrome()).toThrow(/не найден по пути .*no-chrome.*PUPPETEER_EXECUTABLE_PATH/);
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
  });
});
