import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { fold, readUserAliases } from '../../src/ingest/aliases.js';
import { SCHOOL_PERSON_HEADERS } from '../../src/ingest/contracts/columns.js';
import { CONTRACTS, type ColumnSpec, type Contract } from '../../src/ingest/contracts/index.js';
import { DELIMITERS, detectDelimiter, splitLine } from '../../src/ingest/detect/dialect.js';
import { decode, detectEncoding } from '../../src/ingest/detect/encoding.js';
import { detectFileKind } from '../../src/ingest/detect/file-kind.js';
import { aliasIndex, findHeader, matchRow } from '../../src/ingest/header.js';
import { parseDate, parseYear } from '../../src/ingest/parse/dates.js';
import { parseInteger, parseNumber } from '../../src/ingest/parse/numbers.js';
import { parsePeriod } from '../../src/ingest/parse/period.js';
import { parseValue, SQL_TYPE } from '../../src/ingest/parse/value.js';
import { factorLookup, subjectLookup } from '../../src/ingest/reference-lookups.js';
import { MONTHS, MONTHS_GENITIVE, num } from '../../src/text/russian.js';
import { encode1251 } from '../helpers/workspace.js';

/**
 * Properties of what reads untrusted text: the dialect sniffer, the Russian number / date / period
 * parsers and the header matcher. Each either returns or refuses with a UserError (never another
 * error), and round trips hold. Run counts are modest: the file runs in a few seconds.
 * (test/ingest/parse.test.ts already checks every parser on short arbitrary strings.)
 */

const RUNS = 300;
/** SHNOR_PROPERTY_RUNS=20 runs every property twenty times as often (a deeper search, never in CI). */
const SCALE = Number(process.env.SHNOR_PROPERTY_RUNS ?? 1);
const run = <T>(arb: fc.Arbitrary<T>, check: (v: T) => void, numRuns = RUNS) =>
  fc.assert(fc.property(arb, check), { numRuns: numRuns * SCALE });

