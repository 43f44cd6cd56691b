import type { MetaValue } from './meta.js';

export type SkipReason = 'empty' | 'total' | 'header' | 'continuation';

export const SKIP_REASON_RU: Record<SkipReason, string> = {
  empty: 'пустые строки',
  total: 'строки «Итого»/«Всего»',
  header: 'повторы заголовка',
  continuation: 'строки-продолжения (объединены с предыдущими)',
};

/** What happened to one file: the per-file summary of an ingest (DOMAIN §3.4). */
export interface FileResult {
  file: string;
  path: string;
  status: 'loaded' | 'dry-run' | 'unchanged' | 'failed';
  sha256?: string;
  source?: string;
  sourceTitle?: string;
  sheet?: string;
  /** Sheets of a workbook that were loaded. */
  sheets: string[];
  /** Text encoding of a CSV, as detected. */
  encoding?: string;
  delimiter?: string;
  batchId?: number;
  snapshot?: MetaValue;
  /** An unchanged file's snapshot date (ISO), as its earlier load recorded it. */
  snapshotDate?: string;
  meta: Record<string, MetaValue>;
  read: number;
  loaded: number;
  rejected: number;
  skipped: Partial<Record<SkipReason, number>>;
  topReasons: { reason: string; count: number }[];
  warnings: string[];
  /** Facts worth a glance that are not problems (columns not used, sheets passed by). */
  notes: string[];
  /** The file failed on a fault of the program, not of the file (exit code 3). */
  internal?: boolean;
  /** Why the whole file could not be taken (a user error), in Russian. */
  error?: string;
  partitions: number;
}

export const skippedTotal = (r: FileResult) => Object.values(r.skipped).reduce((a, b) => a + (b ?? 0), 0);

export function emptyResult(file: string, path: string): FileResult {
  return {
    file,
    path,
    status: 'failed',
    meta: {},
    read: 0,
    loaded: 0,
    rejected: 0,
    skipped: {},
    topReasons: [],
    warnings: [],
    notes: [],
    sheets: [],
    partitions: 0,
  };
}
