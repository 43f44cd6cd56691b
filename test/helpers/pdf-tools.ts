import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Poppler's tools read what a reader of the PDF sees; a machine without them fails loudly. */
function requirePoppler(tool: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  if (!found) {
    throw new Error(
      `${tool} is missing: the PDF tests need poppler-utils (sudo apt-get install -y poppler-utils).`,
    );
  }
}

function withFile<T>(pdf: Uint8Array | string, fn: (path: string) => T): T {
  if (typeof pdf === 'string') return fn(pdf);
  const dir = mkdtempSync(join(tmpdir(), 'shnor-pdf-'));
  try {
    const path = join(dir, 'f.pdf');
    writeFileSync(path, pdf);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF (or of one page), as pdftotext extracts it: laid out as on the page, or (layout
 * false) in reading order, where the lines of a table cell stay together.
 */
export async function pdfText(pdf: Uint8Array | string, page?: number, layout = true): Promise<string> {
  requirePoppler('pdftotext');
  return withFile(pdf, (path) =>
    execFileSync(
      'pdftotext',
      [...(page ? ['-f', String(page), '-l', String(page)] : []), ...(layout ? ['-layout'] : []), path, '-'],
      {
        encoding: 'utf8',
      },
    ),
  );
}

/** Number of pages (pdfinfo). */
export function pdfPages(pdf: Uint8Array | string): number {
  requirePoppler('pdfinfo');
  return withFile(pdf, (path) => {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  });
}

/** The fonts of a PDF: name and whether embedded (pdffonts). */
export function pdfFonts(pdf: Uint8Array | string): { name: string; embedded: boolean }[] {
  requirePoppler('pdffonts');
  return withFile(pdf, (path) =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name type [encoding] emb sub uni object ID: emb is the 5th field from the end.
        return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
      }),
  );
}
