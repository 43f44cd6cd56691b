import type { Warehouse } from '../../warehouse/warehouse.js';
import { riskClusters } from './risk-clusters.js';

/**
 * A model written in TypeScript where SQL is the wrong tool (clustering). It declares what it reads
 * and fills the TEMP table `<name>__rows` with its rows (without `year` and `as_of`); the runner
 * materialises that table like a SQL model's SELECT. Its `.yml` sits in `sql/marts/`.
 */
export interface TypescriptModel {
  name: string;
  /** Models and reference tables it reads. */
  inputs: string[];
  /** Its queries, as paths below `sql/`: part of its rebuild fingerprint with its code. */
  queries: string[];
  /** Project-relative path of its source, for messages and the rebuild fingerprint. */
  file: string;
  /** The run's parameters are also the session variables `year` and `as_of`. */
  build(wh: Warehouse, params: { year: number; asOf: string }): Promise<void>;
}

export const TYPESCRIPT_MODELS: TypescriptModel[] = [riskClusters];
