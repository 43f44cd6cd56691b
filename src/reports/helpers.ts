/**
 * The Handlebars helpers of the reports: Russian numbers, percents, plurals, dates, quotes, names in cases
 * and the sentences an analyst writes (ranking, change, project effect). Only the wiring lives here: the
 * functions are in ./narrative/. Helpers return plain strings, which Handlebars escapes.
 */

import type Handlebars from 'handlebars';
import { changeSentence, gender } from './narrative/change.js';
import { equals, greater, greaterOrEqual, less, lessOrEqual, truthy } from './narrative/compare.js';
import { formatDate, formatDateLong, formatMonth } from './narrative/dates.js';
import { effectSentence } from './narrative/effect.js';
import { joinList } from './narrative/list.js';
import { grammaticalCase, municipalityPhrase, type NameForms, regionPhrase } from './narrative/names.js';
import {
  formatNum,
  formatPct,
  formatPctOf,
  formatPctValue,
  formatPp,
  formatSignedPp,
  kindShift,
  VALUE_KINDS,
  type ValueKind,
} from './narrative/numbers.js';
import { pluralPhrase } from './narrative/plural.js';
import { quote } from './narrative/quote.js';
import { rankingSentence } from './narrative/ranking.js';

export type { NameForms } from './narrative/names.js';

export interface ReportSettings {
  /** «Министерство образования и науки Республики Дагестан». */
  organisation: string;
  /** The region in cases. */
  region: NameForms;
  /** Municipalities in cases, keyed by municipality_code; may be empty. */
  municipalities: Record<string, NameForms>;
}

type Hash = Record<string, unknown>;

/** Handlebars passes its options object last: split it from the positional arguments. */
function split(args: unknown[]): { positional: unknown[]; hash: Hash } {
  const options = args[args.length - 1] as { hash?: Hash } | undefined;
  return { positional: args.slice(0, -1), hash: options?.hash ?? {} };
}

function digitsOf(value: unknown, fallback: number | undefined, helper: string): number | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10) return value;
  throw new TypeError(`${helper}: digits должно быть целым от 0 до 10, а не ${JSON.stringify(value)}`);
}

function kindOf(value: unknown, fallback: ValueKind, helper: string): ValueKind {
  if (value === undefined || value === null) return fallback;
  const kind = VALUE_KINDS.find((k) => k === value);
  if (!kind) throw new TypeError(`${helper}: kind должно быть одним из ${VALUE_KINDS.join(', ')}`);
  return kind;
}

