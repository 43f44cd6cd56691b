/** Runs one benchmark case in a child process; the child prints one JSON line with its timing and peak memory. */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Measured {
  /** Seconds of the timed part, measured inside the child. */
  seconds: number;
  /** Peak resident memory of the child, MB (process.resourceUsage().maxRSS). */
  peakMb: number;
  [extra: string]: unknown;
}

/** What a child calls last: prints its result with its peak memory. */
export function report(seconds: number, extra: Record<string, unknown> = {}): void {
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakMb, ...extra })}\n`);
}

export function runChild(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Measured);
      } catch {
        reject(new Error(`${script} ${args.join(' ')} exited ${code}: ${out.slice(-2000)}`));
      }
    });
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * One benchmark of a kind at a time: two would share their run copies and the cores, and both sets of
 * figures would be wrong. A lock left by a process that is gone is taken over. Returns the release.
 */
export function benchLock(dir: string, name: string): () => void {
  const path = join(dir, '.lock');
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(readFileSync(path, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`другой замер ${name} уже идёт (процесс ${pid}): дождитесь его окончания`);
    writeFileSync(path, String(process.pid));
  }
  return () => rmSync(path, { force: true });
}
