import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { projectPath } from '../../src/warehouse/paths.js';
import { encode1251 } from '../helpers/workspace.js';

/** The sample protocol a large one is made of (one school, one subject and grade). */
const SAMPLE = 'data-samples/vpr/2026/sch050107_matematika_5.csv';

/**
 * A ВПР protocol as ФИС ОКО exports it (Windows-1251, title lines, header), `rows` participants
 * long: the sample's rows over and over, each with its own participant number. Returns the rows
 * written.
 */
export async function writeBigProtocol(path: string, rows: number): Promise<number> {
  const lines = new TextDecoder('windows-1251')
    .decode(readFileSync(projectPath(SAMPLE)))
    .split('\r\n')
    .filter(Boolean);
  const header = lines.findIndex((l) => l.startsWith('Номер обучающегося;'));
  if (header < 0) throw new Error(`${SAMPLE}: no header line`);
  const data = lines.slice(header + 1);
  const out = createWriteStream(path);
  let text = `${lines.slice(0, header + 1).join('\r\n')}\r\n`;
  for (let i = 0; i < rows; i++) {
    const cells = data[i % data.length].split(';');
    cells[0] = String(1_000_000 + i);
    text += `${cells.join(';')}\r\n`;
    if (text.length > 1 << 20 || i === rows - 1) {
      if (!out.write(encode1251(text))) await once(out, 'drain');
      text = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
