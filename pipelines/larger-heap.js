/**
 * The `gongshi` command in a Node.js whose heap may take three quarters of the machine's memory. V8 stops at about
 * 4 GiB whatever the machine: a province's disclosure control holds 3.3 million indicator cells with their
 * equations (江西's sample peaked at 6.5 GiB), and the default limit ends it with "JavaScript heap out of memory"
 * on a machine that has the memory. A limit the user gave (a flag or NODE_OPTIONS) is kept; so is a default that
 * is already as large. In a container the container's limit counts, not the host's memory. Plain JavaScript, as
 * require-node.js.
 *
 * The relaunched command gets a private temporary folder of its own, which this process removes when it ends,
 * however it ends: a build's work folders hold row-level data (DuckDB's spilled pages), and a process that runs
 * out of memory or is killed cannot remove its own.
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {constants, tmpdir, totalmem} from 'node:os';
import {join} from 'node:path';
import {getHeapStatistics} from 'node:v8';

const MIB = 2 ** 20;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The heap limit, in MiB, this machine allows a build: 3/4 of its (or its container's) memory. */
export function wantedHeapMiB() {
  const constrained = process.constrainedMemory?.() ?? 0;
  const memory = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
  return Math.floor((memory * 0.75) / MIB);
}

/**
 * Runs this command again in a Node given the larger heap, passing on its arguments, output and the signals that
 * stop it, and exits with its status; returns false, doing nothing, where no larger heap is needed or one was set.
 */
export async function runInLargerHeap() {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const given = options.some((option) => option.startsWith('--max-old-space-size'));
  const wanted = wantedHeapMiB();
  if (given || getHeapStatistics().heap_size_limit / MIB >= wanted * 0.9) return false;
  const scratch = mkdtempSync(join(tmpdir(), 'gongshi-run-'));
  const heap = `--max-old-space-size=${wanted}`;
  const child = spawn(process.execPath, [heap, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: {...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch}
  });
  // The command removes its private work folders when stopped: the signal must reach it, not only this process.
  for (const signal of SIGNALS) process.on(signal, () => child.kill(signal));
  const status = await new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)))
  );
  rmSync(scratch, {recursive: true, force: true, maxRetries: 3});
  process.exit(status);
}
