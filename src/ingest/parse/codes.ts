import { fold } from '../aliases.js';
import { fail, ok, type Parsed, parseInteger } from './numbers.js';

/** A ФИС ОКО login: `sch` or `edu` + 6–8 digits, any case; `edu…` is the same school as `sch…`. */
export function parseLogin(raw: string): Parsed<string> {
  const m = /^\s*(sch|edu)\s*(\d{6,8})\s*$/i.exec(raw);
  return m
    ? ok(`sch${m[2]}`)
    : fail('не логин ФИС ОКО (ожидается sch или edu и 6–8 цифр, например sch050123)');
}

const TRUE = new Set(['да', 'д', '1', '+', 'yes', 'y', 'true', 'истина', 'есть', 'v', '✓']);
const FALSE = new Set(['нет', 'н', '0', '-', '–', 'no', 'n', 'false', 'ложь']);

export function parseBool(raw: string): Parsed<boolean> {
  const v = fold(raw);
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return fail('ожидается «да» или «нет»');
}

const LEVELS: Record<string, number> = {
  высокий: 3,
  'высокий риск': 3,
  средний: 2,
  'средний риск': 2,
  низкий: 1,
  'низкий риск': 1,
  отсутствует: 0,
  нет: 0,
  'нет риска': 0,
  'риск отсутствует': 0,
};

/** Risk level of РПШ as a word or a digit 0–3 (3 = высокий). */
export function parseRiskLevel(raw: string): Parsed<number> {
  const v = fold(raw);
  if (v in LEVELS) return ok(LEVELS[v]);
  if (/^[0-3]$/.test(v)) return ok(Number(v));
  return fail('ожидается уровень риска: высокий, средний, низкий, отсутствует или 3/2/1/0');
}

/** A mark 2–5; `absent` when the cell says the participant was absent. */
export function parseMark(raw: string): Parsed<number | 'absent'> {
  const v = fold(raw);
  if (/^(отсутствовал[аи]?|не явил(ся|ась|ись)|н\/?я|неявка|отс)$/.test(v)) return ok('absent');
  const n = parseInteger(v);
  if (!n.ok) return fail('не отметка (ожидается 2, 3, 4 или 5)');
  return n.value >= 2 && n.value <= 5 ? n : fail('отметка вне диапазона 2–5');
}

/** Looks a value up among folded spellings: the shared way for enums, factors and subjects. */
export class Lookup {
  private readonly map = new Map<string, string | number>();
  add(spelling: string, value: string | number): this {
    this.map.set(fold(spelling), value);
    return this;
  }
  get(raw: string): string | number | undefined {
    return this.map.get(fold(raw));
  }
}

/** A risk factor as a code (1–10), «Фактор 3», «3. Дефицит …» or its name / short name. */
export function parseFactor(raw: string, names: Lookup): Parsed<number> {
  const v = fold(raw);
  const m = /^(?:фактор\s*(?:риска\s*)?(?:№\s*)?)?(\d{1,2})(?:[.)]\s*(.*))?$/.exec(v);
  if (m) {
    const code = Number(m[1]);
    return code >= 1 && code <= 10 ? ok(code) : fail('код фактора вне диапазона 1–10');
  }
  const byName = names.get(v.replace(/^«|»$/g, ''));
  return typeof byName === 'number'
    ? ok(byName)
    : fail('неизвестный фактор риска (см. справочник risk_factor)');
}
