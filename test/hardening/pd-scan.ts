/**
 * Scanners for planted personal data: in raw bytes (UTF-8, Windows-1251, UTF-16 LE and BE; lower and
 * upper case), in text (any case, XML and HTML character references decoded), in every file of a
 * folder (a PDF also as the text pdftotext reads, a workbook or any zip part by part) and in every
 * column of every table and view of a warehouse.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import unzipper from 'unzipper';
import { encodeCp1251 } from '../../src/samples/cp1251.js';
import { Warehouse } from '../../src/warehouse/warehouse.js';
import { pdfText } from '../helpers/pdf-tools.js';
import type { Planted } from './pd-planted.js';

export interface Hit {
  /** File (and zip part), or schema.relation.column. */
  where: string;
  label: string;
  /** The form that matched: encoding and case, or «текст». */
  form: string;
}

interface Needle {
  label: string;
  form: string;
  bytes: Buffer;
  digits: boolean;
  /** Bytes per character: a boundary is one character before and after. */
  unit: 1 | 2;
  bigEndian: boolean;
}

const CYRILLIC = /[А-Яа-яЁё]/;

/**
 * The written forms of a value a byte scan looks for. A name is looked for without its first
 * letter, lower and upper case, so that «Уникальнов», «уникальнов» and «УНИКАЛЬНОВ» are all found.
 */
function textForms(p: Planted): { form: string; text: string }[] {
  if (/^[А-Яа-яЁё]+$/.test(p.text)) {
    const tail = p.text.slice(1);
    return [
      { form: 'строчные', text: tail.toLowerCase() },
      { form: 'прописные', text: tail.toUpperCase() },
    ];
  }
  const forms = new Map<string, string>();
  for (const [text, form] of [
    [p.text, 'как есть'],
    [p.text.toLowerCase(), 'строчные'],
    [p.text.toUpperCase(), 'прописные'],
  ]) {
    if (!forms.has(text)) forms.set(text, form);
  }
  return [...forms].map(([text, form]) => ({ form, text }));
}

export function needles(planted: Planted[]): Needle[] {
  const out: Needle[] = [];
  for (const p of planted) {
    for (const { form, text } of textForms(p)) {
      const add = (enc: string, bytes: Buffer, unit: 1 | 2 = 1, bigEndian = false) =>
        out.push({
          label: p.label,
          form: `${enc}, ${form}`,
          bytes,
          digits: p.digits === true,
          unit,
          bigEndian,
        });
      add('UTF-8', Buffer.from(text, 'utf8'));
      if (CYRILLIC.test(text)) add('Windows-1251', encodeCp1251(text));
      add('UTF-16LE', Buffer.from(text, 'utf16le'), 2);
      add('UTF-16BE', Buffer.from(text, 'utf16le').swap16(), 2, true);
    }
  }
  return out;
}

const isHexCode = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The character code before (−1) or after (+1) a match, in the needle's encoding; −1 at an edge. */
function neighbour(buf: Buffer, n: Needle, at: number, side: -1 | 1): number {
  const pos = side < 0 ? at - n.unit : at + n.bytes.length;
  if (pos < 0 || pos + n.unit > buf.length) return -1;
  if (n.unit === 1) return buf[pos];
  return n.bigEndian ? buf.readUInt16BE(pos) : buf.readUInt16LE(pos);
}

