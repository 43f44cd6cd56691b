/**
 * Charts: a Vega-Lite spec and the report's data → an inline SVG string, rendered in Node without a
 * browser or a canvas. One visual style for all charts lives in report-templates/_shared/chart-config.json;
 * text is measured with the fonts the report embeds (text-metrics.ts), so labels are neither cut early
 * nor overflow.
 *
 * The shared config sizes charts for an A4 text column (≈ 170 mm ≈ 640 px, so 12 px text prints at 9 pt
 * when the SVG is shown at its own width). A single or layered chart that gives no width of its own
 * fills the column: `autosize: fit-x` with a 640 px width makes the whole SVG 640 px wide, axis labels
 * included (where the width is a step per category, as in vertical bars, Vega-Lite keeps the step and
 * fits the height instead). A chart that gives a width, and a facet or concatenation (which cannot fit),
 * is padded as Vega-Lite does by default: its width is the plot's, labels come on top. A spec overrides
 * any of this in its own `config` or `autosize`. Temporal axes keep Vega's multi-format with Russian
 * month names; a spec that shows days should give a format (e.g. "%d.%m").
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { UserError } from '../cli/errors.js';
import { projectPath } from '../warehouse/paths.js';
import { vegaTextWidth } from './text-metrics.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `over` merged onto `base`, objects key by key, anything else (arrays too) replaced. */
export function mergeConfig(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(out[key]) ? mergeConfig(out[key] as Json, value) : value;
  }
  return out;
}

let sharedConfig: Json | undefined;

/** The shared chart style (report-templates/_shared/chart-config.json). */
export function chartConfig(): Json {
  sharedConfig ??= JSON.parse(
    readFileSync(projectPath('report-templates', '_shared', 'chart-config.json'), 'utf8'),
  );
  return sharedConfig as Json;
}

// vega-scenegraph's text measurer is one mutable object for the process; without a canvas it estimates.
const metrics = (vega as unknown as { textMetrics?: { width: unknown } }).textMetrics;
if (!metrics || typeof metrics.width !== 'function') {
  throw new Error(
    'vega.textMetrics.width not found: the vega version changed, see src/reports/text-metrics.ts',
  );
}
metrics.width = vegaTextWidth;

/**
 * Vega-Lite warnings that are expected with our specs and say nothing to a user of the CLI: it drops
 * "fit" on an axis sized by a step per category (our fit-x), and it unions the domains of a faceted
 * chart's independent scales (one dataset, so the same field). Other warnings still print.
 */
const EXPECTED_WARNINGS = ['Dropping "fit', 'Detected faceted independent scales'];
const vlLogger = vega.logger(vega.Warn);
const warn = vlLogger.warn.bind(vlLogger);
vlLogger.warn = (...args: unknown[]) => {
  if (!EXPECTED_WARNINGS.some((w) => String(args[0]).startsWith(w))) warn(...args);
  return vlLogger;
};

/** A loader that loads nothing: chart data come only from the report's queries, never from the network. */
const refuse = (uri: string) =>
  Promise.reject(
    new UserError(`Диаграмма обращается к «${uri}»: внешние данные в диаграммах не допускаются.`),
  );
// sanitize() decides links and images (an `href` channel, an image mark): none is allowed, and it must
// resolve, since vega-scenegraph reads its answer outside any error handler.
const noLink = () => Promise.resolve({ href: null }) as unknown as Promise<{ href: string }>;
const noLoader: vega.Loader = { load: refuse, sanitize: noLink, http: refuse, file: refuse };

/**
 * The datasets a spec takes from outside: every `"data": {"name": …}` it holds (top level, layers,
 * concatenations, lookups), less those its own `datasets` define. Data by URL is refused.
 */
