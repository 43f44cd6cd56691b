import { UserError } from '../cli/errors.js';
import { MONTHS_GENITIVE } from '../text/russian.js';
import type { ColumnSpec, Contract } from './contracts/types.js';
import { parseDate } from './parse/dates.js';
import { subjectSpellings } from './reference-lookups.js';

/** Where a value kept outside the table came from (DOMAIN §3.3), for the summary. */
export type Origin = 'столбец' | 'заголовок' | 'имя файла' | 'флаг' | 'дата изменения файла';

export interface MetaValue {
  raw: string;
  origin: Origin;
}

export interface MetaFlags {
  year?: string;
  snapshotDate?: string;
  /** `--set column=value` for any other value kept outside the table. */
  set?: Record<string, string>;
}

const DATE = /(\d{1,2}\.\d{1,2}\.\d{4})/;

/** «по состоянию на 15.06.2022» or «на 15 июня 2022 г.» in a title row. */
export function snapshotFromTitle(title: string): string | undefined {
  const t = title.toLowerCase();
  const m = new RegExp(`(?:по состоянию )?на\\s+(${DATE.source.slice(1, -1)}|\\d{4}-\\d{2}-\\d{2})`).exec(t);
  if (m) {
    const d = parseDate(m[1]);
    if (d.ok) return d.value;
  }
  const w = /(?:по состоянию )?на\s+(\d{1,2})\s+([а-я]+)\s+(\d{4})/.exec(t);
  if (w) {
    const month = (MONTHS_GENITIVE as readonly string[]).indexOf(w[2]) + 1;
    if (month > 0) {
      const d = parseDate(`${w[1]}.${month}.${w[3]}`);
      if (d.ok) return d.value;
    }
  }
  return undefined;
}

/** Finds a value of one column in a free text (a title row or a file name). */
function findIn(spec: ColumnSpec, text: string): string | undefined {
  const t = text.toLowerCase().replace(/ё/g, 'е');
  // Dates that are not the data's own: the snapshot («по состоянию на») and the export's timestamp.
  const withoutSnapshot = t
    .replace(/(по состоянию )?на\s+(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})/g, ' ')
    .replace(
      /(сформирован\S*|выгружен\S*|дата (выгрузки|формирования|печати))\s*:?\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})/g,
      ' ',
    );
  switch (spec.name) {
    case 'year':
    case 'cohort': {
      const m = /(?:^|[^\d])(20\d{2})(?:\s*[/–-]\s*((?:20)?\d{2}))?(?!\d)/.exec(withoutSnapshot);
      return m ? (m[2] ? `${m[1]}/${m[2]}` : m[1]) : undefined;
    }
    case 'grade': {
      const m =
        /(?:^|[^\d])(\d{1,2})\s*(?:-?\s*[йх]\s*)?(?:кл(?![а-я])|класс)|(?:класс|параллель)\s*[:№]?\s*(\d{1,2})(?!\d)/.exec(
          t,
        );
      return m ? (m[1] ?? m[2]) : undefined;
    }
    case 'subject': {
      const m = /предмет\s*[:–-]\s*(.+?)(?:[;,\n]|\.\s|\.?$)/.exec(t);
      if (m) return m[1].trim();
      return subjectSpellings().find((s) =>
        new RegExp(`(^|[^а-я])${escapeRegExp(s.spelling)}([^а-я]|$)`).test(t),
      )?.code;
    }
    case 'school_login': {
      const m = /\b((?:sch|edu)\d{6,8})\b/.exec(t);
      return m?.[1];
    }
    case 'exam_date': {
      const m = DATE.exec(withoutSnapshot) ?? /(\d{4}-\d{2}-\d{2})/.exec(withoutSnapshot);
      return m?.[1];
    }
    case 'stage': {
      const m = /этап\s*(?:№\s*)?([12])(?!\d)|(?<!\d)([12])\s*(?:-?\s*й\s*)?этап/.exec(t);
      return m ? (m[1] ?? m[2]) : undefined;
    }
    case 'round': {
      const m = /(?<![а-я])(июнь|июня|ноябрь|ноября)(?![а-я])/.exec(t);
      return m ? (m[1].startsWith('июн') ? 'июнь' : 'ноябрь') : undefined;
    }
    case 'wave': {
      // «волна 1», «волна № 2», or «1-я волна» / «вторая волна»; not the word before «волна» in «2025 год, волна 1».
      const m =
        /волна\s*(?:№\s*)?([^\s,.;:)]+)/.exec(t) ??
        /(?<![\wа-я])(\d+|перв\S*|втор\S*|трет\S*)\s*(?:-?\s*(?:я|ая)\s+)?волна/.exec(t);
      return m ? m[1].replace(/[^\wа-я]/g, '') : undefined;
    }
    case 'session': {
      const m = /(?<![а-я])(весна|весенн\S*|осень|осенн\S*)/.exec(t);
      return m ? (m[1].startsWith('вес') ? 'весна' : 'осень') : undefined;
    }
    case 'respondent_group': {
      const m = /(?<![а-я])(директор\S*|учител\S*|педагог\S*|ученик\S*|обучающ\S*|родител\S*)/.exec(t);
      if (!m) return undefined;
      const w = m[1];
      return w.startsWith('дир')
        ? 'директор'
        : w.startsWith('учит') || w.startsWith('пед')
          ? 'учителя'
          : w.startsWith('род')
            ? 'родители'
            : 'ученики';
    }
    case 'roadmap_code': {
      if (/500\s*\+|500 плюс/.test(t)) return '500+';
      if (/региональн\S* программ/.test(t)) return 'Региональная программа';
      return undefined;
    }
    case 'assessment_name': {
      const m = /(региональн\S*\s+(?:диагностическ\S*|проверочн\S*|контрольн\S*)\s+работ\S*[^;\n]*)/.exec(t);
      return m?.[1].trim();
    }
    default:
      return undefined;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const FLAG_HINT: Record<string, string> = {
  year: '--year 2026',
  snapshot_date: '--snapshot-date 15.06.2026',
};

