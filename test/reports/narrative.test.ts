import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changeSentence } from '../../src/reports/narrative/change.js';
import { formatDate, formatDateLong, formatMonth } from '../../src/reports/narrative/dates.js';
import { divideRounded, roundDecimal } from '../../src/reports/narrative/decimal.js';
import { EFFECT_COLUMNS, effectSentence } from '../../src/reports/narrative/effect.js';
import { joinList } from '../../src/reports/narrative/list.js';
import { municipalityPhrase, regionPhrase, withPreposition } from '../../src/reports/narrative/names.js';
import {
  formatNum,
  formatPct,
  formatPctOf,
  formatPctValue,
  formatPp,
  formatSignedPp,
} from '../../src/reports/narrative/numbers.js';
import { pluralPhrase } from '../../src/reports/narrative/plural.js';
import { quote } from '../../src/reports/narrative/quote.js';
import { rankingSentence } from '../../src/reports/narrative/ranking.js';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const PP = `п.${NBSP}п.`;

/** Reads «−1 234,5» back as units of its last decimal: the inverse of the formatting, for round trips. */
function units(text: string): bigint {
  const plain = text
    .replace(/\u00a0/g, '')
    .replace(MINUS, '-')
    .replace('+', '')
    .replace(',', '');
  return BigInt(plain);
}

describe('rounding half away from zero', () => {
  it('rounds the decimal a double stands for, not its binary value', () => {
    // 0.815 is 0.81499999… as a double, 1.005 is 1.00499…, 81.15 is 81.1499…: all must round up.
    expect(roundDecimal(0.815, 1, 2)).toEqual({ units: 815n, digits: 1 });
    expect(roundDecimal(1.005, 2)).toEqual({ units: 101n, digits: 2 });
    expect(roundDecimal(81.15, 1)).toEqual({ units: 812n, digits: 1 });
    expect(roundDecimal(-2.5, 0)).toEqual({ units: -3n, digits: 0 });
    expect(roundDecimal(0.1 + 0.2, 1)).toEqual({ units: 3n, digits: 1 });
    expect(roundDecimal(1e-9, 1)).toEqual({ units: 0n, digits: 1 });
    expect(roundDecimal(12345678901234567890n, 1)).toEqual({ units: 123456789012345678900n, digits: 1 });
  });

  it('equals exact integer rounding for every decimal k / 10^(d+1), however the double came out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (k, d) => {
          const value = k / 10 ** (d + 1);
          expect(roundDecimal(value, d).units).toBe(divideRounded(BigInt(k), 10n));
        },
      ),
    );
  });

  it('a share of two counts rounds the same from the double as from the counts', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10_000 })
          .chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
        fc.integer({ min: 0, max: 2 }),
        ([count, total], d) => {
          expect(formatPct(count / total, d)).toBe(formatPctOf(count, total, d));
        },
      ),
    );
  });
});

