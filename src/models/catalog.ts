import { readFileSync } from 'node:fs';
import { CONTRACTS } from '../ingest/contracts/index.js';
import { rawColumns } from '../ingest/load/raw-table.js';
import { ruDate } from '../text/russian.js';
import { referenceFiles } from '../warehouse/reference.js';
import { dependencyGraphSvg, type GraphNode } from './graph-svg.js';
import type { Layer, Model, Project } from './project.js';
import { dependants } from './select.js';

/** Column types of the built models, when a warehouse is at hand (name → column → type). */
export type ColumnTypes = Map<string, Map<string, string>>;

const LAYER_RU: Record<Layer, string> = {
  staging: 'Слой staging: источники на дату расчёта',
  intermediate: 'Слой intermediate: общие заготовки',
  marts: 'Витрины: показатели DOMAIN §4',
};
const KIND_RU = { view: 'представление', table: 'таблица', mart: 'витрина (year, as_of) + _latest' } as const;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
const anchor = (name: string) => `<a href="#${esc(name)}">${esc(name)}</a>`;

/** The catalog of sources, reference tables and models, with the dependency graph: one HTML file. */
export function catalogHtml(project: Project, types: ColumnTypes, generated = new Date()): string {
  const models = project.order.map((n) => project.models.get(n) as Model);
  const nodes: GraphNode[] = [
    ...CONTRACTS.filter((c) => models.some((m) => m.sources.includes(c.source))).map((c) => ({
      id: `raw_${c.source}`,
      column: 0,
      inputs: [],
    })),
    ...models.map((m) => ({
      id: m.name,
      column: m.layer === 'staging' ? 1 : m.layer === 'intermediate' ? 2 : 3,
      inputs: [...m.dependsOn, ...m.sources.map((s) => `raw_${s}`)],
    })),
  ];
  const sections = (['staging', 'intermediate', 'marts'] as Layer[]).map((layer) => {
    const list = models.filter((m) => m.layer === layer);
    if (!list.length) return '';
    return `<h2>${esc(LAYER_RU[layer])}</h2>\n${list.map((m) => modelHtml(m, project, types)).join('\n')}`;
  });
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Каталог данных «500+»</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #ccc}h3{margin:1.8rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}th,td{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}code{font-size:.92em}.muted{color:#666}.graph{overflow-x:auto;border:1px solid #ddd}
nav a{margin-right:.8rem}
</style></head><body>
<h1>Каталог данных проекта «500+»</h1>
<p class="muted">Сформирован ${esc(ruDate(generated))}. Источники, справочники и модели хранилища; у каждой модели — описание,
столбцы, проверки и связи. Витрины хранят расчёт за каждый год и дату (year, as_of); для вопросов «на сейчас» —
представление <code>ИМЯ_latest</code>.</p>
<nav><a href="#graph">Граф зависимостей</a><a href="#sources">Источники</a><a href="#refs">Справочники</a>
<a href="#models">Модели</a></nav>
<h2 id="graph">Граф зависимостей</h2>
<div class="graph">${dependencyGraphSvg(nodes)}</div>
<h2 id="sources">Источники (raw_*)</h2>
${CONTRACTS.map(sourceHtml).join('\n')}
<h2 id="refs">Справочники (ref_*)</h2>
${referencesHtml()}
<div id="models"></div>
${sections.join('\n')}
</body></html>
`;
}

function modelHtml(m: Model, project: Project, types: ColumnTypes): string {
  const built = types.get(m.name);
  const names = new Set([...(built?.keys() ?? []), ...m.spec.columns.keys()]);
  const rows = [...names].map(
    (c) =>
      `<tr><td><code>${esc(c)}</code></td><td>${esc(built?.get(c) ?? '')}</td><td>${esc(
        m.spec.columns.get(c) ??
          (c === 'year' ? 'Год расчёта' : c === 'as_of' ? 'Дата расчёта (по состоянию на)' : ''),
      )}</td></tr>`,
  );
  const reads = [
    ...m.dependsOn.map(anchor),
    ...m.sources.map((s) => anchor(`raw_${s}`)),
    ...m.references.map((r) => anchor(r)),
  ];
  const readBy = dependants(project, m.name).map(anchor);
  const tests = m.spec.tests.map(
    (t) =>
      `<tr><td><code>${esc(t.name)}</code></td><td>${t.severity === 'error' ? 'ошибка' : 'предупреждение'}</td><td>${esc(t.description)}</td></tr>`,
  );
  return `<h3 id="${esc(m.name)}"><code>${esc(m.name)}</code></h3>
<p>${esc(m.spec.description)}</p>
<p class="muted">${esc(KIND_RU[m.materialized])} · <code>${esc(m.file)}</code>${m.spec.grain.length ? ` · одна строка на ${esc(m.spec.grain.join(', '))}` : ''}</p>
<p>Читает: ${reads.join(', ') || '—'}. Используется в: ${readBy.join(', ') || '—'}.</p>
<table><tr><th>Столбец</th><th>Тип</th><th>Описание</th></tr>${rows.join('')}</table>
${tests.length ? `<table><tr><th>Проверка</th><th>Уровень</th><th>Правило</th></tr>${tests.join('')}</table>` : ''}`;
}

function sourceHtml(c: (typeof CONTRACTS)[number]): string {
  const described = new Map(c.columns.map((s) => [s.name, s]));
  const rows = rawColumns(c)
    .filter((col) => !col.name.startsWith('_'))
    .map((col) => {
      const spec = described.get(col.name);
      return `<tr><td><code>${esc(col.name)}</code>${spec?.required ? ' *' : ''}</td><td>${esc(col.type)}</td><td>${esc(spec?.title ?? '')}</td></tr>`;
    });
  return `<h3 id="raw_${esc(c.source)}"><code>raw_${esc(c.source)}</code> — ${esc(c.title)}</h3>
<p class="muted">Версия определяется столбцами: ${esc(c.partitionKey.join(', ') || 'весь файл')}. * — обязательный.</p>
<table><tr><th>Столбец</th><th>Тип</th><th>Описание</th></tr>${rows.join('')}</table>`;
}

function referencesHtml(): string {
  return referenceFiles()
    .map((r) => {
      const header = readFileSync(r.path, 'utf8').split(/\r?\n/)[0] ?? '';
      return `<p id="ref_${esc(r.name)}"><code>ref_${esc(r.name)}</code> — файл <code>sql/seeds/${esc(r.name)}.csv</code>; столбцы: ${esc(header.split(',').join(', '))}</p>`;
    })
    .join('\n');
}
