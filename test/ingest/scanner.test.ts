import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/ingest/detect/dialect.js';
import { detectEncoding } from '../../src/ingest/detect/encoding.js';
import { detectFileKind } from '../../src/ingest/detect/file-kind.js';
import { RecordScanner, type Unit } from '../../src/ingest/read/record-scanner.js';
import { encode1251 } from '../helpers/workspace.js';

function scan(bytes: Buffer, cuts: number[] = []): Omit<Unit, 'start' | 'end'>[] {
  const units: Omit<Unit, 'start' | 'end'>[] = [];
  const scanner = new RecordScanner((u) => {
    units.push({ line: u.line, blank: u.blank });
  }, ';');
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(from, cut));
    from = cut;
  }
  scanner.push(bytes.subarray(from));
  scanner.finish();
  return units;
}

describe('record scanner', () => {
  const text = Buffer.from('a;b\r\n1;x\r\n\r\n2;"y\nz"\n;\n3;w');
  it('finds records, blank lines and the physical line of each', () => {
    expect(scan(text)).toEqual([
      { line: 1, blank: false },
      { line: 2, blank: false },
      { line: 3, blank: true },
      { line: 4, blank: false },
      { line: 6, blank: false },
      { line: 7, blank: false },
    ]);
  });
  it('opens a quoted value only at the start of a field; a doubled quote stays inside it', () => {
    const text = Buffer.from('a;b\nМБОУ "СОШ № 1";x\n"Гимназия ""Интеллект""\nфилиал";y\n3;z\n');
    expect(scan(text)).toEqual([
      { line: 1, blank: false },
      { line: 2, blank: false },
      { line: 3, blank: false },
      { line: 5, blank: false },
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 6 }), (cuts) => {
        expect(scan(text, cuts)).toEqual(scan(text));
      }),
    );
  });

  it('gives the same units wherever the chunks are cut', () => {
    const whole = scan(text);
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 6 }), (cuts) => {
        expect(scan(text, cuts)).toEqual(whole);
      }),
    );
  });
});

describe('detection', () => {
  it('tells UTF-8 (with and without BOM) from Windows-1251', () => {
    expect(detectEncoding(Buffer.from('\ufeffЛогин;Школа')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Логин;Школа')).encoding).toBe('utf-8');
    expect(detectEncoding(encode1251('Логин;Школа')).encoding).toBe('windows-1251');
    // a UTF-8 sample cut inside a two-byte letter is still UTF-8
    expect(detectEncoding(Buffer.from('Логин').subarray(0, 5)).encoding).toBe('utf-8');
  });
  it('picks the delimiter most lines agree on, below title rows', () => {
    expect(detectDelimiter(['Протокол ВПР, математика', 'a;b;c', '1;2,5;3', '4;5;6'])).toBe(';');
    expect(detectDelimiter(['a,b,c', '1,2,3'])).toBe(',');
    expect(detectDelimiter(['a\tb', '1\t2'])).toBe('\t');
  });
  it('recognises files that are not what their name says', () => {
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => detectFileKind(cfb, 'a.xls')).toThrow(/старого формата \(\.xls/);
    const encrypted = Buffer.concat([cfb, Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(() => detectFileKind(encrypted, 'a.xlsx')).toThrow(/защищённая паролем/);
    expect(() => detectFileKind(Buffer.from('<html><table><tr><td>1'), 'a.xls')).toThrow(/веб-страница/);
    expect(() => detectFileKind(Buffer.from([1, 2, 0, 4, 5]), 'a.csv')).toThrow(/двоичные данные/);
    expect(() => detectFileKind(Buffer.alloc(0), 'a.csv')).toThrow(/пуст/);
    expect(detectFileKind(Buffer.from('PK\u0003\u0004'), 'a.xlsx')).toBe('xlsx');
    expect(detectFileKind(Buffer.from('Логин;Школа'), 'a.csv')).toBe('text');
  });
});
