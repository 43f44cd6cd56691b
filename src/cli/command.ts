import type { ParseArgsConfig } from 'node:util';
import type { Io } from './io.js';

export interface GlobalOptions {
  db: string;
  json: boolean;
  debug: boolean;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** One subcommand: its Russian help, its options, and what it does; returns the exit code. */
export interface Command {
  summary: string;
  usage: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Values, globals: GlobalOptions, io: Io): Promise<number>;
}
