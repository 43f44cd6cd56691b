import { describe, expect, it } from 'vitest';
import { teacherDiagnostics } from '../../src/ingest/contracts/diagnostics.js';
import { resolveMeta } from '../../src/ingest/meta.js';

const wave = (title: string, fileName = 'x.xlsx') =>
  resolveMeta(teacherDiagnostics, new Set(['year', 'subject']), title, fileName, {}, 'x.xlsx').get('wave')
    ?.raw;

describe('the wave of a diagnostic from its title or file name', () => {
  it('takes the number after «волна», not the word before it', () => {
    expect(wave('Диагностика профессиональных дефицитов педагогов, 2025 год, волна 1')).toBe('1');
    expect(wave('Диагностика, волна № 2 (ноябрь)')).toBe('2');
  });
  it('reads «2-я волна» and «вторая волна»', () => {
    expect(wave('Диагностика 2026 года: 2-я волна')).toBe('2');
    expect(wave('Диагностика: вторая волна')).toBe('вторая');
  });
  it('falls back to the file name', () => {
    expect(wave('Диагностика педагогов', 'deficity volna1 волна 2.xlsx')).toBe('2');
  });
});
