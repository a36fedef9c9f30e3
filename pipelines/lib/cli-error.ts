/**
 * An error meant for the person at the command line: a stable code, a message
 * they can act on, and the exit status the process should end with. Anything
 * else thrown is a bug of ours and is reported with its stack.
 */
export class CliError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode = 2) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Whether `error` is a CliError, also across module copies. */
export function isCliError(error: unknown): error is CliError {
  return error instanceof Error && error.name === 'CliError' && 'code' in error && 'exitCode' in error;
}
