import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../cli/errors.js';
import { contractBySource } from '../ingest/contracts/index.js';
import { projectPath } from '../warehouse/paths.js';

/** What a pipeline (pipelines/<name>.yml) does: its inputs, models, tests and reports. */
export interface PipelineSpec {
  name: string;
  title: string;
  input: string;
  exclude: string[];
  snapshotDate?: string;
  /** Source → path patterns of the files read as that source. */
  sources: Record<string, string[]>;
  /** 'all' or a --select list. */
  models: 'all' | string[];
  tests: boolean;
  /** 'due' (report_calendar), 'all', or report names. */
  reports: 'due' | 'all' | string[];
  /** DuckDB's memory limit for the run, e.g. '3GB' (without it DuckDB may take 80 % of the machine). */
  memoryLimit?: string;
}

export const PIPELINES_DIR = projectPath('pipelines');

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The pipelines there are: pipelines/*.yml. */
export function pipelineNames(dir = PIPELINES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => basename(f, '.yml'))
    .sort();
}

/** Reads pipelines/<name>.yml; a mistake in it is named with the file and the key. */
export function loadPipeline(name: string, dir = PIPELINES_DIR): PipelineSpec {
  const path = join(dir, `${name}.yml`);
  if (!/^[\w-]+$/.test(name) || !existsSync(path)) {
    throw new UserError(
      `Сценарий «${name}» не найден. Есть: ${pipelineNames(dir).join(', ')} (папка pipelines/).`,
    );
  }
  const fail = (what: string): never => {
    throw new UserError(`Сценарий pipelines/${name}.yml: ${what}.`);
  };
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`не удалось прочитать YAML — ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc)) return fail('ожидается словарь');
  if (typeof doc.input !== 'string' || !doc.input) fail('input — папка входящих');
  const exclude = doc.exclude ?? [];
  if (!stringList(exclude)) fail('exclude — список имён');
  const sources: Record<string, string[]> = {};
  if (doc.sources != null) {
    if (!isObject(doc.sources)) return fail('sources — словарь «источник: [шаблоны путей]»');
    for (const [source, patterns] of Object.entries(doc.sources)) {
      if (!contractBySource(source)) fail(`sources: неизвестный источник «${source}»`);
      if (!stringList(patterns)) fail(`sources.${source} — список шаблонов путей`);
      sources[source] = patterns as string[];
    }
  }
  const models = doc.models ?? 'all';
  if (models !== 'all' && !stringList(models)) fail('models — all или список моделей');
  const reports = doc.reports ?? 'due';
  if (reports !== 'due' && reports !== 'all' && !stringList(reports))
    fail('reports — due, all или список отчётов');
  const memory = doc.memory_limit;
  if (memory != null && (typeof memory !== 'string' || !/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(memory)))
    fail('memory_limit — объём памяти, например 3GB');
  const snapshot = doc.snapshot_date;
  if (snapshot != null && typeof snapshot !== 'string') fail('snapshot_date — дата ДД.ММ.ГГГГ');
  return {
    name,
    title: typeof doc.title === 'string' ? doc.title : name,
    input: doc.input as string,
    exclude: exclude as string[],
    snapshotDate: (snapshot as string | null) ?? undefined,
    sources,
    models: models as PipelineSpec['models'],
    tests: doc.tests !== false,
    reports: reports as PipelineSpec['reports'],
    memoryLimit: (memory as string | null) ?? undefined,
  };
}

/** Whether a path relative to the inbox matches a pattern (`*` within a folder, `**` across folders). */
export function matchesPattern(relative: string, pattern: string): boolean {
  const re = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${re}$`).test(relative.replace(/\\/g, '/'));
}
