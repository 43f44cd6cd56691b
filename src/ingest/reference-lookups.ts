import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { projectPath } from '../warehouse/paths.js';
import { Lookup } from './parse/codes.js';

function readSeed(name: string): Record<string, string>[] {
  const text = readFileSync(projectPath(`sql/seeds/${name}.csv`), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Names and short names of the risk factors → code. */
export function factorLookup(): Lookup {
  const lookup = new Lookup();
  for (const row of readSeed('risk_factor')) {
    const code = Number(row.factor_code);
    lookup.add(row.name, code).add(row.short_name, code);
  }
  return lookup;
}

/** Subject names, aliases and РЦОИ codes → subject_code. */
export function subjectLookup(): Lookup {
  const lookup = new Lookup();
  for (const row of readSeed('subjects')) {
    lookup.add(row.subject_code, row.subject_code).add(row.name, row.subject_code);
    if (row.rcoi_code) lookup.add(row.rcoi_code, row.subject_code);
    for (const alias of (row.aliases ?? '').split('|')) if (alias.trim()) lookup.add(alias, row.subject_code);
  }
  return lookup;
}

/** Every spelling of every subject, for finding a subject named in a title row or a file name. */
export function subjectSpellings(): { spelling: string; code: string }[] {
  const out: { spelling: string; code: string }[] = [];
  for (const row of readSeed('subjects')) {
    for (const s of [row.name, ...(row.aliases ?? '').split('|')]) {
      if (s && s.trim().length >= 4)
        out.push({ spelling: s.trim().toLowerCase().replace(/ё/g, 'е'), code: row.subject_code });
    }
  }
  return out.sort((a, b) => b.spelling.length - a.spelling.length);
}