/** Calls f; a UserError is an allowed answer, any other error fails the property. */
function returnsOrRefuses<T>(f: () => T): T | UserError {
  try {
    return f();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

const CYR_UPPER = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const CYR = `${CYR_UPPER}${CYR_UPPER.toLowerCase()}`;
const chars = (alphabet: string) => fc.constantFrom(...alphabet);
const word = (alphabet: string, min = 1, max = 12) =>
  fc.string({ unit: chars(alphabet), minLength: min, maxLength: max });
/** Text the sniffers and parsers meet: any Unicode, and the characters of Russian exports. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: chars(`${CYR}Ёё0123456789 ,.;:-–—+/\\"'«»№\t\u00a0\u202f\r\n`), maxLength: 80 }),
);

describe('encoding sniffer', () => {
  it('any bytes: an encoding, or a UserError naming the file', () => {
    run(
      fc.oneof(
        fc.uint8Array({ maxLength: 400 }),
        anyText.map((t) => Buffer.from(t, 'utf8')),
        // UTF-8 and Windows-1251 pieces glued together at any byte.
        fc
          .tuple(anyText, anyText, fc.nat(80))
          .map(([a, b, cut]) => Buffer.concat([Buffer.from(a), safe1251(b)]).subarray(cut)),
      ),
      (bytes) => {
        const r = returnsOrRefuses(() => detectEncoding(Buffer.from(bytes), 'файл.csv'));
        if (r instanceof UserError) expect(r.message).toMatch(/^Файл «файл\.csv», строка \d+: /);
        else expect(['utf-8', 'windows-1251']).toContain(r.encoding);
        expect(typeof decode(Buffer.from(bytes), 'windows-1251')).toBe('string');
        expect(typeof decode(Buffer.from(bytes), 'utf-8')).toBe('string');
      },
      500,
    );
  });

  it('UTF-8 text is UTF-8, with or without BOM, even cut inside a letter', () => {
    run(fc.tuple(anyText, fc.boolean(), fc.integer({ min: 0, max: 3 })), ([text, bom, cut]) => {
      const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf8');
      const sample = bytes.subarray(0, Math.max(bom ? 3 : 0, bytes.length - cut));
      expect(detectEncoding(sample)).toEqual({ encoding: 'utf-8', bom });
    });
  });

  it('Windows-1251 text with Cyrillic words is Windows-1251, whatever its quotes and capitals, even after a UTF-8 mark', () => {
    run(fc.tuple(cp1251Lines, fc.boolean()), ([lines, bom]) => {
      const text = lines.join('\r\n');
      const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), encode1251(text)]);
      expect(detectEncoding(bytes, 'реестр.csv')).toEqual({ encoding: 'windows-1251', bom });
      expect(decode(bytes, 'windows-1251')).toBe(text);
    });
  });

  it('UTF-8 lines pasted into a Windows-1251 file are refused, naming the first line of the fewer kind', () => {
    run(
      fc.tuple(cp1251Lines, cp1251Lines, fc.nat()),
      ([base, pasted, at]) => {
        const where = at % (base.length + 1);
        const parts = [
          ...base.slice(0, where).map((l) => encode1251(`${l}\r\n`)),
          ...pasted.map((l) => Buffer.from(`${l}\r\n`, 'utf8')),
          ...base.slice(where).map((l) => encode1251(`${l}\r\n`)),
        ];
        const r = returnsOrRefuses(() => detectEncoding(Buffer.concat(parts), 'реестр.csv'));
        expect(r).toBeInstanceOf(UserError);
        const line = Number(/строка (\d+):/.exec((r as UserError).message)?.[1]);
        // The pasted piece when it is the smaller part, else the first line of the file's own encoding.
        expect(line).toBe(pasted.length < base.length ? where + 1 : where > 0 ? 1 : pasted.length + 1);
      },
      150,
    );
  });
});

describe('file kind sniffer', () => {
  it('any bytes: xlsx, text, or a UserError naming the file', () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    run(
      fc.oneof(
        fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
        anyText.map((t) => Buffer.from(t)),
        fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([cfb, b])),
        fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from('PK\x03\x04'), b])),
        anyText.map((t) => Buffer.from(`\ufeff  <html>${t}`)),
      ),
      (head) => {
        const r = returnsOrRefuses(() => detectFileKind(head, 'выгрузка.csv'));
        if (r instanceof UserError) expect(r.message).toMatch(/^Файл «выгрузка\.csv» /);
        else expect(['xlsx', 'text']).toContain(r);
      },
      500,
    );
  });

  it('a text table is text, in either encoding', () => {
    run(fc.tuple(cp1251Lines, fc.boolean()), ([lines, utf8]) => {
      const text = lines.join('\r\n');
      const bytes = utf8 ? Buffer.from(text) : encode1251(text);
      expect(detectFileKind(bytes, 'реестр.csv')).toBe('text');
    });
  });
});

describe('delimiter sniffer', () => {
  it('any lines: one of the known delimiters', () => {
    run(fc.array(anyText, { maxLength: 12 }), (lines) => {
      expect(DELIMITERS).toContain(detectDelimiter(lines));
      for (const line of lines) expect(Array.isArray(splitLine(line, ';'))).toBe(true);
    });
  });

  it('a table written with a delimiter (quoted where a value holds it) is sniffed as that delimiter', () => {
    run(
      fc
        .record({
          delimiter: fc.constantFrom(...DELIMITERS),
          columns: fc.integer({ min: 2, max: 8 }),
          rows: fc.integer({ min: 1, max: 15 }),
        })
        .chain(({ delimiter, columns, rows }) =>
          fc.record({
            delimiter: fc.constant(delimiter),
            header: fc.array(headerWord, { minLength: columns, maxLength: columns }),
            body: fc.array(fc.array(value, { minLength: columns, maxLength: columns }), {
              minLength: rows,
              maxLength: rows,
            }),
          }),
        ),
      ({ delimiter, header, body }) => {
        const lines = [header, ...body].map((row) => row.map((c) => csvField(c, delimiter)).join(delimiter));
        expect(detectDelimiter(lines)).toBe(delimiter);
        for (const [i, row] of [header, ...body].entries())
          expect(splitLine(lines[i], delimiter)).toEqual(row);
      },
    );
  });
});

describe('Russian numbers', () => {
  const digits = (min: number, max: number) => word('0123456789', min, max);
  const grouped = (int: string, sep: string) =>
    sep === '' ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  it('a number written the Russian way reads back as itself', () => {
    run(
      fc.record({
        sign: fc.constantFrom('', '-', '+', '\u2212'),
        int: fc.oneof(fc.nat({ max: 999 }), fc.maxSafeNat()).map(String),
        frac: fc.option(digits(1, 6), { nil: undefined }),
        group: fc.constantFrom('', ' ', '\u00a0', '\u202f'),
        point: fc.constantFrom(',', '.'),
        pad: fc.constantFrom('', ' ', '\t', '\u00a0'),
      }),
      ({ sign, int, frac, group, point, pad }) => {
        const text = `${pad}${sign}${grouped(int, group)}${frac === undefined ? '' : point + frac}${pad}`;
        const expected =
          0 + Number(`${sign === '\u2212' ? '-' : sign}${int}${frac === undefined ? '' : `.${frac}`}`);
        expect(parseNumber(text)).toEqual({ ok: true, value: expected });
        if (frac === undefined || /^0+$/.test(frac))
          expect(parseInteger(text)).toEqual({ ok: true, value: expected });
        else expect(parseInteger(text).ok).toBe(false);
      },
      500,
    );
  });

  it('what the reports print (Intl ru-RU and num()) reads back', () => {
    const ru = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 6 });
    run(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
      const shown = ru.format(x);
      const exact = Number(
        shown
          .replace(/[\s\u00a0\u202f]/g, '')
          .replace(',', '.')
          .replace('\u2212', '-'),
      );
      expect(parseNumber(shown)).toEqual({ ok: true, value: exact + 0 });
      const n = Math.round(x);
      expect(parseInteger(num(n))).toEqual({ ok: true, value: n + 0 });
    });
  });

  it('numbers out of any text: a value or a reason, never a throw, never NaN or Infinity', () => {
    run(
      fc.oneof(anyText, word('0123456789 ,.-+\u00a0\u2212e', 0, 400)),
      (text) => {
        for (const r of [parseNumber(text), parseInteger(text)]) {
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          else expect(r.reason).toMatch(/^не (целое )?число$/);
        }
      },
      500,
    );
  });
});

describe('Russian dates', () => {
  const day = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('dd.mm.yyyy (padded or not, «г.», a time) reads back as its date', () => {
    run(
      fc.tuple(
        day,
        fc.boolean(),
        fc.constantFrom('.', '/'),
        fc.constantFrom('', ' г.', ' г', 'г.', ' 00:00', ' 13:45:10', 'T08:30'),
      ),
      ([iso, pad, sep, tail]) => {
        const [y, m, d] = iso.split('-');
        const p = (s: string) => (pad ? s : String(Number(s)));
        const text = `${p(d)}${sep}${p(m)}${sep}${y}${tail}`;
        expect(parseDate(text)).toEqual({ ok: true, value: iso });
        expect(parseDate(`${iso}${tail.startsWith('T') || tail.startsWith(' 1') ? tail : ''}`)).toEqual({
          ok: true,
          value: iso,
        });
      },
      500,
    );
  });

  it('an Excel serial day reads back as its date', () => {
    const excelDay = fc
      .date({
        min: new Date(Date.UTC(1927, 4, 18)),
        max: new Date(Date.UTC(2099, 11, 31)),
        noInvalidDate: true,
      })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
    run(fc.tuple(excelDay, fc.constantFrom('', ',5', '.25')), ([date, fraction]) => {
      const serial = (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
      expect(parseDate(`${serial}${fraction}`)).toEqual({ ok: true, value: date.toISOString().slice(0, 10) });
    });
  });

  it('a day, month and year of any numbers: the date exactly when the calendar has it', () => {
    run(
      fc.tuple(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1890, max: 2110 }),
      ),
      ([d, m, y]) => {
        const real = new Date(Date.UTC(y, m - 1, d));
        const exists =
          y >= 1900 &&
          y <= 2100 &&
          m >= 1 &&
          m <= 12 &&
          d >= 1 &&
          real.getUTCDate() === d &&
          real.getUTCMonth() === m - 1;
        const r = parseDate(`${d}.${m}.${y}`);
        expect(r.ok).toBe(exists);
        if (r.ok) expect(r.value).toBe(real.toISOString().slice(0, 10));
      },
      500,
    );
  });

  it('a year and an academic year read back as the (spring) year', () => {
    run(
      fc.tuple(fc.integer({ min: 2001, max: 2099 }), fc.constantFrom('/', '-', '–', ' / '), fc.boolean()),
      ([y, sep, short]) => {
        expect(parseYear(`${y}`)).toEqual({ ok: true, value: y });
        expect(parseYear(`${y} г.`)).toEqual({ ok: true, value: y });
        const spring = short ? String(y % 100).padStart(2, '0') : String(y);
        expect(parseYear(`${y - 1}${sep}${spring}`)).toEqual({ ok: true, value: y });
        expect(parseYear(`${y}${sep}${spring}`).ok).toBe(false);
      },
    );
  });
});

describe('roadmap periods (month ranges)', () => {
  const PREPOSITIONAL = MONTHS.map((m, i) => (i === 4 ? 'мае' : `${m.replace(/[ьй]$/, '')}е`));
  const month = fc.integer({ min: 1, max: 12 });
  const spelling = (m: number) =>
    fc
      .tuple(
        fc.constantFrom(MONTHS[m - 1], MONTHS_GENITIVE[m - 1], PREPOSITIONAL[m - 1]),
        fc.constantFrom(0, 1, 2),
      )
      .map(([w, c]) => (c === 0 ? w : c === 1 ? w[0].toUpperCase() + w.slice(1) : w.toUpperCase()));
  const dash = fc.constantFrom('-', '–', '—', ' - ', ' – ', '- ', ' —  ');
  const yearTail = (y: number) => fc.constantFrom(` ${y}`, ` ${y} г.`, ` ${y} года`, ` ${y}г.`);

  it('«март–июнь 2026» in any spelling: those months, that year', () => {
    run(
      fc
        .tuple(month, month, fc.integer({ min: 2000, max: 2099 }))
        .map(([a, b, y]) => [Math.min(a, b), Math.max(a, b), y] as const)
        .chain(([a, b, y]) =>
          fc.tuple(fc.constant([a, b, y] as const), spelling(a), dash, spelling(b), yearTail(y)),
        ),
      ([[a, b, y], first, sep, last, tail]) => {
        const text = a === b ? `${first}${tail}` : `${first}${sep}${last}${tail}`;
        expect(parsePeriod(text)).toEqual({
          ok: true,
          value: { startMonth: a, endMonth: b, startYear: y, endYear: y },
        });
      },
      400,
    );
  });

  it('«декабрь 2021 – январь 2022»: each month with its own year; a period that ends before it starts is refused', () => {
    run(
      fc
        .tuple(month, month, fc.integer({ min: 2001, max: 2098 }), fc.integer({ min: -1, max: 1 }))
        .chain(([a, b, y, more]) =>
          fc.tuple(fc.constant([a, b, y, y + more] as const), spelling(a), dash, spelling(b)),
        ),
      ([[a, b, y1, y2], first, sep, last]) => {
        const r = parsePeriod(`${first} ${y1}${sep}${last} ${y2}`);
        if (y1 * 12 + a <= y2 * 12 + b)
          expect(r).toEqual({ ok: true, value: { startMonth: a, endMonth: b, startYear: y1, endYear: y2 } });
        else expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^срок начинается позже/) });
      },
    );
  });

  it('quarters and «в течение года»', () => {
    const QUARTERS = ['I', 'II', 'III', 'IV'];
    run(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2000, max: 2099 }), fc.boolean()),
      ([q, y, short]) => {
        expect(parsePeriod(`${QUARTERS[q]} ${short ? 'кв.' : 'квартал'} ${y} года`)).toEqual({
          ok: true,
          value: { startMonth: q * 3 + 1, endMonth: q * 3 + 3, startYear: y, endYear: y },
        });
        expect(parsePeriod(`В течение ${y} года`)).toEqual({
          ok: true,
          value: { startMonth: 1, endMonth: 12, startYear: y, endYear: y },
        });
      },
    );
  });

  it('any text: months 1–12 with plausible years, or a reason', () => {
    const periodish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...MONTHS,
            ...MONTHS_GENITIVE,
            'квартал',
            'кв.',
            'в течение',
            'года',
            'до',
            'г.',
            'IV',
            'мартышка',
          ),
          fc.integer({ min: 1990, max: 2110 }).map(String),
          word(`${CYR} -–—./0123456789`, 1, 6),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join(' '));
    run(
      fc.oneof(anyText, periodish),
      (text) => {
        const r = parsePeriod(text);
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0);
          return;
        }
        const { startMonth, endMonth, startYear, endYear } = r.value;
        for (const m of [startMonth, endMonth]) expect(m >= 1 && m <= 12 && Number.isInteger(m)).toBe(true);
        for (const y of [startYear, endYear]) if (y !== undefined) expect(y >= 2000 && y <= 2099).toBe(true);
        if (startYear !== undefined && endYear !== undefined) expect(startYear).toBeLessThanOrEqual(endYear);
      },
      500,
    );
  });
});

describe('a value of any column', () => {
  const ctx = { factors: factorLookup(), subjects: subjectLookup() };
  const specs = CONTRACTS.flatMap((c) => c.columns);
  /** What a parsed value must be to fit the column raw_<source> stores it in (SQL_TYPE). */
  const fits: Record<string, (v: unknown) => boolean> = {
    VARCHAR: (v) => typeof v === 'string',
    INTEGER: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2_147_483_647,
    DOUBLE: (v) => Number.isFinite(v),
    DATE: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDate(v).ok,
    BOOLEAN: (v) => typeof v === 'boolean',
  };

  it('is parsed into what its SQL column holds, or refused with a reason; never a throw', () => {
    run(
      fc.tuple(
        fc.constantFrom(...specs),
        fc.oneof(
          anyText,
          word('0123456789 ,.-\u00a0', 1, 24),
          fc.constantFrom('99999999999', '-2147483649', '1e400'),
        ),
      ),
      ([spec, raw]) => {
        const v = parseValue(spec, raw, ctx);
        if (v.reason !== null) {
          expect(v.value).toBeNull();
          expect(v.reason.length).toBeGreaterThan(0);
        } else if (!v.absent) {
          expect(fits[SQL_TYPE[spec.kind]](v.value), `${spec.name} ${JSON.stringify(raw)} → ${v.value}`).toBe(
            true,
          );
        }
      },
      1500,
    );
  });
});

