/** Exit codes are a contract (README «Коды завершения»). */
export const EXIT = { ok: 0, warnings: 1, failed: 2, cannotRun: 3 } as const;

/** An error the user can act on: printed as its message alone (the stack only with --debug). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
