import { CONTRACTS } from '../ingest/contracts/index.js';
import { UserError } from './errors.js';

/** A `--flag` value checked against the allowed ones. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw new UserError(
      `Параметр ${flag}: «${String(value)}» — допустимо ${allowed.map((a) => `«${a}»`).join(', ')}.`,
    );
  }
  return value as T;
}

/** A version number (№ версии) from a flag or an argument. */
export function batchNumber(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim().replace(/^№\s*/, '');
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) {
    throw new UserError(
      `${what}: «${String(value)}» — ожидается номер версии (целое число), см. shnor batches.`,
    );
  }
  return Number(text);
}

/** A source name checked against the contracts. */
export function sourceName(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!CONTRACTS.some((c) => c.source === value)) {
    throw new UserError(
      `Неизвестный источник «${String(value)}». Допустимые: ${CONTRACTS.map((c) => c.source).join(', ')}.`,
    );
  }
  return value as string;
}

/** `--select` values: several flags or one comma/space separated list. */
export function selection(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => String(v).split(/[\s,]+/)).filter(Boolean);
}
