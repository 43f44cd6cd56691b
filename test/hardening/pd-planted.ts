/**
 * The personal data the personal-data test plants in its inbox, and the markers it plants beside
 * them in columns the warehouse keeps (to prove a scanner sees the rows the personal data came in).
 * Every value is distinctive: none occurs in the samples, in Russian words or in a hex hash.
 */

/** A student: in ВПР, РДР, ОГЭ and ЕГЭ files (CSV Windows-1251 and XLSX). */
export const STUDENT = {
  last: 'Уникальнов',
  first: 'Тестислав',
  middle: 'Персонович',
  docSeries: '4512',
  docNumber: '987654',
  snils: '123-456-789 01',
  birth: '17.03.2009',
  birthIso: '2009-03-17',
};
export const STUDENT_NAME = `${STUDENT.last} ${STUDENT.first} ${STUDENT.middle}`;

/** A teacher: in the ДИРО diagnostics (XLSX and CSV), the courses and the questionnaires (CSV UTF-8). */
export const TEACHER = {
  last: 'Конфиденцов',
  first: 'Приватий',
  middle: 'Тайнович',
  snils: '112-233-445 95',
};
export const TEACHER_NAME = `${TEACHER.last} ${TEACHER.first} ${TEACHER.middle}`;

/** A director: in the managers' diagnostics (CSV Windows-1251). */
export const DIRECTOR = { last: 'Секретовская', first: 'Конспирина', middle: 'Скрытовна' };
export const DIRECTOR_NAME = `${DIRECTOR.last} ${DIRECTOR.first} ${DIRECTOR.middle}`;

/**
 * Markers in kept columns of the rows that carry the planted people (class names, a teacher's
 * code): the warehouse must hold them, so a scan that misses them sees nothing.
 */
export const MARKERS = {
  vprCsv: '5МАЯКВПРЦ',
  vprXlsx: '5МАЯКВПРИКС',
  rdr: '7МАЯКРДР',
  oge: '9МАЯКОГЭ',
  ege: '11МАЯКЕГЭ',
  teacherXlsx: 'ПМАЯК01',
  teacherCsv: 'ПМАЯК02',
};

/** What a scan looks for. `digits`: matched only between non-hex characters (a hash holds any digits). */
export interface Planted {
  label: string;
  text: string;
  digits?: boolean;
}

const names = (who: string, p: { last: string; first: string; middle: string }): Planted[] => [
  { label: `${who}: фамилия`, text: p.last },
  { label: `${who}: имя`, text: p.first },
  { label: `${who}: отчество`, text: p.middle },
];

const snils = (who: string, s: string): Planted[] => [
  { label: `${who}: СНИЛС`, text: s },
  { label: `${who}: СНИЛС без пробела`, text: s.replace(' ', '-') },
  { label: `${who}: СНИЛС цифрами`, text: s.replace(/\D/g, ''), digits: true },
  { label: `${who}: СНИЛС через пробелы`, text: s.replace(/-/g, ' ') },
];

/** Every planted value and its obvious written variants (case is handled by the scanners). */
export const PLANTED: Planted[] = [
  ...names('ученик', STUDENT),
  { label: 'ученик: серия и номер', text: `${STUDENT.docSeries} ${STUDENT.docNumber}` },
  { label: 'ученик: серия и номер слитно', text: `${STUDENT.docSeries}${STUDENT.docNumber}`, digits: true },
  { label: 'ученик: номер документа', text: STUDENT.docNumber, digits: true },
  ...snils('ученик', STUDENT.snils),
  { label: 'ученик: дата рождения', text: STUDENT.birth },
  { label: 'ученик: дата рождения ISO', text: STUDENT.birthIso },
  ...names('педагог', TEACHER),
  ...snils('педагог', TEACHER.snils),
  ...names('директор', DIRECTOR),
];

export const MARKERS_PLANTED: Planted[] = Object.entries(MARKERS).map(([label, text]) => ({
  label: `маркер ${label}`,
  text,
}));