describe('numbers', () => {
  it('groups thousands with a non-breaking space and writes a decimal comma and a true minus', () => {
    expect(formatNum(1234)).toBe(`1${NBSP}234`);
    expect(formatNum(999)).toBe('999');
    expect(formatNum(12.5)).toBe('12,5');
    expect(formatNum(-1234567.891, 2)).toBe(`${MINUS}1${NBSP}234${NBSP}567,89`);
    expect(formatNum(0.1 + 0.2)).toBe('0,3');
    expect(formatNum(3, 1)).toBe('3,0');
    expect(formatNum(-0.04, 1)).toBe('0,0');
    expect(formatNum(12345678901234567890n)).toBe(
      ['12', '345', '678', '901', '234', '567', '890'].join(NBSP),
    );
    expect(formatNum('12.5')).toBe('12,5');
  });

  it('writes «—» for a missing value and refuses what is not a number', () => {
    expect(formatNum(null)).toBe('—');
    expect(formatNum(undefined)).toBe('—');
    expect(formatNum(Number.NaN)).toBe('—');
    expect(() => formatNum('двенадцать')).toThrow(/ожидалось число/);
    expect(() => formatNum(true)).toThrow(/ожидалось число/);
  });

  it('percents of a fraction: non-breaking space before «%», whole by default', () => {
    expect(formatPct(0.81)).toBe(`81${NBSP}%`);
    expect(formatPct(0.815, 1)).toBe(`81,5${NBSP}%`);
    expect(formatPct(0.125)).toBe(`13${NBSP}%`);
    expect(formatPct(-0.125)).toBe(`${MINUS}13${NBSP}%`);
    expect(formatPct(1)).toBe(`100${NBSP}%`);
    expect(formatPct(null)).toBe('—');
  });

  it('percents of counts are exact, and nothing to divide by gives «—»', () => {
    expect(formatPctOf(163, 200, 1)).toBe(`81,5${NBSP}%`);
    expect(formatPctOf(1, 3, 1)).toBe(`33,3${NBSP}%`);
    expect(formatPctOf(2, 3)).toBe(`67${NBSP}%`);
    expect(formatPctOf(3n, 2000n, 1)).toBe(`0,2${NBSP}%`);
    expect(formatPctOf(5, 0)).toBe('—');
    expect(formatPctOf(null, 10)).toBe('—');
    expect(() => formatPctOf(1.5, 10)).toThrow(/целое/);
  });

  it('a value that is a percent already keeps one decimal by default', () => {
    expect(formatPctValue(81.1)).toBe(`81,1${NBSP}%`);
    expect(formatPctValue(81.15)).toBe(`81,2${NBSP}%`);
    expect(formatPctValue(81.1, 0)).toBe(`81${NBSP}%`);
  });

  it('percentage points: the size with pp, or the sign with a true minus', () => {
    expect(formatPp(-6.3)).toBe(`6,3${NBSP}${PP}`);
    expect(formatPp(6.25)).toBe(`6,3${NBSP}${PP}`);
    expect(formatSignedPp(6.25)).toBe(`+6,3${NBSP}${PP}`);
    expect(formatSignedPp(-6.25)).toBe(`${MINUS}6,3${NBSP}${PP}`);
    expect(formatSignedPp(0.01)).toBe(`0,0${NBSP}${PP}`);
    expect(formatSignedPp(-0.063, 1, 2)).toBe(`${MINUS}6,3${NBSP}${PP}`);
    expect(formatPp(null)).toBe('—');
  });
});

describe('plural', () => {
  const forms = ['школа', 'школы', 'школ'] as const;

  it('chooses the form by the count and joins them with a non-breaking space', () => {
    const cases: [number, string][] = [
      [1, 'школа'],
      [2, 'школы'],
      [4, 'школы'],
      [5, 'школ'],
      [11, 'школ'],
      [12, 'школ'],
      [21, 'школа'],
      [22, 'школы'],
      [111, 'школ'],
      [0, 'школ'],
    ];
    for (const [n, word] of cases) expect(pluralPhrase(n, ...forms)).toBe(`${n}${NBSP}${word}`);
    expect(pluralPhrase(1234, ...forms)).toBe(`1${NBSP}234${NBSP}школы`);
  });

  it('bare gives the word only; a fractional count takes the «few» form; nothing gives «—»', () => {
    expect(pluralPhrase(5, ...forms, true)).toBe('школ');
    expect(pluralPhrase(21n, ...forms, true)).toBe('школа');
    expect(pluralPhrase(1.5, ...forms)).toBe(`1,5${NBSP}школы`);
    expect(pluralPhrase(-1, ...forms)).toBe(`${MINUS}1${NBSP}школа`);
    expect(pluralPhrase(null, ...forms)).toBe('—');
  });
});

