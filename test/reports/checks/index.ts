import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SamplesReports } from '../../helpers/samples-reports.js';

/** A report's own checks on the samples: registers `describe`/`it` blocks reading the shared run. */
export type RegisterChecks = (ctx: () => SamplesReports) => void;

// One file a report (test/reports/checks/<report>.ts exporting `register`), so adding a report adds a file.
const dir = dirname(fileURLToPath(import.meta.url));
export const REPORT_CHECKS: { report: string; register: RegisterChecks }[] = await Promise.all(
  readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && f !== 'index.ts')
    .sort()
    .map(async (f) => ({
      report: f.replace(/\.ts$/, ''),
      register: ((await import(/* @vite-ignore */ `./${f}`)) as { register: RegisterChecks }).register,
    })),
);
