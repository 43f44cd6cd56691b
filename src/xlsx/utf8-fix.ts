/**
 * exceljs's streaming reader decodes each zip chunk to text on its own, so a Cyrillic letter whose
 * two UTF-8 bytes fall in two chunks becomes «��» (seen on the samples: «психол��го-педагогический»).
 * This replaces its SAX helper, before exceljs loads, with one that decodes the stream as a stream.
 * Import this module before `exceljs`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const path = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = require('saxes') as { SaxesParser: new () => SaxParser };

interface SaxParser {
  on(event: string, handler: (value: unknown) => void): void;
  write(text: string): void;
}

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
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
