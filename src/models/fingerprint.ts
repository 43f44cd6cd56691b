import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../warehouse/paths.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { RunParams } from './params.js';
import type { Model } from './project.js';

/**
 * What a model's rows depend on, as one hash: its code, the parameters, the versions of the source
 * partitions current as of the date, the reference tables and the fingerprints of the models it
 * reads. Equal fingerprints mean equal rows, so a mart is not rebuilt.
 */
export class Fingerprints {
  private readonly byModel = new Map<string, string>();
  private readonly bySource = new Map<string, string>();
  private refs = new Map<string, string>();

  private constructor(
    private readonly wh: Warehouse,
    private readonly params: RunParams,
    private readonly models: Map<string, Model>,
  ) {}

  static async create(wh: Warehouse, params: RunParams, models: Map<string, Model>): Promise<Fingerprints> {
    const f = new Fingerprints(wh, params, models);
    const rows = await wh.rows<{ name: string; sha256: string }>(
      'SELECT name, sha256 FROM reference_version',
    );
    f.refs = new Map(rows.map((r) => [`ref_${r.name}`, r.sha256]));
    return f;
  }

  async of(model: Model): Promise<string> {
    const known = this.byModel.get(model.name);
    if (known) return known;
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ params: this.params, materialized: model.materialized }));
    hash.update(model.sql ?? code(model.file));
    for (const s of model.sources) hash.update(`source ${s}:${await this.sourceVersions(s)}`);
    for (const r of model.references) hash.update(`ref ${r}:${this.refs.get(r) ?? ''}`);
    for (const d of model.dependsOn) hash.update(`model ${d}:${await this.of(this.models.get(d) as Model)}`);
    const value = hash.digest('hex');
    this.byModel.set(model.name, value);
    return value;
  }

  private async sourceVersions(source: string): Promise<string> {
    let v = this.bySource.get(source);
    if (v === undefined) {
      v =
        (await this.wh.value<string | null>(
          "SELECT string_agg(partition_key || '@' || batch_id, ',' ORDER BY partition_key) FROM partition_as_of($1, $2)",
          [source, this.params.asOf],
        )) ?? '';
      this.bySource.set(source, v);
    }
    return v;
  }
}

/** A TypeScript model's code: its module and the modules beside it (its helpers), so editing either rebuilds it. */
function code(file: string): string {
  const path = projectPath(file);
  if (!existsSync(path)) return file;
  const dir = dirname(path);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}
