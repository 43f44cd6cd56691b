import type { ColumnSpec, ValueKind } from './types.js';

/** Builds a column spec; `req` marks it required (`*` in DOMAIN.md §3.6). */
export function col(
  name: string,
  kind: ValueKind,
  title: string,
  opts: Partial<Omit<ColumnSpec, 'name' | 'kind' | 'title'>> = {},
): ColumnSpec {
  return { name, kind, title, ...opts };
}

export const req = { required: true } as const;

export const year = (opts: Partial<ColumnSpec> = {}) =>
  col('year', 'year', 'год', { required: true, meta: true, ...opts });
export const schoolLogin = (required = true) => col('school_login', 'login', 'логин ОО', { required });
export const factorCode = (required = true) => col('factor_code', 'factor', 'фактор риска', { required });

export const RESPONDENT_GROUPS: Record<string, string[]> = {
  директор: ['директор', 'руководитель', 'администрация'],
  учителя: ['учителя', 'учитель', 'педагоги', 'педагог'],
  ученики: ['ученики', 'ученик', 'обучающиеся', 'обучающийся', 'учащиеся'],
  родители: ['родители', 'родитель'],
};

export const DOC_TYPES: Record<string, string[]> = {
  'концепция развития': ['концепция развития', 'концепция'],
  'среднесрочная программа развития': [
    'среднесрочная программа развития',
    'программа развития',
    'среднесрочная программа',
    'программа',
  ],
  'антирисковая программа': ['антирисковая программа', 'антирисковая', 'программа антирисковых мер'],
};

export const SCHOOL_PERSON_HEADERS = [
  'фио',
  'фамилия',
  'имя',
  'отчество',
  'фио обучающегося',
  'фио участника',
  'фио ученика',
  'фио педагога',
  'фио учителя',
  'фио работника',
  'серия документа',
  'номер документа',
  'серия',
  'номер',
  'документ, удостоверяющий личность',
  'дата рождения',
  'снилс',
];
