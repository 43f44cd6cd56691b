import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AS_OF, AS_OF_DIR, endGroup, killWhen, shnor } from './cli.js';
import { brokenReason, filesUnder } from './output-files.js';

let dir = '';
let out = '';
let passports = '';
const args = () => ['report', 'passports', '--as-of', AS_OF, '--db', inject('faultsBase'), '--out', out];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shnor-faults-reports-'));
  out = join(dir, 'out');
  passports = join(out, AS_OF_DIR, 'school_passport');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each report file under its final name that is not whole, with why. */
async function broken(): Promise<string[]> {
  const found: string[] = [];
  for (const f of filesUnder(passports).filter((p) => !p.endsWith('.part'))) {
    // A passport names its school: the file is «<login> <name>.<format>».
    const why = await brokenReason(join(passports, f), basename(f).split(' ')[0]);
    if (why) found.push(`${f}: ${why}`);
  }
  return found;
}

describe('writing the passports killed (SIGKILL) half-way', () => {
  let finals: string[] = [];
  beforeAll(async () => {
    // The moment: some passports are written and a workbook is being written under its .part name.
    const killed = await killWhen(args(), () => {
      const files = filesUnder(passports);
      return (
        files.some((f) => f.endsWith('.xlsx.part')) && files.filter((f) => f.endsWith('.pdf')).length >= 2
      );
    });
    endGroup(killed.pid);
    expect(killed.signal).toBe('SIGKILL');
    finals = filesUnder(passports).filter((f) => !f.endsWith('.part'));
  });

  it('leaves no half-written PDF, HTML or XLSX under a final name', async () => {
    expect(finals.length).toBeGreaterThan(0);
    expect(await broken()).toEqual([]);
  });

  it('the next run writes every passport whole and leaves no .part file', async () => {
    const again = await shnor(args());
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const copies = Number(/Паспорт школы: (\d+)\s*коп/.exec(again.stdout)?.[1]);
    const files = filesUnder(passports);
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files).toHaveLength(copies * 3);
    // The killed run had not got far: fewer files than a whole run.
    expect(finals.length).toBeLessThan(files.length);
    expect(await broken()).toEqual([]);
  });

  it('(the check itself) sees a PDF, a workbook and a page cut short as not whole', async () => {
    const cut = join(dir, 'cut');
    mkdirSync(cut);
    for (const format of ['pdf', 'xlsx', 'html']) {
      const file = filesUnder(passports).find((f) => f.endsWith(`.${format}`)) as string;
      const whole = readFileSync(join(passports, file));
      const path = join(cut, basename(file));
      writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.9)));
      expect(await brokenReason(path, basename(file).split(' ')[0]), format).not.toBe('');
    }
  });
});
