import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseBool,
  parseFactor,
  parseLogin,
  parseMark,
  parseRiskLevel,
} from '../../src/ingest/parse/codes.js';
import { parseDate, parseYear } from '../../src/ingest/parse/dates.js';
import { parseInteger, parseNumber } from '../../src/ingest/parse/numbers.js';
import { parsePeriod } from '../../src/ingest/parse/period.js';
import { factorLookup } from '../../src/ingest/reference-lookups.js';

const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : undefined);

describe('numbers', () => {
  it('reads Russian decimals and thousands', () => {
    expect(value(parseNumber('12,5'))).toBe(12.5);
    expect(value(parseNumber('1 234,5'))).toBe(1234.5);
    expect(value(parseNumber('1\u00a0200'))).toBe(1200);
    expect(value(parseNumber('-3'))).toBe(-3);
    expect(value(parseNumber('12.0'))).toBe(12);
    expect(parseNumber('12,5,1').ok).toBe(false);
    expect(parseNumber('abc').ok).toBe(false);
    expect(parseInteger('7,5').ok).toBe(false);
  });
});

describe('dates', () => {
  it('reads dd.mm.yyyy, ISO and Excel serials; refuses dates not in the calendar', () => {
    expect(value(parseDate('15.06.2022'))).toBe('2022-06-15');
    expect(value(parseDate('5.6.2022'))).toBe('2022-06-05');
    expect(value(parseDate('2022-06-15'))).toBe('2022-06-15');
    expect(value(parseDate('15.06.2022 10:30'))).toBe('2022-06-15');
    expect(value(parseDate('44727'))).toBe('2022-06-15');
    expect(parseDate('31.02.2022')).toEqual({ ok: false, reason: 'такой даты нет в календаре' });
    expect(parseDate('вчера').ok).toBe(false);
  });
  it('reads calendar and academic years', () => {
    expect(value(parseYear('2025'))).toBe(2025);
    expect(value(parseYear('2025 г.'))).toBe(2025);
    expect(value(parseYear('2021/2022'))).toBe(2022);
    expect(parseYear('2021/2023').ok).toBe(false);
  });
});

describe('codes', () => {
  it('normalises logins: any case, edu = sch', () => {
    expect(value(parseLogin('SCH053012'))).toBe('sch053012');
    expect(value(parseLogin(' edu05301234 '))).toBe('sch05301234');
    expect(parseLogin('sch05301').ok).toBe(false);
    expect(parseLogin('школа 5').ok).toBe(false);
  });
  it('reads да/нет in their usual spellings', () => {
    for (const t of ['да', 'Да', '1', '+', 'ДА ']) expect(value(parseBool(t))).toBe(true);
    for (const f of ['нет', 'Нет', '0', '-']) expect(value(parseBool(f))).toBe(false);
    expect(parseBool('может быть').ok).toBe(false);
  });
  it('reads risk levels as words or digits', () => {
    expect(value(parseRiskLevel('Высокий'))).toBe(3);
    expect(value(parseRiskLevel('средний риск'))).toBe(2);
    expect(value(parseRiskLevel('0'))).toBe(0);
    expect(parseRiskLevel('5').ok).toBe(false);
  });
  it('reads factors as codes, «Фактор 3» and names', () => {
    const names = factorLookup();
    expect(value(parseFactor('3', names))).toBe(3);
    expect(value(parseFactor('Фактор 3', names))).toBe(3);
    expect(value(parseFactor('Низкий уровень оснащения школы', names))).toBe(1);
    expect(value(parseFactor('Мотивация', names))).toBe(10);
    expect(value(parseFactor('8. Высокая доля обучающихся с рисками учебной неуспешности', names))).toBe(8);
    expect(parseFactor('11', names).ok).toBe(false);
    expect(parseFactor('Погода', names).ok).toBe(false);
  });
  it('reads marks and absence', () => {
    expect(value(parseMark('5'))).toBe(5);
    expect(value(parseMark('отсутствовал'))).toBe('absent');
    expect(parseMark('6')).toEqual({ ok: false, reason: 'отметка вне диапазона 2–5' });
  });
});

describe('roadmap periods', () => {
  it('reads the spellings of seed 001', () => {
    expect(value(parsePeriod('январь 2022 г.'))).toEqual({
      startMonth: 1,
      endMonth: 1,
      startYear: 2022,
      endYear: 2022,
    });
    expect(value(parsePeriod('март-июнь'))).toEqual({
      startMonth: 3,
      endMonth: 6,
      startYear: undefined,
      endYear: undefined,
    });
    expect(value(parsePeriod('май- июнь'))).toMatchObject({ startMonth: 5, endMonth: 6 });
    expect(value(parsePeriod('январь - февраль'))).toMatchObject({ startMonth: 1, endMonth: 2 });
    expect(value(parsePeriod('в течение года'))).toMatchObject({ startMonth: 1, endMonth: 12 });
    expect(value(parsePeriod('декабрь 2021 – январь 2022'))).toEqual({
      startMonth: 12,
      endMonth: 1,
      startYear: 2021,
      endYear: 2022,
    });
    expect(parsePeriod('по мере необходимости').ok).toBe(false);
  });
});

describe('parsers never throw on any text', () => {
  it('holds for arbitrary strings', () => {
    const names = factorLookup();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        for (const parse of [
          parseNumber,
          parseInteger,
          parseDate,
          parseYear,
          parseLogin,
          parseBool,
          parseRiskLevel,
          parseMark,
          parsePeriod,
        ]) {
          const r = parse(s);
          expect(typeof r.ok).toBe('boolean');
        }
        expect(typeof parseFactor(s, names).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
