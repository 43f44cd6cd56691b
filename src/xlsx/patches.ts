/**
 * Two fixes to exceljs's streaming reader, applied before exceljs loads (import this module first;
 * src/xlsx/exceljs.ts does).
 *
 * 1. It decodes each zip chunk to text on its own, so a Cyrillic letter whose
 * two UTF-8 bytes fall in two chunks becomes «��» (seen on the samples: «психол��го-педагогический»).
 *    This replaces its SAX helper with one that decodes the stream as a stream.
 * 2. exceljs writes xl/workbook.xml last in the zip, and the reader sometimes never sees that last
 *    entry (seen here, one run in four): its model stays undefined and every sheet fails with «Cannot
 *    read properties of undefined (reading 'sheets')». The sheets do not need it (names come from our
 *    own read of the workbook's directory), so an empty model stands in. Its other failures of this kind
 *    (and a sheet cut short, which readXlsx detects against the sheet's XML) are retried by the ingest.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const path = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = require('saxes') as { SaxesParser: new () => SaxParser };
const { PassThrough } = require('node:stream') as typeof import('node:stream');

interface SaxParser {
  on(event: string, handler: (value: unknown) => void): void;
  write(text: string): void;
}

async function* parseSax(input: object) {
  // As the original: an old-style stream without async iteration is piped through a PassThrough first.
  const stream = input as { pipe?: (d: unknown) => unknown };
  const iterable = (
    stream.pipe && !(Symbol.asyncIterator in input) ? stream.pipe(new PassThrough()) : input
  ) as AsyncIterable<Buffer | string>;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('error', (e) => {
    error = e;
  });
  for (const eventType of ['opentag', 'text', 'closetag']) {
    parser.on(eventType, (value) => events.push({ eventType, value }));
  }
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const tail = decoder.decode();
  if (tail) parser.write(tail);
  if (events.length) yield events;
}

require(path);
const cached = require.cache[path];
if (cached) cached.exports = parseSax;

const { prototype: reader } = require('exceljs/lib/stream/xlsx/workbook-reader.js') as {
  prototype: { _parseWorksheet(...args: unknown[]): unknown; model?: { sheets: unknown[] } };
};
const parseWorksheet = reader._parseWorksheet;
reader._parseWorksheet = function (this: typeof reader, ...args: unknown[]) {
  this.model ??= { sheets: [] };
  return parseWorksheet.apply(this, args);
};
