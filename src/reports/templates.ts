import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { UserError } from '../cli/errors.js';
import { cellText, isNumeric } from '../output/column.js';
import { columnValue, type Row, type SourceState } from './data.js';
import { type ReportSettings, registerHelpers } from './helpers.js';
import { type ReportSpec, SHARED_DIR, type TableSpec } from './spec.js';

export type Hbs = typeof Handlebars;

/** What the report templates read: `settings.yml` of report-templates/_shared. */
export function loadSettings(): ReportSettings & Record<string, unknown> {
  const doc = parse(readFileSync(join(SHARED_DIR, 'settings.yml'), 'utf8')) as ReportSettings &
    Record<string, unknown>;
  return { ...doc, municipalities: doc.municipalities ?? {} };
}

function registerPartials(hb: Hbs, dir: string): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.hbs')) hb.registerPartial(basename(f, '.hbs'), readFileSync(join(dir, f), 'utf8'));
  }
}

const esc = (s: unknown) => Handlebars.Utils.escapeExpression(String(s ?? ''));

/** A table of the report as HTML: caption, a header repeated on every page, rows that never split. */
export function tableHtml(table: TableSpec, rows: readonly Row[]): string {
  if (table.restricted) {
    throw new UserError(
      `Таблица «${table.title}» — для служебного пользования: она выводится только в отдельный XLSX, не в PDF и HTML.`,
    );
  }
  const head = table.columns
    .map((c) => `<th${isNumeric(c.kind) ? ' class="num"' : ''}>${esc(c.title)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${table.columns
          .map((c) => {
            const text = cellText(columnValue(row[c.key], c.kind), c, { grouping: true, empty: '—' });
            // A printed negative number takes the true minus sign (CSV and XLSX keep the hyphen).
            const shown = isNumeric(c.kind) ? text.replace(/^-(?=\d)/, '\u2212') : text;
            return `<td${isNumeric(c.kind) ? ' class="num"' : ''}>${esc(shown)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return (
    `<table class="data"><caption>${esc(table.title)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}

/** «Нет данных»: which exports to request so the section can be written. */
export function noDataHtml(missing: readonly SourceState[], asOf: string): string {
  const items = missing
    .map((s) => `<li>«${esc(s.title)}» (источник <code>${esc(s.source)}</code>)</li>`)
    .join('');
  const [y, m, d] = asOf.split('-');
  return (
    `<div class="no-data"><p><strong>Нет данных.</strong> На ${d}.${m}.${y} не загружены выгрузки:</p><ul>${items}</ul>` +
    '<p>Запросите их у ответственных за выгрузку, положите во входную папку и повторите расчёт.</p></div>'
  );
}

/**
 * A Handlebars instance for one report: the Russian helpers, the shared and the report's own
 * partials, and the engine's `table`, `chart` and `needs` helpers.
 */
export function reportHandlebars(spec: ReportSpec, settings: ReportSettings): Hbs {
  const hb = Handlebars.create();
  registerHelpers(hb, settings);
  registerPartials(hb, join(SHARED_DIR, 'partials'));
  registerPartials(hb, join(spec.dir, 'partials'));
  const tables = new Map(spec.tables.map((t) => [t.name, t]));

  hb.registerHelper('table', function (this: unknown, name: string, options: Handlebars.HelperOptions) {
    const table = tables.get(name);
    if (!table) throw new UserError(`Отчёт «${spec.name}»: таблица «${name}» не описана в report.yml.`);
    const root = options.data.root as { data: Record<string, Row[]> };
    const rows = (options.hash.rows as Row[] | undefined) ?? root.data[table.query] ?? [];
    return new hb.SafeString(tableHtml(table, rows));
  });

  hb.registerHelper('chart', function (this: unknown, name: string, options: Handlebars.HelperOptions) {
    const root = options.data.root as { charts: Record<string, string | null> };
    if (!(name in root.charts))
      throw new UserError(`Отчёт «${spec.name}»: нет диаграммы charts/${name}.vl.json.`);
    const svg = root.charts[name];
    if (!svg) return '';
    const caption = options.hash.caption ? `<figcaption>${esc(options.hash.caption)}</figcaption>` : '';
    return new hb.SafeString(`<figure class="chart">${svg}${caption}</figure>`);
  });

  hb.registerHelper('needs', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as Handlebars.HelperOptions;
    const root = options.data.root as { sources: SourceState[]; params: { asOf: string } };
    const names = args.map(String);
    for (const n of names) {
      if (!root.sources.some((s) => s.source === n)) {
        throw new UserError(
          `Отчёт «${spec.name}»: источник «${n}» не указан для него в report_calendar (sql/seeds/report_calendar.csv).`,
        );
      }
    }
    const missing = root.sources.filter((s) => names.includes(s.source) && s.files_year === 0);
    if (missing.length === 0) return options.fn(this);
    return new hb.SafeString(noDataHtml(missing, root.params.asOf));
  });

  // {{#if (loaded "source" …)}}: whether each source has a file as of the date (a sentence that
  // should simply be left out, not replaced by «Нет данных»).
  hb.registerHelper('loaded', (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    const root = options.data.root as { sources: SourceState[] };
    return args.map(String).every((n) => {
      const state = root.sources.find((s) => s.source === n);
      if (!state)
        throw new UserError(`Отчёт «${spec.name}»: источник «${n}» не указан для него в report_calendar.`);
      return state.files_year > 0;
    });
  });
  return hb;
}

const compiled = new WeakMap<Hbs, Map<string, Handlebars.TemplateDelegate | undefined>>();

/**
 * Renders a template file of the report with a context (compiled once per report); undefined when
 * the file does not exist. A mistake in the template or a helper's complaint becomes a Russian
 * message naming the file, not an internal error.
 */
export function renderFile(hb: Hbs, path: string, ctx: object): string | undefined {
  const cache = compiled.get(hb) ?? new Map<string, Handlebars.TemplateDelegate | undefined>();
  compiled.set(hb, cache);
  try {
    if (!cache.has(path))
      cache.set(path, existsSync(path) ? hb.compile(readFileSync(path, 'utf8')) : undefined);
    return cache.get(path)?.(ctx);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const where = path.split(/[\\/]/).slice(-2).join('/');
    const message = String((error as Error).message ?? error)
      .split('\n')
      .slice(0, 3)
      .join(' ');
    throw new UserError(
      `Шаблон ${where} не выполнен: ${message}. Исправьте шаблон (report-templates/README.md).`,
    );
  }
}