describe('header-alias matcher', () => {
  const factors = factorLookup();
  const indexes = new Map(CONTRACTS.map((c) => [c.source, aliasIndex(c, [])]));
  const PERSON = new Set(SCHOOL_PERSON_HEADERS.map(fold));

  /** Spellings that name exactly one column of the contract, with that column. */
  function unambiguous(contract: Contract): { spec: ColumnSpec; spellings: string[] }[] {
    const index = indexes.get(contract.source) as Map<string, ColumnSpec[]>;
    return contract.columns
      .filter((spec) => spec.kind !== 'person')
      .map((spec) => ({
        spec,
        spellings: [...index.entries()]
          .filter(([, specs]) => specs.length === 1 && specs[0] === spec)
          .map(([key]) => key)
          .concat([spec.name, ...(spec.aliases ?? [])].filter((s) => index.get(fold(s))?.length === 1)),
      }))
      .filter((c) => c.spellings.length > 0);
  }

  /** Header cells no column of the contract answers to. */
  const distractors = (contract: Contract) =>
    ['', '   ', 'Примечание', 'Столбец без названия', 'Подпись'].filter(
      (cell) => !indexes.get(contract.source)?.has(fold(cell)),
    );

  /** The ways people retype a header: any case, ё for е, runs of spaces, a trailing «*» or «:». */
  const retyped = (spelling: string) =>
    fc
      .record({
        cases: fc.array(fc.constantFrom(0, 1, 2), { minLength: spelling.length, maxLength: spelling.length }),
        yo: fc.array(fc.boolean(), { minLength: spelling.length, maxLength: spelling.length }),
        gap: fc.constantFrom(' ', '  ', '\u00a0', ' \t', '\n'),
        ends: fc.tuple(fc.constantFrom('', ' ', '  \u00a0'), fc.constantFrom('', ' ', '*', ':', ' *', '. ')),
      })
      .map(({ cases, yo, gap, ends }) => {
        const letters = [...spelling].map((ch, i) => {
          const c = (ch === 'е' || ch === 'Е') && yo[i] ? (ch === 'е' ? 'ё' : 'Ё') : ch;
          return cases[i] === 1 ? c.toUpperCase() : cases[i] === 2 ? c.toLowerCase() : c;
        });
        return `${ends[0]}${letters.join('').replace(/ /g, gap)}${ends[1]}`;
      });

  it('a header of known spellings, permuted and retyped, matches the same columns', () => {
    const contracts = CONTRACTS.map((c) => ({ contract: c, columns: unambiguous(c) })).filter(
      (c) => c.columns.length > 0,
    );
    run(
      fc.constantFrom(...contracts).chain(({ contract, columns }) =>
        fc.tuple(
          fc.constant(contract),
          fc.shuffledSubarray(columns, { minLength: 1 }).chain((chosen) =>
            fc.tuple(
              ...chosen.map((c) =>
                fc
                  .constantFrom(...c.spellings)
                  .chain(retyped)
                  .map((h) => [c.spec.name, h] as const),
              ),
            ),
          ),
          fc.array(fc.constantFrom(...distractors(contract)), { maxLength: 3 }),
        ),
      ),
      ([contract, cells, extra]) => {
        const row = [...cells.map(([, h]) => h), ...extra];
        const m = matchRow(
          contract,
          indexes.get(contract.source) as Map<string, ColumnSpec[]>,
          row,
          [],
          factors,
        );
        expect(Object.fromEntries(m.columns)).toEqual(
          Object.fromEntries(cells.map(([name], i) => [name, i])),
        );
        expect(m.personCells).toEqual([]);
      },
      500,
    );
  });

  it('any rows: a header found or not, never a throw; person headers never become columns', () => {
    const cellText = fc.oneof(
      anyText,
      fc.constantFrom(
        ...[...indexes.values()].flatMap((index) => [...index.keys()]),
        ...SCHOOL_PERSON_HEADERS.map((h) => h.toUpperCase()),
        'Фактор 3',
        '5(1)',
      ),
    );
    run(
      fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 6 }),
      (rows) => {
        const preview = rows.map((cells, i) => ({ unit: i, line: i + 1, cells }));
        const { best, ties } = findHeader(preview, CONTRACTS, indexes, factors, 'выгрузка.csv');
        if (best) {
          expect(best.score).toBeGreaterThan(0);
          for (const i of best.columns.values())
            expect(PERSON.has(fold(best.header[i])), best.header[i]).toBe(false);
        }
        expect(Array.isArray(ties)).toBe(true);
        for (const cell of rows.flat()) {
          expect(fold(fold(cell))).toBe(fold(cell));
        }
      },
      200,
    );
  });

  describe('the user alias file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shnor-props-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('any content: aliases or a UserError naming the file and line', () => {
      const path = join(dir, 'aliases.csv');
      run(
        fc.oneof(
          anyText,
          fc
            .array(fc.tuple(word(CYR, 0, 6), word('abcdefgh_', 0, 6), anyText), { maxLength: 5 })
            .map((rows) => ['source;column;alias', ...rows.map((r) => r.join(';'))].join('\n')),
        ),
        (text) => {
          writeFileSync(path, text);
          const r = returnsOrRefuses(() => readUserAliases(path));
          if (r instanceof UserError)
            expect(r.message).toMatch(/^Файл псевдонимов .*aliases\.csv, строка \d+: /);
          else for (const a of r) expect(a.alias.length * a.column.length).toBeGreaterThan(0);
        },
        150,
      );
    });
  });
});

