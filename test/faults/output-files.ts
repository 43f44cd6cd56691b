import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from '../../src/xlsx/exceljs.js';
import { pdfPages, pdfText } from '../helpers/pdf-tools.js';

/** Every file under a folder, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    : [];
}

/**
 * Why a report file under its final name is not whole, or '' when it is: a PDF that poppler reads to
 * its end (`%%EOF`, pages, its text naming the copy's school or report), a workbook that unpacks and
 * reads, an HTML page that closes.
 */
export async function brokenReason(path: string, expectText: string): Promise<string> {
  try {
    if (path.endsWith('.pdf')) {
      if (!readFileSync(path).subarray(-32).toString('latin1').includes('%%EOF'))
        return 'no %%EOF at the end';
      if (pdfPages(path) < 1) return 'no pages';
      if (!(await pdfText(path)).includes(expectText)) return `its text does not name ${expectText}`;
    } else if (path.endsWith('.xlsx')) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      if (workbook.worksheets.length === 0) return 'no sheets';
    } else if (path.endsWith('.html')) {
      if (!/<\/html>\s*$/.test(readFileSync(path, 'utf8'))) return 'the page does not close (</html>)';
    } else return 'not a report file';
  } catch (error) {
    return String((error as Error).message).slice(0, 200);
  }
  return '';
}
