import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { ruDate } from '../text/russian.js';

/** The analyst's own text for a report: Markdown sections that replace the generated ones. */
export interface Commentary {
  /** Where it was read from, for the note that says whose text it is. */
  path: string;
  conclusions?: string;
  recommendations?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Markdown without raw HTML: a tag typed in the analyst's file is shown as text, never run. */
const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // A note is printed and mailed: links keep only web and mail addresses, images are not fetched.
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return /^(https?:|mailto:)/i.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

const SECTIONS: [keyof Omit<Commentary, 'path'>, RegExp][] = [
  ['conclusions', /^выводы/i],
  ['recommendations', /^рекомендации/i],
];

/**
 * `commentary/<report>/<as-of>.md` (the date as 2026-10-31 or 31.10.2026), split at its headings
 * «Выводы» and «Рекомендации»; text before any heading counts as Выводы.
 */
export function readCommentary(dir: string, report: string, asOf: string): Commentary | undefined {
  const path = [`${asOf}.md`, `${ruDate(asOf)}.md`]
    .map((f) => join(dir, report, f))
    .find((p) => existsSync(p));
  if (!path) return undefined;
  const parts: Record<string, string[]> = { conclusions: [], recommendations: [] };
  let current: string = 'conclusions';
  for (const line of readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)) {
    const heading = /^#{1,3}\s+(.*)$/.exec(line);
    const section = heading && SECTIONS.find(([, re]) => re.test(heading[1].trim()));
    if (section) current = section[0];
    else parts[current].push(line);
  }
  const html = (lines: string[]) => {
    const text = lines.join('\n').trim();
    return text ? (markdown.parse(text) as string) : undefined;
  };
  return { path, conclusions: html(parts.conclusions), recommendations: html(parts.recommendations) };
}