/** Every needle found in the bytes (one hit per needle); digits only between non-hex characters. */
export function scanBytes(buf: Buffer, list: Needle[], where: string): Hit[] {
  const hits: Hit[] = [];
  for (const n of list) {
    for (let at = buf.indexOf(n.bytes); at >= 0; at = buf.indexOf(n.bytes, at + 1)) {
      if (n.digits && (isHexCode(neighbour(buf, n, at, -1)) || isHexCode(neighbour(buf, n, at, 1)))) continue;
      hits.push({ where, label: n.label, form: n.form });
      break;
    }
  }
  return hits;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression (JavaScript and RE2 alike) that finds a planted value in lower-cased text. */
export function textPattern(p: Planted): string {
  const t = escapeRe(p.text.toLowerCase().replace(/ё/g, 'е'));
  return p.digits ? `(^|[^0-9a-f])${t}([^0-9a-f]|$)` : t;
}

/** Lower case, ё as е, XML and HTML numeric character references decoded. */
function fold(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .toLowerCase()
    .replace(/ё/g, 'е');
}

export function scanText(text: string, planted: Planted[], where: string): Hit[] {
  const folded = fold(text);
  return planted
    .filter((p) => new RegExp(textPattern(p)).test(folded))
    .map((p) => ({ where, label: p.label, form: 'текст' }));
}

export interface TreeStats {
  files: number;
  bytes: number;
  /** Files by kind: pdf, html, xlsx, csv, json, log, other. */
  kinds: Record<string, number>;
  /** Parts of zip files (workbooks) scanned, and their unpacked bytes. */
  zipParts: number;
  zipBytes: number;
  /** PDFs read by pdftotext, and the characters of their text. */
  pdfTexts: number;
  pdfChars: number;
  /** Symbolic links met (never followed). */
  links: string[];
}

export const emptyStats = (): TreeStats => ({
  files: 0,
  bytes: 0,
  kinds: {},
  zipParts: 0,
  zipBytes: 0,
  pdfTexts: 0,
  pdfChars: 0,
  links: [],
});

const TEXT_KINDS = new Set(['.html', '.htm', '.json', '.csv', '.log', '.txt', '.md', '.xml', '.svg', '.yml']);

function kindOf(path: string): string {
  const ext = extname(path).toLowerCase();
  if (['.pdf', '.html', '.xlsx', '.csv', '.json', '.arrow', '.log'].includes(ext)) return ext.slice(1);
  return 'other';
}

const isZip = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;

/** Scans one file: its bytes; a PDF's text too; a zip's every part (bytes and text). */
export async function scanFile(
  path: string,
  planted: Planted[],
  where: string,
  stats: TreeStats,
  list = needles(planted),
): Promise<Hit[]> {
  const buf = readFileSync(path);
  stats.files++;
  stats.bytes += buf.length;
  const kind = kindOf(path);
  stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
  const hits = scanBytes(buf, list, where);
  const ext = extname(path).toLowerCase();
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = await pdfText(path);
    stats.pdfTexts++;
    stats.pdfChars += text.length;
    hits.push(...scanText(text, planted, `${where} (текст PDF)`));
  } else if (isZip(buf)) {
    const zip = await unzipper.Open.file(path);
    for (const part of zip.files) {
      const content = await part.buffer();
      stats.zipParts++;
      stats.zipBytes += content.length;
      const at = `${where} → ${part.path}`;
      hits.push(...scanBytes(content, list, at), ...scanText(content.toString('utf8'), planted, at));
    }
  } else if (TEXT_KINDS.has(ext)) {
    hits.push(...scanText(buf.toString('utf8'), planted, `${where} (текст)`));
  }
  return hits;
}

/** Every file below a folder (links are listed, never followed); `skip` says which to pass by. */
export async function scanTree(
  root: string,
  planted: Planted[],
  stats: TreeStats,
  skip: (path: string) => boolean = () => false,
): Promise<Hit[]> {
  const list = needles(planted);
  const hits: Hit[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (skip(path)) continue;
      const st = lstatSync(path);
      if (st.isSymbolicLink()) stats.links.push(relative(root, path));
      else if (st.isDirectory()) await walk(path);
      else if (st.isFile()) hits.push(...(await scanFile(path, planted, relative(root, path), stats, list)));
    }
  };
  await walk(root);
  return hits;
}

