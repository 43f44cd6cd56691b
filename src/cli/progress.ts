import type { Io } from './io.js';

/**
 * A one-line progress bar on a terminal («Паспорта школ [██████····] 60 из 100»), redrawn in place on
 * stderr; nothing when the output is not a terminal, so logs and tests stay clean.
 */
export function progressBar(io: Io, label: string): (done: number, total: number) => void {
  if (!io.tty) return () => undefined;
  let last = -1;
  return (done, total) => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    if (filled === last && done !== total) return;
    last = filled;
    const bar = `${'█'.repeat(filled)}${'·'.repeat(width - filled)}`;
    process.stderr.write(`\r${label} [${bar}] ${done} из ${total}${done === total ? '\n' : ''}`);
  };
}
