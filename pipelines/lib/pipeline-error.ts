/**
 * A file-level fault in the input (a missing file or column, undecodable
 * bytes, broken quoting…): it stops the build with exit status 1 and a message
 * naming the file, line and column, with a stable code and a hint.
 */
import {CliError, isCliError} from './cli-error.ts';
import {formatProblem} from './error-codes.ts';
import type {Lang, Problem} from './error-codes.ts';

/**
 * An input fault that stops the build. `message` is rendered in Chinese; a
 * command run with `--lang en` re-renders it with `format('en')`.
 */
export class PipelineError extends CliError {
  readonly problem: Problem;

  constructor(problem: Problem) {
    // `name` stays 'CliError' (set by the parent) so the CLI's isCliError reports it as an input fault, not a bug.
    super(problem.code, formatProblem(problem, 'zh'), 1);
    this.problem = problem;
  }

  /** The problem and its hint in `lang`. */
  format(lang: Lang): string {
    return formatProblem(this.problem, lang);
  }
}

/** Whether `error` is a PipelineError, also across module copies. */
export function isPipelineError(error: unknown): error is PipelineError {
  return isCliError(error) && 'problem' in error && typeof (error as PipelineError).format === 'function';
}