describe('dates', () => {
  it('writes short, long and month forms with non-breaking spaces', () => {
    expect(formatDate('2026-10-31')).toBe('31.10.2026');
    expect(formatDateLong('2026-10-31')).toBe(`31${NBSP}октября 2026${NBSP}г.`);
    expect(formatDateLong('2026-03-01')).toBe(`1${NBSP}марта 2026${NBSP}г.`);
    expect(formatMonth('2026-10-31')).toBe(`октябрь 2026${NBSP}г.`);
  });

  it('reads a timestamp or a Date in UTC, gives «—» for nothing and refuses what is not a date', () => {
    expect(formatDate('2026-06-15 10:30:00')).toBe('15.06.2026');
    expect(formatDate(new Date(Date.UTC(2026, 5, 15)))).toBe('15.06.2026');
    expect(formatDate(null)).toBe('—');
    expect(() => formatDate('2026-02-30')).toThrow(/ГГГГ-ММ-ДД/);
    expect(() => formatMonth('15.06.2026')).toThrow(/ГГГГ-ММ-ДД/);
  });
});

describe('quotes and lists', () => {
  it('puts ёлочки outside and „лапки“ inside', () => {
    expect(quote('Ахтынский район')).toBe('«Ахтынский район»');
    expect(quote('МБОУ «СОШ № 1»')).toBe('«МБОУ „СОШ № 1“»');
    expect(quote('МБОУ "СОШ № 1"')).toBe('«МБОУ „СОШ № 1“»');
    expect(quote('«Ахтынский район»')).toBe('«Ахтынский район»');
    expect(quote('«А» и «Б»')).toBe('«„А“ и „Б“»');
    expect(quote(null)).toBe('—');
  });

  it('joins with commas and «и» before the last', () => {
    expect(joinList(['А', 'Б', 'В'])).toBe('А, Б и В');
    expect(joinList(['А', 'Б'])).toBe('А и Б');
    expect(joinList(['А'])).toBe('А');
    expect(joinList(['А', null, ' ', 'Б'])).toBe('А и Б');
    expect(joinList([])).toBe('—');
  });
});

describe('names in cases', () => {
  const ahty = {
    nominative: 'Ахтынский район',
    genitive: 'Ахтынского района',
    prepositional: 'Ахтынском районе',
  };

  it('uses the configured form, with a preposition only when asked', () => {
    expect(municipalityPhrase({ forms: ahty, grammaticalCase: 'genitive' })).toBe('Ахтынского района');
    expect(municipalityPhrase({ forms: ahty, grammaticalCase: 'prepositional' })).toBe('Ахтынском районе');
    expect(municipalityPhrase({ forms: ahty, grammaticalCase: 'prepositional', prep: 'в' })).toBe(
      'в Ахтынском районе',
    );
    expect(municipalityPhrase({ forms: ahty, grammaticalCase: 'prepositional', prep: 'о' })).toBe(
      'об Ахтынском районе',
    );
    const vladikavkaz = { nominative: 'Владикавказ', prepositional: 'Владикавказе' };
    expect(municipalityPhrase({ forms: vladikavkaz, grammaticalCase: 'prepositional', prep: 'в' })).toBe(
      'во Владикавказе',
    );
  });

  it('falls back to the generic noun in the case and the quoted nominative', () => {
    expect(municipalityPhrase({ forms: ahty, grammaticalCase: 'dative' })).toBe(
      'муниципальному образованию «Ахтынский район»',
    );
    expect(
      municipalityPhrase({ nominative: 'Ахтынский район', grammaticalCase: 'prepositional', prep: 'в' }),
    ).toBe('в муниципальном образовании «Ахтынский район»');
    expect(municipalityPhrase({ nominative: 'Ахтынский район', grammaticalCase: 'nominative' })).toBe(
      'Ахтынский район',
    );
    expect(
      municipalityPhrase({ nominative: 'городской округ «город Махачкала»', grammaticalCase: 'genitive' }),
    ).toBe('муниципального образования «городской округ „город Махачкала“»');
    expect(municipalityPhrase({ code: '0101', grammaticalCase: 'instrumental' })).toBe(
      'муниципальным образованием с кодом 0101',
    );
  });

  it('the region the same way', () => {
    const region = { nominative: 'Республика Дагестан', prepositional: 'Республике Дагестан' };
    expect(regionPhrase(region, 'prepositional')).toBe('Республике Дагестан');
    expect(regionPhrase(region, 'prepositional', 'в')).toBe('в Республике Дагестан');
    expect(regionPhrase(region, 'genitive')).toBe('региона «Республика Дагестан»');
    expect(regionPhrase(region, 'nominative')).toBe('Республика Дагестан');
  });

  it('chooses the euphonic form of a preposition', () => {
    expect(withPreposition('в', 'Владикавказе')).toBe('во Владикавказе');
    expect(withPreposition('в', 'Веденском районе')).toBe('в Веденском районе');
    expect(withPreposition('с', 'Ставропольским краем')).toBe('со Ставропольским краем');
    expect(withPreposition('с', 'Самуром')).toBe('с Самуром');
    expect(withPreposition('о', 'Ахтынском районе')).toBe('об Ахтынском районе');
    expect(withPreposition('о', 'Дербенте')).toBe('о Дербенте');
  });
});

