import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunParams } from '../models/params.js';
import type { Commentary } from './commentary.js';
import type { Copy, ReportData } from './data.js';
import { fontFaceCss } from './fonts.js';
import type { Bookmark } from './pdf-outline.js';
import type { ReportSpec } from './spec.js';
import { SHARED_DIR } from './spec.js';
import { type Hbs, renderFile } from './templates.js';

/** An entry of the contents: a section heading (h2) of the body. */
export interface ContentsEntry {
  id: string;
  title: string;
  page?: number;
}

/** The context every template of a report sees. */
export interface TemplateContext {
  settings: Record<string, unknown>;
  report: { name: string; title: string; heading: string; long: boolean; kind: string; scope: string };
  params: RunParams;
  target: Copy['target'];
  data: Copy['data'];
  charts: Record<string, string | null>;
  sources: ReportData['sources'];
  reference: ReportData['reference'];
}

const decodeEntities = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .trim();

/**
 * Non-breaking spaces where Russian typography wants them in text (not in tags): after «г.», «с.», «п.»,
 * «им.», «№» and «ст.», so «г. Махачкала» or «№ 5» never breaks at the end of a line.
 */
export function bindAbbreviations(html: string): string {
  return html.replace(
    />([^<]+)</g,
    (_m, text: string) => `>${text.replace(/(^|[\s(«])(г\.|с\.|п\.|им\.|ст\.|№) (?=\S)/g, '$1$2\u00a0')}<`,
  );
}

/** Gives each section heading of the body an id and lists them for the contents. */
export function numberSections(body: string): { html: string; contents: ContentsEntry[] } {
  const contents: ContentsEntry[] = [];
  const html = body.replace(/<h2>([\s\S]*?)<\/h2>/g, (_m, inner: string) => {
    const id = `section-${contents.length + 1}`;
    contents.push({ id, title: decodeEntities(inner) });
    return `<h2 id="${id}">${inner}</h2>`;
  });
  return { html, contents };
}

/** Puts the pages from a first print's bookmarks on the contents (titles matched in order). */
export function withPages(contents: ContentsEntry[], bookmarks: readonly Bookmark[]): ContentsEntry[] {
  let from = 0;
  return contents.map((entry) => {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    // Chromium repeats a heading's text in its bookmark when the heading was laid out in two fragments
    // (kept with what follows across a page break): «ВыходВыход» still points to the heading's page.
    const same = (b: string, t: string) =>
      b === t || (b.length % t.length === 0 && b === t.repeat(b.length / t.length));
    const at = bookmarks.findIndex((b, i) => i >= from && same(norm(b.title), norm(entry.title)));
    if (at < 0) return entry;
    from = at + 1;
    return { ...entry, page: bookmarks[at].page };
  });
}

let css: string | undefined;
const styleCss = () => {
  css ??= readFileSync(join(SHARED_DIR, 'style.css'), 'utf8');
  return css;
};

/** The parts of one copy that do not change between the two prints of a long note. */
export interface RenderedParts {
  body: string;
  contents: ContentsEntry[];
  conclusions: string;
  recommendations: string;
  /** Whose Выводы and Рекомендации they are: the analyst's (from commentary/) or generated. */
  authorship: { conclusions: boolean; recommendations: boolean; region: boolean };
}

/** Renders the report's own templates (body, generated or the analyst's conclusions and recommendations). */
export function renderParts(
  hb: Hbs,
  spec: ReportSpec,
  ctx: TemplateContext,
  commentary?: Commentary,
): RenderedParts {
  const body = bindAbbreviations(renderFile(hb, join(spec.dir, 'template.hbs'), ctx) ?? '');
  const generated = (file: string) => bindAbbreviations(renderFile(hb, join(spec.dir, file), ctx) ?? '');
  const numbered = numberSections(body);
  return {
    body: numbered.html,
    // The layout's own sections follow the body's in the contents.
    contents: [
      ...numbered.contents,
      { id: 'conclusions', title: 'Выводы' },
      { id: 'recommendations', title: 'Рекомендации' },
      { id: 'appendix', title: 'Приложение. Качество данных' },
    ],
    conclusions: commentary?.conclusions ?? generated('conclusions.hbs'),
    recommendations: commentary?.recommendations ?? generated('recommendations.hbs'),
    authorship: {
      conclusions: commentary?.conclusions !== undefined,
      recommendations: commentary?.recommendations !== undefined,
      region: spec.scope === 'region',
    },
  };
}

/** The whole self-contained HTML page: fonts and styles inline, charts as inline SVG. */
export function renderDocument(
  hb: Hbs,
  ctx: TemplateContext,
  parts: RenderedParts,
  contents = parts.contents,
): string {
  const raw = (s: string) => new hb.SafeString(s);
  const page = (style: string) =>
    renderFile(hb, join(SHARED_DIR, 'layout.hbs'), {
      ...ctx,
      style: raw(style),
      body: raw(parts.body),
      conclusions: raw(parts.conclusions),
      recommendations: raw(parts.recommendations),
      authorship: parts.authorship,
      contents,
    }) ?? '';
  // Fonts last: only the subsets holding a character of the page go in.
  const css = styleCss();
  return page(`${fontFaceCss(page(css))}\n${css}`);
}
