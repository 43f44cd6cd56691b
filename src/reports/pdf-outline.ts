/**
 * The page each bookmark of a Chromium PDF points to, in document order. Chromium writes the outline
 * (from `page.pdf({outline: true})`) as plain objects: each item has a `/Title` and a `/Dest` whose
 * first element is a page object; the page tree's `/Kids` give the pages' order. A contents page
 * with page numbers is made by printing once, reading this, and printing again.
 */

export interface Bookmark {
  title: string;
  /** 1-based page number. */
  page: number;
}

function decodeTitle(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex, 'hex');
    const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
    let text = '';
    for (let i = 0; i + 1 < body.length; i += 2) text += String.fromCharCode((body[i] << 8) | body[i + 1]);
    return text;
  }
  return raw
    .slice(1, -1)
    .replace(/\\([()\\])/g, '$1')
    .replace(/\\n/g, '\n');
}

/** Bookmarks of a PDF printed by Chromium; empty when it has none (or is not laid out as expected). */
export function pdfBookmarks(pdf: Uint8Array): Bookmark[] {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)>>\s*(?:endobj|stream)/g)) {
    objects.set(Number(m[1]), m[2]);
  }
  // The page tree: the root /Pages node is the one without a /Parent.
  const kids = (body: string) =>
    [...(/\/Kids \[([^\]]*)\]/.exec(body)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
  const pages: number[] = [];
  const walk = (id: number) => {
    const body = objects.get(id) ?? '';
    if (/\/Type \/Pages\b/.test(body)) for (const kid of kids(body)) walk(kid);
    else pages.push(id);
  };
  for (const [id, body] of objects) {
    if (/\/Type \/Pages\b/.test(body) && !/\/Parent /.test(body)) walk(id);
  }
  const pageNumber = new Map(pages.map((id, i) => [id, i + 1]));
  const marks: { id: number; title: string; page: number }[] = [];
  for (const [id, body] of objects) {
    const title = /\/Title (<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(body);
    const dest = /\/Dest \[(\d+) 0 R/.exec(body);
    if (!title || !dest) continue;
    const page = pageNumber.get(Number(dest[1]));
    if (page !== undefined) marks.push({ id, title: decodeTitle(title[1]), page });
  }
  return marks.sort((a, b) => a.page - b.page || a.id - b.id).map(({ title, page }) => ({ title, page }));
}