describe('ranking', () => {
  const factors = [
    { name: 'Низкий уровень оснащения школы', share: 0.81 },
    { name: 'Высокая доля обучающихся с рисками учебной неуспешности', share: 0.78 },
    { name: 'Низкая учебная мотивация обучающихся', share: 0.49 },
    { name: 'Дефицит педагогических кадров', share: 0.3 },
  ];
  const options = { count: 3, kind: 'fraction' as const, digits: 0 };

  it('writes the sentence of the Dagestan note, with an en dash that does not start a line', () => {
    expect(rankingSentence(factors, 'name', 'share', options)).toBe(
      `на первом месте «Низкий уровень оснащения школы»${NBSP}– 81${NBSP}%, ` +
        `на втором${NBSP}– «Высокая доля обучающихся с рисками учебной неуспешности»${NBSP}– 78${NBSP}%, ` +
        `на третьем${NBSP}– «Низкая учебная мотивация обучающихся»${NBSP}– 49${NBSP}%`,
    );
  });

  it('rows that read the same share a place, and the next place follows on', () => {
    const rows = [
      { n: 'А', v: 0.81 },
      { n: 'Б', v: 0.781 },
      { n: 'В', v: 0.7751 }, // 78 % as shown, though smaller
      { n: 'Г', v: 0.49 },
    ];
    expect(rankingSentence(rows, 'n', 'v', options)).toBe(
      `на первом месте «А»${NBSP}– 81${NBSP}%, на втором месте «Б» и «В»${NBSP}– по 78${NBSP}%, ` +
        `на третьем${NBSP}– «Г»${NBSP}– 49${NBSP}%`,
    );
    const firstTied = [
      { n: 'А', v: 0.5 },
      { n: 'Б', v: 0.5 },
      { n: 'В', v: 0.5 },
    ];
    expect(rankingSentence(firstTied, 'n', 'v', { ...options, count: 1 })).toBe(
      `на первом месте «А», «Б» и «В»${NBSP}– по 50${NBSP}%`,
    );
  });

  it('count is places: a tie at the last place is named whole', () => {
    const rows = [
      { n: 'А', v: 0.9 },
      { n: 'Б', v: 0.5 },
      { n: 'В', v: 0.5 },
      { n: 'Г', v: 0.1 },
    ];
    const text = rankingSentence(rows, 'n', 'v', { ...options, count: 2 });
    expect(text).toContain('«Б» и «В»');
    expect(text).not.toContain('«Г»');
    expect(text).not.toContain('третьем');
  });

  it('reads percents and decimals as asked, skips rows without a value, writes «—» for none', () => {
    const rows = [
      { n: 'А', v: 81.14 },
      { n: 'Б', v: null },
      { n: 'В', v: 78.05 },
    ];
    expect(rankingSentence(rows, 'n', 'v', { count: 3, kind: 'percent', digits: 1 })).toBe(
      `на первом месте «А»${NBSP}– 81,1${NBSP}%, на втором${NBSP}– «В»${NBSP}– 78,1${NBSP}%`,
    );
    expect(rankingSentence([{ n: 'А', v: null }], 'n', 'v', options)).toBe('—');
  });

  it('names places up to the tenth and refuses rows out of order or without a name', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ n: `Ф${i + 1}`, v: (10 - i) / 100 }));
    expect(rankingSentence(ten, 'n', 'v', { ...options, count: 10 })).toContain(`на десятом${NBSP}– «Ф10»`);
    expect(() => rankingSentence(ten, 'n', 'v', { ...options, count: 11 })).toThrow(/count/);
    expect(() => rankingSentence([...factors].reverse(), 'name', 'share', options)).toThrow(/по убыванию/);
    expect(() => rankingSentence([{ v: 0.5 }], 'n', 'v', options)).toThrow(/нет значения n/);
  });
});

