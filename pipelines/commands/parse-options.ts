import {parseArgs} from 'node:util';
import {CliError} from '../lib/cli-error.ts';

type OptionSpec = Record<
  string,
  {type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean}
>;

/**
 * Parses a command's options strictly: an unknown option or a missing value
 * is a usage error (exit 2) naming the command and the offending option.
 */
export function parseOptions<T extends OptionSpec>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({args: argv, options, strict: true, allowPositionals: false}).values;
  } catch (error) {
    throw new CliError('E_USAGE', `${command}: ${(error as Error).message}; see \`gongshi --help\``);
  }
}

/** Returns the value of a required option, or throws a usage error naming it. */
export function requireOption(command: string, name: string, value: string | boolean | undefined): string {
  if (typeof value !== 'string' || value === '') {
    throw new CliError('E_USAGE', `${command}: --${name} is required; see \`gongshi --help\``);
  }
  return value;
}

/** Returns `value` if it is one of `choices`, else throws a usage error listing them. */
export function chooseOption<C extends string>(command: string, name: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliError('E_USAGE', `${command}: --${name} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return value as C;
}