// ---- generators shared above -------------------------------------------------------------------

/** Encodes what Windows-1251 can hold; other characters become «?». */
function safe1251(text: string): Buffer {
  return encode1251(
    [...text].map((ch) => (ch < '\u0080' || /[А-яЁё«»№–—\u00a0]/.test(ch) ? ch : '?')).join(''),
  );
}

/** Words of school names as registries write them: capitals, «ёлочки», №, and words ending in Р or С. */
const schoolWord = fc.oneof(
  fc.constantFrom(
    'МКОУ',
    'МБОУ',
    'СОШ',
    'ЦЕНТР',
    'ПРОГРЕСС',
    'ЛИДЕР',
    'ПАРУС',
    'с.',
    'Ахты',
    'Рёбра',
    '№',
    'Гимназия',
  ),
  word(CYR, 2, 10),
);
const schoolName = fc
  .tuple(
    fc.constantFrom('МКОУ', 'МБОУ', 'ГКОУ', 'Гимназия'),
    fc.array(schoolWord, { maxLength: 3 }),
    fc.array(schoolWord, { minLength: 1, maxLength: 3 }),
  )
  .map(([kind, more, name]) => `${[kind, ...more].join(' ')} «${name.join(' ')}» № 1`);
/** Lines of a Windows-1251 export: a login, a school name, a number; each has a Cyrillic word of 4 letters. */
const cp1251Lines = fc.array(
  fc
    .tuple(fc.integer({ min: 50_000, max: 59_999 }), schoolName, fc.constantFrom(';', ','), fc.nat(2000))
    .map(([login, name, d, n]) => `sch0${login}${d}${name}${d}${n}`),
  { minLength: 1, maxLength: 30 },
);

const headerWord = word(`${CYR} ()№`, 1, 20);
const value = fc.oneof(
  word(`${CYR}0123456789 -`, 0, 15),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.tuple(fc.nat(999), fc.nat(99)).map(([a, b]) => `${a},${b}`),
  schoolName,
  fc.constantFrom(
    'да',
    'нет',
    '',
    '01.09.2026',
    '2025/2026',
    'МБОУ "СОШ № 1"',
    'Иванов; Петров',
    'a|b',
    'x\ty',
  ),
);
/** Quotes a field as Excel does: when it holds the delimiter, a quote or a line break. */
function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
