import { fail, ok, type Parsed } from './numbers.js';

/** A period of a roadmap item: months (1–12), each with its year when the text names one. */
export interface Period {
  startMonth: number;
  endMonth: number;
  startYear?: number;
  endYear?: number;
}

const MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  // «май»/«мая» share a two-letter stem with «март»: match the longer stems first.
  const order = [...MONTHS.keys()].sort((a, b) => MONTHS[b].length - MONTHS[a].length);
  for (const i of order) {
    if (i === 4 ? /^ма[йяе]$/.test(w) : w.startsWith(MONTHS[i])) return i + 1;
  }
  return undefined;
}

const QUARTERS: Record<string, [number, number]> = { I: [1, 3], II: [4, 6], III: [7, 9], IV: [10, 12] };

/**
 * Parses Russian periods: «январь 2022 г.», «март-июнь», «май- июнь», «январь – февраль 2022»,
 * «в течение года», «в течение 2026 года» (январь–декабрь), «II квартал», «до 15 марта», «декабрь 2021 – январь 2022».
 */
export function parsePeriod(raw: string): Parsed<Period> {
  const text = raw.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  if (
    /в течение (всего )?((20\d{2} )?года|20\d{2} г|периода)|ежемесячно|постоянно|ежеквартально/.test(text)
  ) {
    const y = /(20\d{2})/.exec(text);
    return ok({
      startMonth: 1,
      endMonth: 12,
      startYear: y ? Number(y[1]) : undefined,
      endYear: y ? Number(y[1]) : undefined,
    });
  }
  const q = /^([ivx]+)\s*(квартал|кв\.?)/i.exec(text);
  if (q && QUARTERS[q[1].toUpperCase()]) {
    const [s, e] = QUARTERS[q[1].toUpperCase()];
    const y = /(20\d{2})/.exec(text);
    return ok({
      startMonth: s,
      endMonth: e,
      startYear: y ? Number(y[1]) : undefined,
      endYear: y ? Number(y[1]) : undefined,
    });
  }
  const tokens = [...text.matchAll(/([а-я]+)(?:\s+(20\d{2}))?/g)];
  const found: { month: number; year?: number }[] = [];
  for (const t of tokens) {
    const month = monthOf(t[1]);
    if (month) found.push({ month, year: t[2] ? Number(t[2]) : undefined });
  }
  if (found.length === 0 || found.length > 2)
    return fail('не удалось распознать срок (ожидается, например, «март–июнь 2026»)');
  const trailingYear = /(20\d{2})\s*(г\.?|года?)?\s*$/.exec(text);
  const last = found[found.length - 1];
  const endYear = last.year ?? (trailingYear ? Number(trailingYear[1]) : undefined);
  const first = found[0];
  const startYear =
    first.year ?? (found.length === 1 ? endYear : first.month <= last.month ? endYear : undefined);
  if (
    startYear !== undefined &&
    endYear !== undefined &&
    startYear * 12 + first.month > endYear * 12 + last.month
  )
    return fail('срок начинается позже, чем заканчивается: проверьте месяцы и годы');
  return ok({ startMonth: first.month, endMonth: last.month, startYear, endYear });
}
