import { createHash } from 'node:crypto';
import { referenceFiles } from '../warehouse/reference.js';
import { BUILT_IN_ALIASES, type UserAlias } from './aliases.js';
import { CONTRACTS } from './contracts/index.js';
import type { ColumnSpec, Contract } from './contracts/types.js';
import { aliasIndex } from './header.js';
import type { MetaFlags } from './meta.js';
import type { ParseContext } from './parse/value.js';
import { factorLookup, subjectLookup } from './reference-lookups.js';

/** What every file of one ingest run shares: contracts, aliases, reference lookups, flags. */
export interface IngestContext {
  contracts: readonly Contract[];
  indexes: Map<string, Map<string, ColumnSpec[]>>;
  parse: ParseContext;
  /** Changes when a contract, an alias or a reference table changes: loaded files are then re-checked. */
  fingerprints: Map<string, string>;
  flags: MetaFlags;
  source?: string;
  reload: boolean;
  dryRun: boolean;
}

export function createContext(
  userAliases: UserAlias[],
  options: { flags: MetaFlags; source?: string; reload?: boolean; dryRun?: boolean },
): IngestContext {
  const refs = referenceFiles()
    .map((r) => `${r.name}:${r.sha256}`)
    .join(',');
  const fingerprints = new Map<string, string>();
  const indexes = new Map<string, Map<string, ColumnSpec[]>>();
  for (const contract of CONTRACTS) {
    indexes.set(contract.source, aliasIndex(contract, userAliases));
    const text = JSON.stringify(
      {
        contract,
        builtIn: BUILT_IN_ALIASES,
        user: userAliases.filter((u) => !u.source || u.source === contract.source),
        refs,
      },
      (_k, v) => (v instanceof RegExp ? v.source : v),
    );
    fingerprints.set(contract.source, createHash('sha256').update(text).digest('hex').slice(0, 16));
  }
  return {
    contracts: CONTRACTS,
    indexes,
    parse: { factors: factorLookup(), subjects: subjectLookup() },
    fingerprints,
    flags: options.flags,
    source: options.source,
    reload: options.reload ?? false,
    dryRun: options.dryRun ?? false,
  };
}
