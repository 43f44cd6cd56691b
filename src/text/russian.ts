/** Russian typography for user-facing text: numbers, plurals, dates. */

const plural = new Intl.PluralRules('ru');
const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** «1 файл», «2 файла», «5 файлов»: forms for one / few / many. */
export function plur(n: number, one: string, few: string, many: string): string {
  const form = plural.select(n);
  return `${integer.format(n)}\u00a0${form === 'one' ? one : form === 'few' ? few : many}`;
}

/** An integer with non-breaking thousand separators: 1 234 567. */
export function num(n: number): string {
  return integer.format(n).replace(/\u202f/g, '\u00a0');
}

/** ISO date → «15.06.2026». */
export function ruDate(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const s = typeof iso === 'string' ? iso : iso.toISOString();
  const [y, m, d] = s.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** Month names: nominative («октябрь») and genitive («31 октября»). */
export const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;
export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;