/**
 * Values of the contract's meta columns missing from the table: title rows, else the file name, else a
 * flag (DOMAIN §3.3). Optional meta columns are filled when found; a required one found nowhere is an error.
 */
export function resolveMeta(
  contract: Contract,
  presentColumns: Set<string>,
  title: string,
  fileName: string,
  flags: MetaFlags,
  file: string,
): Map<string, MetaValue> {
  const out = new Map<string, MetaValue>();
  for (const spec of contract.columns) {
    if (!spec.meta || presentColumns.has(spec.name)) continue;
    const fromTitle = findIn(spec, title);
    const fromName =
      fromTitle === undefined
        ? findIn(spec, fileName.replace(/\.[a-z]{2,4}$/i, '').replace(/[_]+/g, ' '))
        : undefined;
    const fromFlag = spec.name === 'year' ? flags.year : flags.set?.[spec.name];
    const value =
      fromTitle !== undefined
        ? { raw: fromTitle, origin: 'заголовок' as const }
        : fromName !== undefined
          ? { raw: fromName, origin: 'имя файла' as const }
          : fromFlag !== undefined
            ? { raw: fromFlag, origin: 'флаг' as const }
            : undefined;
    if (value) out.set(spec.name, value);
    else if (spec.required) {
      const flag = FLAG_HINT[spec.name] ?? `--set ${spec.name}=ЗНАЧЕНИЕ`;
      throw new UserError(
        `Файл «${file}» (${contract.title}): не удалось определить значение «${spec.title}» — нет ни столбца, ни указания в заголовке ` +
          `или имени файла. Добавьте столбец «${spec.title}» или укажите значение флагом ${flag}.`,
      );
    }
  }
  return out;
}

/** The snapshot date: a title row, else --snapshot-date, else the file's modification date (§3.2). */
export function resolveSnapshot(title: string, flags: MetaFlags, mtime: Date, file: string): MetaValue {
  const fromTitle = snapshotFromTitle(title);
  if (fromTitle) return { raw: fromTitle, origin: 'заголовок' };
  if (flags.snapshotDate) {
    const d = parseDate(flags.snapshotDate);
    if (!d.ok) {
      throw new UserError(`Флаг --snapshot-date «${flags.snapshotDate}» (файл «${file}»): ${d.reason}.`);
    }
    return { raw: d.value, origin: 'флаг' };
  }
  const local = new Date(mtime.getTime() - mtime.getTimezoneOffset() * 60_000);
  return { raw: local.toISOString().slice(0, 10), origin: 'дата изменения файла' };
}
