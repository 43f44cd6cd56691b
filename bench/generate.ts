/** Deterministic benchmark inputs in bench-data/: a ВПР protocol as UTF-8 CSV, Windows-1251 CSV and XLSX. */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const SCHOOLS = 1_500;
export const TITLE = ['Всероссийские проверочные работы 2025', 'Предмет: Математика', 'Класс: 5'];
export const HEADER = [
  'Логин ОО',
  'Код участника',
  'ФИО обучающегося',
  'Класс',
  'Вариант',
  ...Array.from({ length: 10 }, (_, i) => String(i + 1)),
  'Первичный балл',
  'Отметка',
  'Отметка за предыдущую четверть',
];
/** Lines above the first data row: the title rows and the header. */
export const SKIP = TITLE.length + 1;

export interface Inputs {
  registry: string;
  utf8: string;
  cp1251: string;
  xlsx: string;
  csvRows: number;
  xlsxRows: number;
}

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Windows-1251 encoder from the platform decoder's reverse map (Node has no cp1251 encoder). */
const CP1251 = (() => {
  const table = new Int16Array(65536).fill(-1);
  for (let b = 0; b < 0x80; b++) table[b] = b;
  const decoder = new TextDecoder('windows-1251');
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && table[ch.charCodeAt(0)] < 0) table[ch.charCodeAt(0)] = b;
  }
  return table;
})();

export function encodeCp1251(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = CP1251[text.charCodeAt(i)];
    if (b < 0) throw new Error(`no Windows-1251 byte for «${text[i]}»`);
    out[i] = b;
  }
  return out;
}

const MUNICIPALITIES = [
  'Ахтынский район',
  'Буйнакский район',
  'Гунибский район',
  'Дербентский район',
  'Кизлярский район',
  'Хасавюртовский район',
  'город Махачкала',
  'город Каспийск',
  'Левашинский район',
  'Табасаранский район',
];
const SURNAMES = ['Магомедов', 'Алиев', 'Гаджиев', 'Абдуллаев', 'Иванов', 'Кузнецов', 'Рамазанов', 'Омаров'];
const NAMES_M = ['Ахмед', 'Руслан', 'Шамиль', 'Магомед', 'Артём', 'Ислам', 'Мурад', 'Алексей'];
const NAMES_F = ['Патимат', 'Фатима', 'Аминат', 'Мария', 'Марьям', 'Хадижат', 'Ольга', 'Зарема'];
const FATHERS = ['Ахмедов', 'Русланов', 'Магомедов', 'Сергеев', 'Гаджиев', 'Омаров', 'Расулов', 'Юсупов'];
const LETTERS = ['А', 'Б', 'В', 'Г'];

export const login = (i: number) => `sch05${String(i + 1).padStart(4, '0')}`;

/** One protocol row as cells; `n` is the row number (participant code). */
function protocolRow(rnd: () => number, n: number): (string | number)[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const female = rnd() < 0.5;
  const fio = female
    ? `${pick(SURNAMES)}а ${pick(NAMES_F)} ${pick(FATHERS)}на`
    : `${pick(SURNAMES)} ${pick(NAMES_M)} ${pick(FATHERS)}ич`;
  const head = [login(Math.floor(rnd() * SCHOOLS)), 100_000 + n, fio, `5${pick(LETTERS)}`];
  const journal = 2 + Math.floor(rnd() * 4);
  if (rnd() < 0.02) return [...head, '', ...Array(10).fill(''), '', '', journal];
  const tasks = Array.from({ length: 10 }, () => Math.floor(rnd() * 3));
  const total = tasks.reduce((a, b) => a + b, 0);
  const mark = total < 6 ? 2 : total < 11 ? 3 : total < 16 ? 4 : 5;
  return [...head, 1 + Math.floor(rnd() * 2), ...tasks, total, mark, journal];
}

function registryCsv(): string {
  const lines = ['Логин ОО;Наименование ОО;Муниципалитет'];
  for (let i = 0; i < SCHOOLS; i++) {
    lines.push(`${login(i)};МБОУ «СОШ № ${i + 1}»;${MUNICIPALITIES[i % MUNICIPALITIES.length]}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const titleLines = () => TITLE.map((t) => `${t}${';'.repeat(HEADER.length - 1)}`);

/** Writes the same rows to a UTF-8 and a Windows-1251 file in one pass. */
async function writeCsvPair(utf8: string, cp1251: string, rows: number): Promise<void> {
  const a = createWriteStream(utf8);
  const b = createWriteStream(cp1251);
  const rnd = prng(20250415);
  let text = `${[...titleLines(), HEADER.join(';')].join('\r\n')}\r\n`;
  for (let n = 0; n < rows; n++) {
    text += `${protocolRow(rnd, n).join(';')}\r\n`;
    if (text.length > 1 << 20 || n === rows - 1) {
      // Wait for both drains at once: awaiting one could miss the other's event.
      const waits = [
        a.write(Buffer.from(text, 'utf8')) || once(a, 'drain'),
        b.write(encodeCp1251(text)) || once(b, 'drain'),
      ];
      text = '';
      await Promise.all(waits);
    }
  }
  a.end();
  b.end();
  await Promise.all([once(a, 'finish'), once(b, 'finish')]);
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('Протокол');
  for (const t of TITLE) ws.addRow([t]).commit();
  ws.addRow(HEADER).commit();
  const rnd = prng(20250416);
  for (let n = 0; n < rows; n++) ws.addRow(protocolRow(rnd, n).map((v) => (v === '' ? null : v))).commit();
  ws.commit();
  await wb.commit();
}

/** Generates the inputs once; later runs reuse them when the manifest and file sizes match. */
export async function ensureInputs(dir: string, csvRows: number, xlsxRows: number): Promise<Inputs> {
  mkdirSync(dir, { recursive: true });
  const inputs: Inputs = {
    registry: join(dir, 'reestr_oo_2025-09-01.csv'),
    utf8: join(dir, 'vpr_matematika_5_utf8.csv'),
    cp1251: join(dir, 'vpr_matematika_5_cp1251.csv'),
    xlsx: join(dir, 'vpr_matematika_5.xlsx'),
    csvRows,
    xlsxRows,
  };
  const manifestPath = join(dir, 'manifest.json');
  const files = [inputs.registry, inputs.utf8, inputs.cp1251, inputs.xlsx];
  const key = `v1:${csvRows}:${xlsxRows}`;
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key: string; sizes: number[] };
    if (m.key === key && files.every((f, i) => existsSync(f) && statSync(f).size === m.sizes[i]))
      return inputs;
  }
  const t = performance.now();
  writeFileSync(inputs.registry, registryCsv());
  await writeCsvPair(inputs.utf8, inputs.cp1251, csvRows);
  await writeXlsx(inputs.xlsx, xlsxRows);
  writeFileSync(manifestPath, JSON.stringify({ key, sizes: files.map((f) => statSync(f).size) }));
  console.log(`inputs generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return inputs;
}