function text(value: unknown, helper: string, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${helper}: ${what} должно быть строкой`);
  return value;
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** Registers every helper on an isolated Handlebars instance (`Handlebars.create()`). */
export function registerHelpers(hb: typeof Handlebars, settings: ReportSettings): void {
  const helpers: Record<string, (...args: unknown[]) => unknown> = {
    // {{num n}}, {{num n 1}}
    num: (...args) => {
      const { positional, hash } = split(args);
      return formatNum(positional[0], digitsOf(hash.digits ?? positional[1], undefined, 'num'));
    },
    // {{pct share_x}}, {{pct share_x digits=1}}
    pct: (...args) => {
      const { positional, hash } = split(args);
      return formatPct(positional[0], digitsOf(hash.digits ?? positional[1], 0, 'pct'));
    },
    // {{pctOf n_done n_total}}
    pctOf: (...args) => {
      const { positional, hash } = split(args);
      return formatPctOf(positional[0], positional[1], digitsOf(hash.digits ?? positional[2], 0, 'pctOf'));
    },
    // {{pctValue pct_x}}
    pctValue: (...args) => {
      const { positional, hash } = split(args);
      return formatPctValue(positional[0], digitsOf(hash.digits ?? positional[1], 1, 'pctValue'));
    },
    // {{pp diff}}; kind="fraction" when the difference is one of shares
    pp: (...args) => {
      const { positional, hash } = split(args);
      const shift = kindShift(kindOf(hash.kind, 'percent', 'pp'));
      return formatPp(positional[0], digitsOf(hash.digits ?? positional[1], 1, 'pp'), shift);
    },
    signedPp: (...args) => {
      const { positional, hash } = split(args);
      const shift = kindShift(kindOf(hash.kind, 'percent', 'signedPp'));
      return formatSignedPp(positional[0], digitsOf(hash.digits ?? positional[1], 1, 'signedPp'), shift);
    },
    // {{plural n "школа" "школы" "школ"}}, bare=true for the word only
    plural: (...args) => {
      const { positional, hash } = split(args);
      const [n, one, few, many] = positional;
      const forms = [one, few, many].map((form) => text(form, 'plural', 'форма слова'));
      return pluralPhrase(n, forms[0], forms[1], forms[2], hash.bare === true);
    },
    date: (...args) => formatDate(split(args).positional[0]),
    dateLong: (...args) => formatDateLong(split(args).positional[0]),
    month: (...args) => formatMonth(split(args).positional[0]),
    q: (...args) => quote(split(args).positional[0]),
    // {{name municipality_code "genitive"}}, or with the name from the data: {{name code "genitive" municipality}}
    name: (...args) => {
      const { positional, hash } = split(args);
      const code = optionalText(positional[0]) ?? '';
      return municipalityPhrase({
        forms: settings.municipalities[code],
        nominative: optionalText(positional[2]),
        code,
        grammaticalCase: grammaticalCase(positional[1]),
        prep: optionalText(hash.prep),
      });
    },
    // {{municipalityPhrase municipality_code municipality "prepositional"}}
    municipalityPhrase: (...args) => {
      const { positional, hash } = split(args);
      const code = optionalText(positional[0]) ?? '';
      return municipalityPhrase({
        forms: settings.municipalities[code],
        nominative: optionalText(positional[1]),
        code,
        grammaticalCase: grammaticalCase(positional[2]),
        prep: optionalText(hash.prep),
      });
    },
    region: (...args) => {
      const { positional, hash } = split(args);
      return regionPhrase(settings.region, grammaticalCase(positional[0]), optionalText(hash.prep));
    },
    organisation: () => settings.organisation,
    // {{ranking rows "factor_name" "share_activated" count=3}}
    ranking: (...args) => {
      const { positional, hash } = split(args);
      const [rows, nameKey, valueKey] = positional;
      if (!Array.isArray(rows)) throw new TypeError('ranking: первый аргумент должен быть списком строк');
      return rankingSentence(
        rows,
        text(nameKey, 'ranking', 'имя столбца'),
        text(valueKey, 'ranking', 'имя столбца'),
        {
          count: hash.count === undefined ? 3 : Number(hash.count),
          kind: kindOf(hash.kind, 'fraction', 'ranking'),
          digits: digitsOf(hash.digits, 0, 'ranking') ?? 0,
        },
      );
    },
    // {{change before after "доля «2»" kind="fraction" gender="f"}}
    change: (...args) => {
      const { positional, hash } = split(args);
      const label = positional[2] === undefined ? '' : text(positional[2], 'change', 'подпись');
      return changeSentence(positional[0], positional[1], label, {
        kind: kindOf(hash.kind, 'fraction', 'change'),
        digits: digitsOf(hash.digits, 1, 'change') ?? 1,
        gender: gender(hash.gender),
      });
    },
    // {{effect this}} for a row of project_effect
    effect: (...args) => {
      const { positional, hash } = split(args);
      const row = positional[0];
      if (typeof row !== 'object' || row === null)
        throw new TypeError('effect: аргумент должен быть строкой витрины');
      return effectSentence(row as Record<string, unknown>, {
        minGroup: hash.minGroup === undefined ? 20 : Number(hash.minGroup),
      });
    },
    // {{list names}}, or {{list rows key="school_name"}}
    list: (...args) => {
      const { positional, hash } = split(args);
      const items = positional[0];
      if (items === null || items === undefined) return joinList([]);
      if (!Array.isArray(items)) throw new TypeError('list: аргумент должен быть списком');
      const key = optionalText(hash.key);
      return joinList(key ? items.map((item) => (item as Record<string, unknown> | null)?.[key]) : items);
    },
    eq: (...args) => equals(...(split(args).positional as [unknown, unknown])),
    ne: (...args) => !equals(...(split(args).positional as [unknown, unknown])),
    gt: (...args) => greater(...(split(args).positional as [unknown, unknown])),
    gte: (...args) => greaterOrEqual(...(split(args).positional as [unknown, unknown])),
    lt: (...args) => less(...(split(args).positional as [unknown, unknown])),
    lte: (...args) => lessOrEqual(...(split(args).positional as [unknown, unknown])),
    and: (...args) => split(args).positional.every(truthy),
    or: (...args) => split(args).positional.some(truthy),
    not: (...args) => !truthy(split(args).positional[0]),
  };
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, helper);
}