describe('change', () => {
  const fraction = { kind: 'fraction' as const, digits: 1, gender: 'f' as const };

  it('fell, rose, stayed: the verb agrees with the subject', () => {
    expect(changeSentence(0.184, 0.121, 'доля «2»', fraction)).toBe(
      `доля «2» снизилась с 18,4${NBSP}% до 12,1${NBSP}%, на 6,3${NBSP}${PP}`,
    );
    expect(changeSentence(0.121, 0.184, 'доля «2»', fraction)).toBe(
      `доля «2» выросла с 12,1${NBSP}% до 18,4${NBSP}%, на 6,3${NBSP}${PP}`,
    );
    expect(changeSentence(0.1841, 0.1838, 'доля «2»', fraction)).toBe(
      `доля «2» не изменилась (18,4${NBSP}%)`,
    );
    expect(changeSentence(3.4, 3.62, 'средний балл', { kind: 'number', digits: 1, gender: 'm' })).toBe(
      'средний балл вырос с 3,4 до 3,6, на 0,2',
    );
    expect(changeSentence(40, 35, 'качество знаний', { kind: 'percent', digits: 0, gender: 'n' })).toBe(
      `качество знаний снизилось с 40${NBSP}% до 35${NBSP}%, на 5${NBSP}${PP}`,
    );
    expect(changeSentence(0.5, 0.6, 'показатели', { ...fraction, gender: 'pl' })).toContain('выросли');
    expect(changeSentence(null, 0.6, 'доля «2»', fraction)).toBe('доля «2»: нет данных для сравнения');
  });

  it('the difference is that of the shown values, so the sentence adds up', () => {
    const pattern = new RegExp(`с (\\S+)${NBSP}% до (\\S+)${NBSP}%, на (\\S+)${NBSP}${PP}$`);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (b, a) => {
          const text = changeSentence(b, a, 'доля', fraction);
          const match = pattern.exec(text);
          if (!match) {
            expect(text).toMatch(/^доля не изменилась \(/);
            expect(formatPct(a, 1)).toBe(formatPct(b, 1));
            return;
          }
          const [from, to, by] = [units(match[1]), units(match[2]), units(match[3])];
          expect(from - to).toBe(text.includes('снизилась') ? by : -by);
          expect(`${match[1]}${NBSP}%`).toBe(formatPct(b, 1));
        },
      ),
    );
  });
});

