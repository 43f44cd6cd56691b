import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../warehouse/paths.js';
import { sqlFile } from '../warehouse/sql-file.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { RunParams } from './params.js';
import type { Model } from './project.js';

/**
 * What a model's rows depend on, as one hash: its code, the shared macros, the parameters, every
 * loaded version of the sources it reads up to the date, the reference tables and the fingerprints
 * of the models it reads. Equal fingerprints mean equal rows, so a mart is not rebuilt.
 */
export class Fingerprints {
  private readonly byModel = new Map<string, string>();
  private readonly bySource = new Map<string, string>();
  private refs = new Map<string, string>();
  private readonly runtime = runtimeCode();

  private constructor(
    private readonly wh: Warehouse,
    private readonly params: RunParams,
    private readonly models: Map<string, Model>,
  ) {}

  static async create(wh: Warehouse, params: RunParams, models: Map<string, Model>): Promise<Fingerprints> {
    const f = new Fingerprints(wh, params, models);
    const rows = await wh.rows<{ name: string; sha256: string }>(
      sqlFile('warehouse/meta/reference-versions.sql'),
    );
    f.refs = new Map(rows.map((r) => [`ref_${r.name}`, r.sha256]));
    return f;
  }

  async of(model: Model): Promise<string> {
    const known = this.byModel.get(model.name);
    if (known) return known;
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ params: this.params, materialized: model.materialized }));
    hash.update(this.runtime);
    hash.update(model.sql ?? typescriptCode());
    for (const q of model.typescript?.queries ?? []) hash.update(sqlFile(q));
    for (const s of model.sources) hash.update(`source ${s}:${await this.sourceVersions(s)}`);
    for (const r of model.references) hash.update(`ref ${r}:${this.refs.get(r) ?? ''}`);
    for (const d of model.dependsOn) hash.update(`model ${d}:${await this.of(this.models.get(d) as Model)}`);
    const value = hash.digest('hex');
    this.byModel.set(model.name, value);
    return value;
  }

  /**
   * Every loaded version of the source's partitions dated up to as_of, not only the current one: a
   * model may read older versions too (the registry's history), and an unload of any of them counts.
   */
  private async sourceVersions(source: string): Promise<string> {
    let v = this.bySource.get(source);
    if (v === undefined) {
      v =
        (await this.wh.value<string | null>(sqlFile('runner/source-versions.sql'), {
          source,
          as_of: this.params.asOf,
        })) ?? '';
      this.bySource.set(source, v);
    }
    return v;
  }
}

/** The warehouse's own SQL every model runs on: macros (share, pct, as_of_date), partition_as_of, views. */
function runtimeCode(): string {
  return ['schema.sql', 'macros.sql', 'views.sql']
    .map((f) => readFileSync(projectPath('sql/warehouse', f), 'utf8'))
    .join('\n');
}

/** The TypeScript models as this process runs them (dist/*.js from the CLI, src/*.ts under vitest). */
function typescriptCode(): string {
  const dir = fileURLToPath(new URL('./typescript/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}
