const NL = 10;
const CR = 13;
const QUOTE = 34;

/** A unit of a CSV as DuckDB's `skip` counts it: a record (quotes honoured) or a blank line. */
export interface Unit {
  /** Physical line (1-based) where the unit starts. */
  line: number;
  blank: boolean;
  /** Byte offsets in the file, for decoding preview rows. */
  start: number;
  end: number;
}

/**
 * Splits CSV bytes into records and blank lines, honouring quotes, in one streaming pass.
 * Works on raw bytes: `"`, `\n` and `\r` are single bytes in UTF-8 and Windows-1251 alike.
 */
export class RecordScanner {
  private inQuote = false;
  private hasContent = false;
  private line = 1;
  private unitLine = 1;
  private unitStart = 0;
  private offset = 0;
  /** The byte before the current position (a quote opens a value only at the start of a field). */
  private prev = NL;
  /** A quote ended the last chunk inside a quoted value: closing, unless the next byte doubles it. */
  private quoteAtEnd = false;
  multiline = false;
  private readonly delimiter: number;

  /**
   * `onUnit` returns false to stop the scan early. As DuckDB (and RFC 4180) do, a quote opens a quoted
   * value only at the start of a field: МБОУ "СОШ № 1" inside an unquoted field is text.
   */
  constructor(
    private readonly onUnit: (unit: Unit) => unknown,
    delimiter: string,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feeds the next chunk; returns false once the callback asked to stop. */
  push(buf: Uint8Array): boolean {
    let i = 0;
    const len = buf.length;
    if (len === 0) return true;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (buf[0] === QUOTE)
        i = 1; // a doubled quote: still inside the value
      else this.inQuote = false;
    }
    let nextQuote = buf.indexOf(QUOTE, i);
    while (i < len) {
      if (this.inQuote) {
        const q = buf.indexOf(QUOTE, i);
        const end = q < 0 ? len : q;
        const newlines = countNewlines(buf, i, end);
        if (newlines) {
          this.line += newlines;
          this.multiline = true;
        }
        if (q < 0) break;
        if (q === len - 1) {
          this.quoteAtEnd = true;
          i = len;
          break;
        }
        if (buf[q + 1] === QUOTE) {
          i = q + 2;
          continue;
        }
        this.inQuote = false;
        i = q + 1;
        nextQuote = buf.indexOf(QUOTE, i);
        continue;
      }
      if (nextQuote >= 0 && nextQuote < i) nextQuote = buf.indexOf(QUOTE, i);
      const n = buf.indexOf(NL, i);
      if (nextQuote >= 0 && (n < 0 || nextQuote < n)) {
        this.hasContent = true;
        const before = nextQuote > 0 ? buf[nextQuote - 1] : this.prev;
        if (before === this.delimiter || before === NL) this.inQuote = true;
        i = nextQuote + 1;
        nextQuote = buf.indexOf(QUOTE, i);
        continue;
      }
      const end = n < 0 ? len : n;
      if (end - i > 1 || (end - i === 1 && buf[i] !== CR)) this.hasContent = true;
      if (n < 0) break;
      const stop = this.emit(this.offset + n + 1);
      this.line++;
      i = n + 1;
      if (stop) {
        this.offset += len;
        this.prev = buf[len - 1];
        return false;
      }
    }
    this.offset += len;
    this.prev = buf[len - 1];
    return true;
  }

  /**
   * Ends the input: a last record without a final newline still counts. Returns the line where a
   * quote opened and never closed (the rest of the file would be one value), if any.
   */
  finish(): number | undefined {
    const openQuoteAt = this.inQuote && !this.quoteAtEnd ? this.unitLine : undefined;
    if (this.hasContent) this.emit(this.offset);
    return openQuoteAt;
  }

  private emit(end: number): boolean {
    const unit: Unit = { line: this.unitLine, blank: !this.hasContent, start: this.unitStart, end };
    this.hasContent = false;
    this.unitLine = this.line + 1;
    this.unitStart = end;
    return this.onUnit(unit) === false;
  }
}

function countNewlines(buf: Uint8Array, from: number, to: number): number {
  let count = 0;
  let i = buf.indexOf(NL, from);
  while (i >= 0 && i < to) {
    count++;
    i = buf.indexOf(NL, i + 1);
  }
  return count;
}
