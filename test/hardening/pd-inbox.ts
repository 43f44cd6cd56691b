/**
 * The personal-data test's inbox: the samples (every source; per-school ВПР protocols of two schools
 * only, to keep the run short) with the planted people of pd-planted.ts written into a copy of
 * every source that carries personal data, in CSV (Windows-1251 and UTF-8) and XLSX; some of their
 * rows rejected on purpose; and files refused on purpose (no header, an open quote, mixed encodings).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { encodeCp1251 } from '../../src/samples/cp1251.js';
import { projectPath } from '../../src/warehouse/paths.js';
import ExcelJS from '../../src/xlsx/exceljs.js';
import { DIRECTOR_NAME, MARKERS, STUDENT, STUDENT_NAME, TEACHER, TEACHER_NAME } from './pd-planted.js';

export interface PlantedInbox {
  root: string;
  /** Files (relative to the inbox) that carry planted personal data and load. */
  planted: string[];
  /** Files that carry planted personal data and are refused as a whole. */
  refused: string[];
  /** Rows rejected on purpose: file name (no folder), line or sheet row, and what the reason says. */
  rejected: { file: string; line: number; reason: RegExp }[];
}

type Rows = string[][];
interface CsvFile {
  rows: Rows;
  encoding: 'windows-1251' | 'utf-8';
  delimiter: string;
  eol: string;
}

