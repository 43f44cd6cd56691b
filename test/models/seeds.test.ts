import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxOf, VPR_EXTRA, VPR_SCALES } from '../../src/samples/vpr-scale.js';
import { projectPath } from '../../src/warehouse/paths.js';

const SUBJECT: Record<string, string> = {
  Математика: 'math',
  'Русский язык': 'rus',
  'Окружающий мир': 'env',
  История: 'hist',
};

describe('shipped reference tables', () => {
  it('the ВПР scale seed is the one the sample protocols were written with', () => {
    const [, ...lines] = readFileSync(projectPath('sql/seeds/vpr_scale.csv'), 'utf8').trim().split(/\r?\n/);
    const seed = new Map(
      lines.map((l) => l.split(',')).map(([y, s, g, ...rest]) => [`${y}|${s}|${g}`, rest.map(Number)]),
    );
    for (const w of [...VPR_SCALES, ...VPR_EXTRA]) {
      const key = `2026|${SUBJECT[w.subject]}|${w.grade}`;
      expect(seed.get(key), key).toEqual([maxOf(w), ...w.bounds]);
    }
  });
});
