import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { inspectXlsx } from '../../src/ingest/read/xlsx-inspect.js';
import { readXlsx, type SheetRow } from '../../src/ingest/read/xlsx-rows.js';
import ExcelJS from '../../src/xlsx/exceljs.js';

it('reads Cyrillic text intact when its UTF-8 bytes straddle the reader’s chunks (exceljs fix)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-utf8-'));
  try {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Лист');
    const words = Array.from({ length: 6000 }, (_, i) => `психолого-педагогический блок № ${i} — ёлочки «»`);
    s.addRow(['Текст']);
    for (const w of words) s.addRow([w]);
    const path = join(dir, 'big.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const rows: SheetRow[] = [];
    await readXlsx(
      path,
      await inspectXlsx(path, 'big.xlsx'),
      async () => ({ firstDataRow: 1, add: (r) => void rows.push(r) }),
      'big.xlsx',
    );
    expect(rows).toHaveLength(words.length);
    expect(rows.map((r) => r.cells[0])).toEqual(words);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
