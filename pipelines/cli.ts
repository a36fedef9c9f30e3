#!/usr/bin/env node
/**
 * The `gongshi` command: `sample`, `check` and `build` as docs/data-contract.md
 * section 5 describes. Errors meant for the user end the process with their
 * own exit code and message; anything else is a bug and shows its stack.
 */
import {isCliError} from './lib/cli-error.ts';
import {runCli} from './commands/run-cli.ts';

// Astro would otherwise try to send usage telemetry from an offline machine.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

try {
  process.exitCode = await runCli(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr});
} catch (error) {
  if (isCliError(error)) {
    process.stderr.write(`gongshi: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    throw error;
  }
}