export interface WarehouseScan {
  tables: number;
  views: number;
  schemas: string[];
  columns: number;
  /** Columns by DuckDB type family: VARCHAR, nested (LIST, STRUCT, MAP, JSON, …), other. */
  columnKinds: Record<string, number>;
  rows: number;
  hits: Hit[];
  /** Relations that could not be read: a hole in the scan. */
  errors: string[];
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

function columnKind(type: string): string {
  if (type === 'VARCHAR' || type === 'JSON') return type;
  if (/\[\]$|^(STRUCT|MAP|LIST|UNION)/.test(type)) return 'вложенный';
  return 'другой';
}

/**
 * Every column (cast to text) of every table and view of every schema, the catalog's names and view
 * definitions too. A view reads with the run's session variables set (year, as-of).
 */
export async function scanWarehouse(
  db: string,
  planted: Planted[],
  session: { year: number; asOf: string },
): Promise<WarehouseScan> {
  const wh = await Warehouse.open(db, { readOnly: true });
  const scan: WarehouseScan = {
    tables: 0,
    views: 0,
    schemas: [],
    columns: 0,
    columnKinds: {},
    rows: 0,
    hits: [],
    errors: [],
  };
  try {
    await wh.run(`SET VARIABLE year = ${session.year}`);
    await wh.run(`SET VARIABLE as_of = DATE '${session.asOf}'`);
    const pattern = planted.map(textPattern).join('|');
    const relations = await wh.rows<{ schema: string; name: string; kind: string; sql: string | null }>(
      `SELECT schema_name AS schema, table_name AS name, 'table' AS kind, sql FROM duckdb_tables() WHERE NOT temporary
       UNION ALL
       SELECT schema_name, view_name, 'view', sql FROM duckdb_views() WHERE NOT internal AND NOT temporary
       ORDER BY 1, 2`,
    );
    scan.schemas = [...new Set(relations.map((r) => r.schema))];
    for (const rel of relations) {
      const where = `${rel.schema}.${rel.name}`;
      if (rel.kind === 'table') scan.tables++;
      else scan.views++;
      const columns = await wh.rows<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
         WHERE schema_name = $schema AND table_name = $name ORDER BY column_index`,
        { schema: rel.schema, name: rel.name },
      );
      scan.columns += columns.length;
      for (const c of columns)
        scan.columnKinds[columnKind(c.type)] = (scan.columnKinds[columnKind(c.type)] ?? 0) + 1;
      scan.hits.push(
        ...scanText(
          [rel.name, rel.sql ?? '', ...columns.map((c) => c.name)].join('\n'),
          planted,
          `${where} (каталог)`,
        ),
      );
      const cells = columns.map((c) => `coalesce(CAST(${quoteIdent(c.name)} AS VARCHAR), '')`);
      const text = `lower(concat_ws(chr(1), ${cells.join(', ')}))`;
      const from = `${quoteIdent(rel.schema)}.${quoteIdent(rel.name)}`;
      try {
        const [{ n }] = await wh.rows<{ n: number | bigint }>(`SELECT count(*) AS n FROM ${from}`);
        scan.rows += Number(n);
        if (columns.length === 0) continue;
        const found = await wh.rows<Record<string, unknown>>(
          `SELECT ${columns.map((c) => `CAST(${quoteIdent(c.name)} AS VARCHAR) AS ${quoteIdent(c.name)}`).join(', ')}
           FROM ${from} WHERE regexp_matches(${text}, $pattern) LIMIT 1000`,
          { pattern },
        );
        for (const row of found) {
          for (const [col, value] of Object.entries(row)) {
            if (typeof value === 'string') scan.hits.push(...scanText(value, planted, `${where}.${col}`));
          }
        }
      } catch (error) {
        scan.errors.push(`${where}: ${String((error as Error).message).split('\n')[0]}`);
      }
    }
  } finally {
    wh.close();
  }
  return scan;
}

/** Hits folded for a readable failure: «where — label (form)». */
export const describeHits = (hits: Hit[]) => hits.map((h) => `${h.where} — ${h.label} (${h.form})`);
