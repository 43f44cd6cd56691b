import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPath } from '../../src/warehouse/paths.js';

/** The date every fault test computes for (the samples' October). */
export const AS_OF = '31.10.2026';
export const AS_OF_DIR = '2026-10-31';

const BIN = projectPath('dist/src/cli/bin.js');

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the built CLI as its own process (a process group of its own, with any browser it starts). */
export function start(args: string[], options: SpawnOptions = {}): ChildProcess {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (npm run build)`);
  return spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...options,
  });
}

/** What a process printed and how it ended. */
export function outcome(child: ChildProcess): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the CLI to its end. */
export function shnor(args: string[], options: SpawnOptions = {}): Promise<Outcome> {
  return outcome(start(args, options));
}

/**
 * Runs the CLI and kills it (SIGKILL: no handler, no clean-up) the moment `ready` first holds —
 * checked on every line it prints and every few milliseconds. What it started (a browser) is left
 * to the caller: `endGroup(pid)`. Throws when the process ended before `ready` held.
 */
export async function killWhen(
  args: string[],
  ready: (printed: string) => boolean,
  options: SpawnOptions = {},
): Promise<Outcome & { killedAt: string; pid: number }> {
  const child = start(args, options);
  const ended = outcome(child);
  let printed = '';
  let killed = false;
  let killedAt = '';
  const check = () => {
    if (killed || child.exitCode !== null) return;
    if (ready(printed)) {
      killed = child.kill('SIGKILL');
      killedAt = printed;
    }
  };
  child.stdout?.on('data', (d: Buffer) => {
    printed += d.toString();
    check();
  });
  const timer = setInterval(check, 5);
  const result = await ended;
  clearInterval(timer);
  if (!killed) {
    endGroup(child.pid);
    throw new Error(
      `the process ended (exit ${result.code}) before the moment to kill it came:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return { ...result, killedAt, pid: child.pid as number };
}

/** Ends whatever a killed CLI left in its process group (only that group: the test started it). */
export function endGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Whether any process of a group started by the test is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stack trace's frames, which a user never sees without --debug. */
export const STACK_FRAME = /^\s+at .+[(:]\d+/m;