describe('project effect', () => {
  /** A row of project_effect as the mart gives it; each test changes what its branch is about. */
  function effectRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      measure: 'share_2',
      n_shnor: 21,
      n_comparison: 80,
      did_share2_pp: -8.48,
      did_ci_low_pp: -14.95,
      did_ci_high_pp: -2.01,
      small_group: false,
      interval_below_zero: true,
      improved: true,
      schools_with_marker: 0,
      confirmed: true,
      ...overrides,
    };
  }
  const options = { minGroup: 20 };
  const interval = (low: string, high: string) => `(от ${low} до ${high}${NBSP}${PP})`;

  it('every column it reads is a column of the mart', () => {
    const yml = parse(readFileSync('sql/marts/project_effect.yml', 'utf8')) as {
      columns: Record<string, unknown>;
    };
    for (const column of EFFECT_COLUMNS) expect(Object.keys(yml.columns)).toContain(column);
  });

  it('improved and confirmed: «улучшилось» with the estimate and its interval', () => {
    expect(effectSentence(effectRow(), options)).toBe(
      `улучшилось: относительно группы сравнения доля «2» снизилась на 8,5${NBSP}${PP} ` +
        interval(`${MINUS}15,0`, `${MINUS}2,0`),
    );
    const withMarkers = effectSentence(effectRow({ schools_with_marker: 3 }), options);
    expect(withMarkers).toMatch(/^улучшилось: /);
    expect(withMarkers).toMatch(/, в том числе без школ с признаками необъективности$/);
  });

  it('improved but not without the schools with markers: not confirmed, and says how many', () => {
    const text = effectSentence(effectRow({ schools_with_marker: 6, confirmed: false }), options);
    expect(text).not.toMatch(/улучшилось/);
    expect(text).toBe(
      `относительно группы сравнения доля «2» снизилась на 8,5${NBSP}${PP} ${interval(`${MINUS}15,0`, `${MINUS}2,0`)}, ` +
        `но без 6${NBSP}школ с признаками необъективности улучшение не подтверждено`,
    );
    expect(effectSentence(effectRow({ schools_with_marker: 1, confirmed: false }), options)).toContain(
      `без 1${NBSP}школы с признаками`,
    );
    expect(effectSentence(effectRow({ confirmed: false }), options)).toMatch(
      /, но улучшение не подтверждено$/,
    );
  });

  it('a small group gives no conclusion, whatever else the row says', () => {
    const text = effectSentence(effectRow({ small_group: true, n_shnor: 18, n_comparison: 64 }), options);
    expect(text).toBe(
      `в группе меньше 20${NBSP}школ${NBSP}— вывод не делается (в когорте 18${NBSP}школ, в группе сравнения 64${NBSP}школы)`,
    );
    expect(effectSentence(effectRow({ small_group: true }), { minGroup: 21 })).toContain(
      `меньше 21${NBSP}школы`,
    );
  });

  it('an interval that holds zero: not confirmed, with signed bounds', () => {
    const row = effectRow({
      did_share2_pp: 1.1,
      did_ci_low_pp: -1.2,
      did_ci_high_pp: 3.44,
      interval_below_zero: false,
      improved: false,
      confirmed: false,
    });
    expect(effectSentence(row, options)).toBe(
      `изменение статистически не подтверждено ${interval(`${MINUS}1,2`, '+3,4')}`,
    );
  });

  it('an interval wholly above zero: worsened; ЕГЭ rows name their own measure', () => {
    const row = effectRow({
      measure: 'share_below_min',
      did_share2_pp: 5,
      did_ci_low_pp: 1,
      did_ci_high_pp: 9,
      interval_below_zero: false,
      improved: false,
      confirmed: false,
    });
    expect(effectSentence(row, options)).toBe(
      `ухудшилось: относительно группы сравнения доля не преодолевших минимальный порог выросла на 5,0${NBSP}${PP} ` +
        interval('+1,0', '+9,0'),
    );
  });

  it('no interval (a single school): no conclusion', () => {
    const row = effectRow({ did_ci_low_pp: null, did_ci_high_pp: null, improved: false, confirmed: false });
    expect(effectSentence(row, options)).toBe(`интервал не рассчитан${NBSP}— вывод не делается`);
  });

  it('refuses a row that lacks a column or has an unknown measure', () => {
    const { confirmed: _dropped, ...partial } = effectRow();
    expect(() => effectSentence(partial, options)).toThrow(/нет столбца confirmed/);
    expect(() => effectSentence(effectRow({ measure: 'mean_mark' }), options)).toThrow(/mean_mark/);
    expect(() => effectSentence(effectRow(), { minGroup: Number.NaN })).toThrow(/minGroup/);
  });
});