export function externalDatasets(
  spec: unknown,
  own = new Set<string>(),
  found = new Set<string>(),
): Set<string> {
  if (Array.isArray(spec)) {
    for (const item of spec) externalDatasets(item, own, found);
  } else if (isObject(spec)) {
    const datasets = isObject(spec.datasets) ? Object.keys(spec.datasets) : [];
    const inner = datasets.length ? new Set([...own, ...datasets]) : own;
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'datasets') continue;
      if (key === 'data' && isObject(value)) {
        if (value.url !== undefined) {
          throw new UserError(
            `Диаграмма берёт данные по адресу ${JSON.stringify(value.url)}: в отчётах данные приходят только из запросов отчёта.`,
          );
        }
        if (typeof value.name === 'string' && value.values === undefined && !inner.has(value.name))
          found.add(value.name);
      } else {
        externalDatasets(value, inner, found);
      }
    }
  }
  return found;
}

/**
 * Whether the chart is to fill the column: a single or layered view (Vega-Lite passes "fit-x" on to a
 * facet or concatenation, which Vega then draws 0 px wide) that gives no width of its own.
 */
function fillsColumn(spec: Json): boolean {
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const faceted = 'facet' in encoding || 'row' in encoding || 'column' in encoding;
  return (
    ('mark' in spec || 'layer' in spec) && !faceted && spec.width === undefined && spec.autosize === undefined
  );
}

/**
 * Makes the SVG's ids (clip paths, gradients) deterministic and unique in a page of several charts:
 * numbered in order of appearance, prefixed by a hash of the chart itself.
 */
function stableIds(svg: string): string {
  const ids = new Map<string, number>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], ids.size + 1);
  if (ids.size === 0) return svg;
  const refs = /\bid="([^"]+)"|url\(#([^)]+)\)|href="#([^"]+)"/g;
  const rename = (prefix: string) =>
    svg.replace(refs, (whole, id?: string, url?: string, href?: string) => {
      const name = id ?? url ?? href ?? '';
      const n = ids.get(name);
      if (n === undefined) return whole;
      if (id !== undefined) return `id="${prefix}${n}"`;
      return url !== undefined ? `url(#${prefix}${n})` : `href="#${prefix}${n}"`;
    });
  const hash = createHash('sha256').update(rename('id-')).digest('hex').slice(0, 10);
  return rename(`chart-${hash}-`);
}

/** Compiled specs by their Vega-Lite source: a report draws the same spec for many schools or municipalities. */
const compiled = new Map<string, string>();
const COMPILED_KEPT = 200;

function compileSpec(input: Json, config: Json): vega.Spec {
  const key = JSON.stringify([input, config]);
  let json = compiled.get(key);
  if (json === undefined) {
    json = JSON.stringify(
      compile({ ...input, config } as unknown as TopLevelSpec, { logger: vlLogger }).spec,
    );
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, json);
  }
  // A fresh copy each time: Vega must not share objects between views.
  return JSON.parse(json) as vega.Spec;
}

/**
 * A Vega-Lite spec (its data given separately) → an inline SVG string with width, height and viewBox.
 * `data` maps dataset names to rows: the spec refers to `{"data": {"name": "risk_picture"}}`. The shared
 * config lies under the spec's own config. The same input gives the same string.
 */
export async function renderChart(spec: object, data: Record<string, unknown[]>): Promise<string> {
  const input = spec as Json;
  const own = isObject(input.config) ? input.config : {};
  const config = mergeConfig(chartConfig(), own);
  if (!fillsColumn(input) && !('autosize' in own)) delete config.autosize;
  const needed = [...externalDatasets(input)];
  for (const name of needed) {
    if (!Object.hasOwn(data, name)) {
      const known = Object.keys(data).map((n) => `«${n}»`);
      throw new UserError(
        `Диаграмма ссылается на набор данных «${name}», которого нет в данных отчёта` +
          (known.length ? ` (есть: ${known.join(', ')}).` : ' (наборов нет).'),
      );
    }
  }
  const view = new vega.View(vega.parse(compileSpec(input, config)), {
    renderer: 'none',
    loader: noLoader,
    logLevel: vega.Warn,
  });
  try {
    // Vega marks and extends the row objects it ingests: it gets copies, the caller's rows stay as they were.
    const copy = (rows: unknown[]) => rows.map((row) => (isObject(row) ? { ...row } : row));
    for (const name of needed) view.data(name, copy(data[name]));
    return stableIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}
