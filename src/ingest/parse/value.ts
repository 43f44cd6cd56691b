import { num } from '../../text/russian.js';
import { fold } from '../aliases.js';
import type { ColumnSpec, ValueKind } from '../contracts/types.js';
import { type Lookup, parseBool, parseFactor, parseLogin, parseMark, parseRiskLevel } from './codes.js';
import { parseDate, parseYear } from './dates.js';
import { INT32_MAX, inRange, parseInteger, parseNumber } from './numbers.js';
import { parsePeriod } from './period.js';

/** The SQL type a parsed value of each kind is stored as. */
export const SQL_TYPE: Record<ValueKind, string> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  number: 'DOUBLE',
  date: 'DATE',
  bool: 'BOOLEAN',
  login: 'VARCHAR',
  rcoi_code: 'VARCHAR',
  year: 'INTEGER',
  factor: 'INTEGER',
  risk_level: 'INTEGER',
  subject: 'VARCHAR',
  enum: 'VARCHAR',
  period: 'VARCHAR',
  mark: 'INTEGER',
  person: 'VARCHAR',
};

/** Kinds stored as they are (trimmed) without a per-value parser. */
export const UNPARSED: ReadonlySet<ValueKind> = new Set(['text', 'person']);

export interface ParseContext {
  factors: Lookup;
  subjects: Lookup;
}

/** The result of parsing one distinct raw value of a column. */
export interface ParsedValue {
  value: string | number | boolean | null;
  reason: string | null;
  absent?: boolean;
}

const good = (value: string | number | boolean): ParsedValue => ({ value, reason: null });
const bad = (reason: string): ParsedValue => ({ value: null, reason });

/** Parses one raw value by its column's kind; `raw` is never blank here (blanks are handled in SQL). */
export function parseValue(spec: ColumnSpec, raw: string, ctx: ParseContext): ParsedValue {
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const n = spec.kind === 'int' ? parseInteger(raw) : parseNumber(raw);
      if (!n.ok) return bad(n.reason);
      // An INTEGER column holds ±2 147 483 647: a count beyond it is a mistake in the file.
      if (spec.kind === 'int' && Math.abs(n.value) > INT32_MAX)
        return bad(n.value > 0 ? `больше ${num(INT32_MAX)}` : `меньше \u2212${num(INT32_MAX)}`);
      const out = inRange(n.value, spec.min, spec.max);
      return out ? bad(out) : good(n.value);
    }
    case 'year': {
      const y = parseYear(raw);
      return y.ok ? good(y.value) : bad(y.reason);
    }
    case 'date': {
      const d = parseDate(raw);
      return d.ok ? good(d.value) : bad(d.reason);
    }
    case 'bool': {
      const b = parseBool(raw);
      return b.ok ? good(b.value) : bad(b.reason);
    }
    case 'login': {
      const l = parseLogin(raw);
      return l.ok ? good(l.value) : bad(l.reason);
    }
    case 'rcoi_code': {
      const code = raw.trim().replace(/\.0+$/, '');
      return /^[0-9A-Za-zА-Яа-я-]{1,20}$/.test(code) ? good(code) : bad('не код ОО РЦОИ');
    }
    case 'factor': {
      const f = parseFactor(raw, ctx.factors);
      return f.ok ? good(f.value) : bad(f.reason);
    }
    case 'risk_level': {
      const r = parseRiskLevel(raw);
      return r.ok ? good(r.value) : bad(r.reason);
    }
    case 'mark': {
      const m = parseMark(raw);
      if (!m.ok) return bad(m.reason);
      return m.value === 'absent' ? { value: null, reason: null, absent: true } : good(m.value);
    }
    case 'subject': {
      const s = ctx.subjects.get(raw);
      return typeof s === 'string'
        ? good(s)
        : bad('предмет не найден в справочнике subjects (добавьте написание в sql/seeds/subjects.csv)');
    }
    case 'enum': {
      const v = fold(raw);
      for (const [canonical, spellings] of Object.entries(spec.values ?? {})) {
        if (fold(canonical) === v || spellings.some((s) => fold(s) === v)) return good(canonical);
      }
      return bad(
        `допустимые значения: ${Object.keys(spec.values ?? {})
          .map((k) => `«${k}»`)
          .join(', ')}`,
      );
    }
    case 'period': {
      const p = parsePeriod(raw);
      if (!p.ok) return bad(p.reason);
      const { startMonth, endMonth, startYear, endYear } = p.value;
      return good(
        JSON.stringify({ startMonth, endMonth, startYear: startYear ?? null, endYear: endYear ?? null }),
      );
    }
    case 'text':
    case 'person':
      return good(raw.trim());
  }
}