function readCsv(path: string): CsvFile {
  const buf = readFileSync(path);
  const utf8 = !buf.subarray(0, 4096).some((b) => b >= 0x80) || isUtf8(buf);
  const text = new TextDecoder(utf8 ? 'utf-8' : 'windows-1251').decode(buf);
  const delimiter = text.split('\n')[0].includes(';') ? ';' : ',';
  const rows = Papa.parse<string[]>(text, { delimiter, quoteChar: '"' }).data;
  if (rows.length && rows.at(-1)?.join('') === '') rows.pop();
  return {
    rows,
    encoding: utf8 ? 'utf-8' : 'windows-1251',
    delimiter,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function csvText(rows: Rows, delimiter: string, eol: string): string {
  const quote = (c: string) => c.includes(delimiter) || /["\r\n]/.test(c);
  return rows
    .map((r) => r.map((c) => (quote(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter))
    .join(eol)
    .concat(eol);
}

function writeCsv(path: string, f: CsvFile): void {
  const text = csvText(f.rows, f.delimiter, f.eol);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encodeCp1251(text));
}

/** Index of the header row (the first row with `header` among its cells) and of named columns. */
function header(rows: Rows, first: string): { at: number; col: (name: string) => number } {
  const at = rows.findIndex((r) => r.includes(first));
  if (at < 0) throw new Error(`no header with «${first}»`);
  return {
    at,
    col(name) {
      const i = rows[at].indexOf(name);
      if (i < 0) throw new Error(`no column «${name}» in ${rows[at].join(';')}`);
      return i;
    },
  };
}

/** Adds columns to the right of a table (and empty cells to every row below the header). */
function addColumns(rows: Rows, headerAt: number, names: string[]): number {
  const width = rows[headerAt].length;
  rows[headerAt].push(...names);
  for (let i = headerAt + 1; i < rows.length; i++) {
    while (rows[i].length < width) rows[i].push('');
    rows[i].push(...names.map(() => ''));
  }
  return width;
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function headerCols(sheet: ExcelJS.Worksheet, headerRow: number): Map<string, number> {
  const cols = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, n) => cols.set(String(cell.value), n));
  return cols;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = v.toISOString().slice(0, 10).split('-');
    return `${d[2]}.${d[1]}.${d[0]}`;
  }
  if (typeof v === 'number') return String(v).replace('.', ',');
  return String(v);
};

/** Builds the inbox below `root`; returns what was planted where. */
export async function buildPlantedInbox(root: string): Promise<PlantedInbox> {
  const samples = projectPath('data-samples');
  const manifest: { path: string }[] = JSON.parse(readFileSync(join(samples, 'manifest.json'), 'utf8')).files;
  const paths = [...new Set(manifest.map((m) => m.path))].filter(
    (p) => !/^vpr\/\d{4}\/sch/.test(p) || /sch050107|sch050123/.test(p),
  );
  for (const p of paths) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    cpSync(join(samples, p), join(root, p));
  }
  const inbox: PlantedInbox = { root, planted: [], refused: [], rejected: [] };
  const at = (p: string) => join(root, p);

  // ВПР, CSV Windows-1251: the first student becomes the planted one, with a СНИЛС and a birth date;
  // a row with more values than the header (the planted document among them) is rejected.
  {
    const p = 'vpr/2026/sch050107_matematika_5.csv';
    const f = readCsv(at(p));
    const h = header(f.rows, 'ФИО обучающегося');
    const width = addColumns(f.rows, h.at, ['СНИЛС', 'Дата рождения']);
    const row = f.rows[h.at + 1];
    row[h.col('ФИО обучающегося')] = STUDENT_NAME;
    row[h.col('Класс')] = MARKERS.vprCsv;
    row[width] = STUDENT.snils;
    row[width + 1] = STUDENT.birth;
    f.rows.push([...row, `${STUDENT.docSeries} ${STUDENT.docNumber}`, STUDENT_NAME]);
    writeCsv(at(p), f);
    inbox.planted.push(p);
    inbox.rejected.push({
      file: 'sch050107_matematika_5.csv',
      line: f.rows.length,
      reason: /правее последнего столбца/,
    });
  }

  // ВПР as XLSX: a protocol re-saved from Excel, one row with a mark out of range.
  {
    const csv = 'vpr/2026/sch050123_russkiy_5.csv';
    const p = 'vpr/2026/sch050123_russkiy_5.xlsx';
    const f = readCsv(at(csv));
    const h = header(f.rows, 'ФИО обучающегося');
    const row = f.rows[h.at + 1];
    row[h.col('ФИО обучающегося')] = STUDENT_NAME;
    row[h.col('Класс')] = MARKERS.vprXlsx;
    const bad = [...row];
    bad[h.col('Отметка по 5-балльной шкале')] = '7';
    f.rows.push(bad);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Протокол');
    for (const r of f.rows)
      sheet.addRow(r.map((c, i) => (i > h.col('Класс') && /^\d+$/.test(c) ? Number(c) : c)));
    await wb.xlsx.writeFile(at(p));
    rmSync(at(csv));
    inbox.planted.push(p);
    inbox.rejected.push({
      file: 'sch050123_russkiy_5.xlsx',
      line: f.rows.length,
      reason: /отметка вне диапазона/,
    });
  }

  // Региональная диагностическая работа, CSV Windows-1251.
  {
    const p = 'regional/rdr_2025_matematika_7.csv';
    const f = readCsv(at(p));
    const h = header(f.rows, 'ФИО обучающегося');
    f.rows[h.at + 1][h.col('ФИО обучающегося')] = STUDENT_NAME;
    f.rows[h.at + 1][h.col('Класс')] = MARKERS.rdr;
    writeCsv(at(p), f);
    inbox.planted.push(p);
  }

  // ОГЭ, CSV Windows-1251: name, document, birth date and a СНИЛС; a second attempt with mark 7 is rejected.
  {
    const p = 'oge/2026/oge_2026_matematika.csv';
    const f = readCsv(at(p));
    const h = header(f.rows, 'Фамилия');
    const width = addColumns(f.rows, h.at, ['СНИЛС']);
    const row = f.rows[h.at + 1];
    row[h.col('Фамилия')] = STUDENT.last;
    row[h.col('Имя')] = STUDENT.first;
    row[h.col('Отчество')] = STUDENT.middle;
    row[h.col('Серия документа')] = STUDENT.docSeries;
    row[h.col('Номер документа')] = STUDENT.docNumber;
    row[h.col('Дата рождения')] = STUDENT.birth;
    row[h.col('Класс')] = MARKERS.oge;
    row[width] = STUDENT.snils;
    const bad = [...row];
    bad[h.col('Оценка')] = '7';
    bad[h.col('Попытка')] = 'резервный';
    f.rows.push(bad);
    writeCsv(at(p), f);
    inbox.planted.push(p);
    inbox.rejected.push({
      file: 'oge_2026_matematika.csv',
      line: f.rows.length,
      reason: /отметка вне диапазона/,
    });
  }

  // ЕГЭ, XLSX: the same student (birth date as a date cell) and a СНИЛС column; a row of an unknown
  // school whose surname is longer than a cell may be is rejected.
  {
    const p = 'ege/ege_2026.xlsx';
    const wb = await readBook(at(p));
    const sheet = wb.getWorksheet('Русский язык');
    if (!sheet) throw new Error('ege_2026.xlsx: no sheet «Русский язык»');
    const cols = headerCols(sheet, 4);
    const snilsCol = sheet.getRow(4).cellCount + 1;
    sheet.getRow(4).getCell(snilsCol).value = 'СНИЛС';
    const row = sheet.getRow(5);
    const set = (name: string, value: ExcelJS.CellValue) => {
      const c = cols.get(name);
      if (!c) throw new Error(`ege_2026.xlsx: no column «${name}»`);
      row.getCell(c).value = value;
    };
    set('Фамилия', STUDENT.last);
    set('Имя', STUDENT.first);
    set('Отчество', STUDENT.middle);
    set('Серия документа', STUDENT.docSeries);
    set('Номер документа', STUDENT.docNumber);
    set('Дата рождения', new Date(`${STUDENT.birthIso}T00:00:00Z`));
    set('Класс', MARKERS.ege);
    row.getCell(snilsCol).value = STUDENT.snils;
    row.commit();
    const values = (row.values as ExcelJS.CellValue[]).slice();
    const bad = sheet.addRow(values.slice(1));
    bad.getCell(cols.get('Код ОУ') ?? 0).value = '999999';
    bad.getCell(cols.get('Фамилия') ?? 0).value = `${STUDENT.last} `.repeat(3300);
    await wb.xlsx.writeFile(at(p));
    inbox.planted.push(p);
    inbox.rejected.push({ file: 'ege_2026.xlsx', line: bad.number, reason: /999999 не найден в реестре/ });
  }

  // ДИРО, XLSX: one teacher's name and code replaced (the code is the marker), a СНИЛС column; one
  // more answer of that teacher with a score that is no number is rejected.
  {
    const p = 'diro/deficity_pedagogov_2026_volna1.xlsx';
    const wb = await readBook(at(p));
    const sheet = wb.getWorksheet('Математика');
    if (!sheet) throw new Error(`${p}: no sheet «Математика»`);
    const cols = headerCols(sheet, 3);
    const code = cols.get('Код педагога') ?? 0;
    const name = cols.get('ФИО педагога') ?? 0;
    const snilsCol = sheet.getRow(3).cellCount + 1;
    sheet.getRow(3).getCell(snilsCol).value = 'СНИЛС педагога';
    const teacher = sheet.getRow(4).getCell(code).value;
    let last = 0;
    sheet.eachRow((r, n) => {
      if (n <= 3 || r.getCell(code).value !== teacher) return;
      r.getCell(code).value = MARKERS.teacherXlsx;
      r.getCell(name).value = TEACHER_NAME;
      r.getCell(snilsCol).value = TEACHER.snils;
      last = n;
    });
    const bad = sheet.insertRow(last + 1, (sheet.getRow(last).values as ExcelJS.CellValue[]).slice(1));
    bad.getCell(cols.get('Балл') ?? 0).value = 'много';
    await wb.xlsx.writeFile(at(p));
    inbox.planted.push(p);
    inbox.rejected.push({
      file: 'deficity_pedagogov_2026_volna1.xlsx',
      line: bad.number,
      reason: /не число/,
    });
  }

  // ДИРО as CSV Windows-1251: a workbook of an earlier wave saved sheet by sheet.
  {
    const xlsx = 'diro/deficity_pedagogov_2025_volna1.xlsx';
    const wb = await readBook(at(xlsx));
    const files: [string, string][] = [
      ['Математика', 'diro/deficity_pedagogov_2025_volna1_matematika.csv'],
      ['Русский язык', 'diro/deficity_pedagogov_2025_volna1_russkiy.csv'],
    ];
    for (const [name, p] of files) {
      const sheet = wb.getWorksheet(name);
      if (!sheet) throw new Error(`${xlsx}: no sheet «${name}»`);
      const rows: Rows = [];
      const width = sheet.columnCount;
      sheet.eachRow({ includeEmpty: true }, (r) => {
        const cells = (r.values as ExcelJS.CellValue[]).slice(1);
        rows.push(Array.from({ length: width }, (_, i) => cellText(cells[i])));
      });
      if (name === 'Математика') {
        const h = header(rows, 'ФИО педагога');
        const teacher = rows[h.at + 1][h.col('Код педагога')];
        for (const r of rows.slice(h.at + 1)) {
          if (r[h.col('Код педагога')] !== teacher) continue;
          r[h.col('Код педагога')] = MARKERS.teacherCsv;
          r[h.col('ФИО педагога')] = TEACHER_NAME;
        }
        inbox.planted.push(p);
      }
      writeCsv(at(p), { rows, encoding: 'windows-1251', delimiter: ';', eol: '\r\n' });
    }
    rmSync(at(xlsx));
  }

  // Курсы, CSV UTF-8: a listener's name and СНИЛС beside the teacher's code.
  {
    const p = 'diro/kursy_pk_2026.csv';
    const f = readCsv(at(p));
    const h = header(f.rows, 'Код педагога');
    const width = addColumns(f.rows, h.at, ['ФИО слушателя', 'СНИЛС']);
    const teacher = f.rows[h.at + 1][h.col('Код педагога')];
    for (const r of f.rows.slice(h.at + 1)) {
      if (r[h.col('Код педагога')] !== teacher) continue;
      r[width] = TEACHER_NAME;
      r[width + 1] = TEACHER.snils;
    }
    writeCsv(at(p), f);
    inbox.planted.push(p);
  }

  // Управленческие компетенции, CSV Windows-1251: a director's name beside the participant's code.
  {
    const p = 'diro/upravlencheskie_kompetencii_2026_volna1.csv';
    const f = readCsv(at(p));
    const h = header(f.rows, 'Идентификатор участника');
    const width = addColumns(f.rows, h.at, ['ФИО руководителя']);
    const person = f.rows[h.at + 1][h.col('Идентификатор участника')];
    for (const r of f.rows.slice(h.at + 1))
      if (r[h.col('Идентификатор участника')] === person) r[width] = DIRECTOR_NAME;
    writeCsv(at(p), f);
    inbox.planted.push(p);
  }

  // Анкеты, CSV UTF-8: a teacher's answers signed with the teacher's name.
  {
    const p = 'surveys/otvety_2026_uchitelya.csv';
    const f = readCsv(at(p));
    const h = header(f.rows, 'ID анкеты');
    const width = addColumns(f.rows, h.at, ['ФИО респондента']);
    const form = f.rows[h.at + 1][h.col('ID анкеты')];
    for (const r of f.rows.slice(h.at + 1)) if (r[h.col('ID анкеты')] === form) r[width] = TEACHER_NAME;
    writeCsv(at(p), f);
    inbox.planted.push(p);
  }

  // Refused files: data with no header row (CSV and XLSX), an open quote, Windows-1251 with a UTF-8 line.
  const dataRow = [
    'sch050107',
    '17368',
    STUDENT_NAME,
    '5А',
    STUDENT.docSeries,
    STUDENT.docNumber,
    STUDENT.birth,
    STUDENT.snils,
  ];
  mkdirSync(at('prochee'), { recursive: true });
  {
    const p = 'prochee/bez_zagolovka.csv';
    writeCsv(at(p), { rows: [dataRow, dataRow], encoding: 'windows-1251', delimiter: ';', eol: '\r\n' });
    const x = 'prochee/bez_zagolovka.xlsx';
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Лист1');
    sheet.addRow(dataRow);
    sheet.addRow(dataRow);
    await wb.xlsx.writeFile(at(x));
    inbox.refused.push(p, x);
  }
  const ogeTitle = [['Результаты ОГЭ 2026 года'], ['Предмет: Математика'], ['по состоянию на 15.07.2026']];
  const ogeHeader = [
    'Код МСУ',
    'Код ОО',
    'Класс',
    'Фамилия',
    'Имя',
    'Отчество',
    'Серия документа',
    'Номер документа',
    'Дата рождения',
    'Дата экзамена',
    'Попытка',
    'Первичный балл',
    'Отметка',
  ];
  const ogeRow = (last: string) => [
    '01',
    '010005',
    '9А',
    last,
    STUDENT.first,
    STUDENT.middle,
    STUDENT.docSeries,
    STUDENT.docNumber,
    STUDENT.birth,
    '10.06.2026',
    'основной',
    '21',
    '4',
  ];
  {
    const p = 'prochee/oge_otkrytaya_kavychka.csv';
    const rows = [...ogeTitle, ogeHeader, ogeRow('Иванов'), ogeRow(`"${STUDENT.last}`), ogeRow('Петров')];
    const text = rows.map((r) => r.join(';')).join('\r\n');
    writeFileSync(at(p), encodeCp1251(`${text}\r\n`));
    inbox.refused.push(p);
  }
  {
    const p = 'prochee/oge_smeshannye_kodirovki.csv';
    const head = [...ogeTitle, ogeHeader, ogeRow('Иванов')].map((r) => r.join(';')).join('\r\n');
    const pasted = `${ogeRow(STUDENT.last).join(';')}\r\n`;
    writeFileSync(
      at(p),
      Buffer.concat([
        encodeCp1251(`${head}\r\n`),
        Buffer.from(pasted, 'utf8'),
        encodeCp1251(`${ogeRow('Петров').join(';')}\r\n`),
      ]),
    );
    inbox.refused.push(p);
  }
  return inbox;
}
