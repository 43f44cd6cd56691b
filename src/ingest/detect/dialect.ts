import Papa from 'papaparse';

export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter whose field count is the most consistent across the sample's lines and
 * splits each line into more than one field (DESIGN: DuckDB's own sniffer errs on faulty files).
 * Title rows above the header have a different count, so the most frequent count wins, not the first.
 */
export function detectDelimiter(lines: string[]): Delimiter {
  let best: { delim: Delimiter; score: number } = { delim: ';', score: -1 };
  for (const delim of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      if (!line.trim()) continue;
      const n = splitLine(line, delim).length;
      if (n > 1) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [fields, times] of counts) score = Math.max(score, times * 1000 + fields);
    if (score > best.score) best = { delim, score };
  }
  return best.delim;
}

/** Splits one physical line into fields (quotes honoured). */
export function splitLine(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, quoteChar: '"' });
  return parsed.data[0] ?? [];
}
