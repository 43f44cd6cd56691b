import { createHash } from 'node:crypto';
import { fold } from '../aliases.js';
import { isoDate } from '../parse/dates.js';

/**
 * Personal data is replaced by a keyed hash before it reaches any table (DOMAIN §3.5). The same
 * person gets the same pseudonym from a CSV (hashed in DuckDB) and an XLSX (hashed here): the
 * normalisation below has an SQL twin in `personKeySql`, and a test holds them equal.
 */
const SPACES_JS = /[\t\n\r\f\v \u00a0]+/g;
const SPACES_SQL = '[\\t\\n\\r\\f\\v \\x{00A0}]+';

export function normalisePerson(text: string): string {
  return text
    .replace(/ё/g, 'е')
    .replace(/Ё/g, 'Е')
    .replace(SPACES_JS, ' ')
    .replace(/^ +| +$/g, '')
    .toUpperCase();
}

export type PersonPart = 'doc' | 'name' | 'birth';

/** Which part of a person's identity a header holds. */
export function personPart(header: string): PersonPart {
  const h = fold(header);
  if (/дата рождения/.test(h)) return 'birth';
  if (/серия|номер|документ|паспорт|снилс/.test(h)) return 'doc';
  return 'name';
}

/** The identity string: the document when filled, else the name (and birth date). */
export function personKey(parts: { part: PersonPart; value: string | null }[]): string | null {
  const join = (p: PersonPart) =>
    normalisePerson(
      parts
        .filter((x) => x.part === p && x.value)
        .map((x) => x.value)
        .join(' '),
    );
  const doc = join('doc');
  if (doc) return `doc:${doc}`;
  const name = join('name');
  if (!name) return null;
  const birth = birthIso(join('birth'));
  return birth ? `name:${name}|${birth}` : `name:${name}`;
}

/** «01.02.2010» and an XLSX date cell (ISO) are the same birth date: both become ISO. */
function birthIso(text: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return (m && isoDate(Number(m[3]), Number(m[2]), Number(m[1]))) || text;
}

export function pseudonym(key: string, identity: string | null): string | null {
  if (identity === null) return null;
  return createHash('sha256').update(`${key}|${identity}`).digest('hex').slice(0, 24);
}

/** The SQL twin of `pseudonym(key, personKey(parts))`; `$key` is a prepared parameter. */
export function personSql(parts: { part: PersonPart; expr: string }[], keyParam: string): string {
  const norm = (e: string) =>
    `upper(trim(regexp_replace(replace(replace(${e}, 'ё', 'е'), 'Ё', 'Е'), '${SPACES_SQL}', ' ', 'g'), ' '))`;
  const joined = (p: PersonPart) => {
    const exprs = parts.filter((x) => x.part === p).map((x) => `NULLIF(${x.expr}, '')`);
    return exprs.length ? norm(`concat_ws(' ', ${exprs.join(', ')})`) : "''";
  };
  const doc = joined('doc');
  const name = joined('name');
  const b = joined('birth');
  const birth = `coalesce(CASE WHEN regexp_matches(${b}, '^\\d{1,2}\\.\\d{1,2}\\.\\d{4}$') THEN strftime(try_strptime(${b}, '%d.%m.%Y'), '%Y-%m-%d') END, ${b})`;
  const identity =
    `CASE WHEN ${doc} <> '' THEN 'doc:' || ${doc} ` +
    `WHEN ${name} <> '' THEN 'name:' || ${name} || CASE WHEN ${birth} <> '' THEN '|' || ${birth} ELSE '' END END`;
  return `substr(sha256(${keyParam} || '|' || (${identity})), 1, 24)`;
}
