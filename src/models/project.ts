import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../cli/errors.js';
import { CONTRACTS } from '../ingest/contracts/index.js';
import { projectPath } from '../warehouse/paths.js';
import { referenceFiles } from '../warehouse/reference.js';
import { type Materialized, type ModelSpec, parseModelSpec, type Severity } from './spec.js';
import { TYPESCRIPT_MODELS, type TypescriptModel } from './typescript/index.js';

export type Layer = 'staging' | 'intermediate' | 'marts';
const LAYERS: Layer[] = ['staging', 'intermediate', 'marts'];
const DEFAULT_MATERIALIZED: Record<Layer, Materialized> = {
  staging: 'view',
  intermediate: 'view',
  marts: 'mart',
};

export interface Model {
  name: string;
  layer: Layer;
  materialized: Materialized;
  /** Project-relative path of the SQL (or the TypeScript module). */
  file: string;
  sql?: string;
  typescript?: TypescriptModel;
  spec: ModelSpec;
  /** Models this one reads. */
  dependsOn: string[];
  /** Raw sources it reads (raw_<source> or partition_as_of('<source>', …)). */
  sources: string[];
  /** Reference tables it reads (ref_<name>). */
  references: string[];
}

/** A test across models: `sql/tests/<name>.sql`, header comments give its description and severity. */
export interface SingularTest {
  name: string;
  file: string;
  sql: string;
  description: string;
  severity: Severity;
  dependsOn: string[];
}

export interface Project {
  models: Map<string, Model>;
  /** Names in dependency order (stable: by layer, then name). */
  order: string[];
  tests: SingularTest[];
}

/** Reads every model of `sql/` (and the TypeScript ones), finds their dependencies and orders them. */
export function loadProject(root = projectPath('sql')): Project {
  const drafts: Omit<Model, 'dependsOn' | 'sources' | 'references'>[] = [];
  for (const layer of LAYERS) {
    const dir = join(root, layer);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).sort();
    for (const yml of files.filter((f) => f.endsWith('.yml'))) {
      const name = basename(yml, '.yml');
      const file = `sql/${layer}/${yml}`;
      const spec = parseModelSpec(readFileSync(join(dir, yml), 'utf8'), file);
      const sqlFile = `${name}.sql`;
      const typescript = TYPESCRIPT_MODELS.find((m) => m.name === name);
      if (files.includes(sqlFile) === Boolean(typescript)) {
        throw new UserError(
          typescript
            ? `Модель «${name}» описана дважды: в ${file.replace('.yml', '.sql')} и в TypeScript.`
            : `Для описания «${file}» нет запроса «sql/${layer}/${sqlFile}».`,
        );
      }
      drafts.push({
        name,
        layer,
        materialized: spec.materialized ?? DEFAULT_MATERIALIZED[layer],
        file: typescript ? typescript.file : `sql/${layer}/${sqlFile}`,
        sql: typescript ? undefined : readFileSync(join(dir, sqlFile), 'utf8').trim().replace(/;\s*$/, ''),
        typescript,
        spec,
      });
    }
    const orphan = files.find((f) => f.endsWith('.sql') && !files.includes(f.replace(/\.sql$/, '.yml')));
    if (orphan) {
      throw new UserError(
        `Для модели «sql/${layer}/${orphan}» нет описания «${orphan.replace(/\.sql$/, '.yml')}» (description, columns, tests).`,
      );
    }
  }
  const names = new Set(drafts.map((d) => d.name));
  const sourceNames = new Set(CONTRACTS.map((c) => c.source));
  const refNames = new Set(referenceFiles().map((r) => `ref_${r.name}`));
  const models = new Map<string, Model>();
  for (const d of drafts) {
    const text = d.sql ?? '';
    const words = identifiers(text);
    const dependsOn = d.typescript
      ? d.typescript.inputs.filter((i) => names.has(i))
      : [...words].filter((w) => names.has(w) && w !== d.name);
    const sources = new Set(
      [...words].filter((w) => w.startsWith('raw_') && sourceNames.has(w.slice(4))).map((w) => w.slice(4)),
    );
    for (const m of text.matchAll(/partition_as_of\s*\(\s*'([a-z_]+)'/gi))
      if (sourceNames.has(m[1])) sources.add(m[1]);
    const refWords = d.typescript ? d.typescript.inputs : [...words];
    const references = refWords.filter((w) => refNames.has(w));
    for (const input of d.typescript?.inputs ?? []) {
      if (!names.has(input) && !refNames.has(input))
        throw new UserError(
          `Модель «${d.name}» (${d.file}) читает «${input}»: такой модели или справочника нет.`,
        );
    }
    models.set(d.name, { ...d, dependsOn: dependsOn.sort(), sources: [...sources].sort(), references });
  }
  return { models, order: dependencyOrder(models), tests: singularTests(root, names) };
}

/**
 * Names a SQL text mentions, without its comments and string literals, and without the names it
 * defines itself (CTEs and windows: `name AS (`), so a CTE called like a model is not a dependency.
 */
export function identifiers(sql: string): Set<string> {
  const stripped = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const defined = new Set(
    [...stripped.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\s+AS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(/gi)].map(
      (m) => m[1],
    ),
  );
  return new Set((stripped.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => !defined.has(w)));
}

function dependencyOrder(models: Map<string, Model>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new UserError(`Модели зависят друг от друга по кругу: ${[...path, name].join(' → ')}.`);
    state.set(name, 'visiting');
    for (const dep of models.get(name)?.dependsOn ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  const stable = [...models.values()].sort(
    (a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || a.name.localeCompare(b.name),
  );
  for (const m of stable) visit(m.name, []);
  return order;
}

function singularTests(root: string, models: Set<string>): SingularTest[] {
  const dir = join(root, 'tests');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const header = (key: string) => text.match(new RegExp(`^--\\s*${key}:\\s*(.+)$`, 'm'))?.[1].trim();
      const sev = header('severity') ?? 'error';
      if (sev !== 'error' && sev !== 'warn')
        throw new UserError(`Проверка «sql/tests/${f}»: severity — error или warn, а не «${sev}».`);
      return {
        name: basename(f, '.sql'),
        file: `sql/tests/${f}`,
        sql: text.trim().replace(/;\s*$/, ''),
        description: header('description') ?? basename(f, '.sql'),
        severity: sev,
        dependsOn: [...identifiers(text)].filter((w) => models.has(w)).sort(),
      };
    });
}
