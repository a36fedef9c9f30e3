/**
 * Private work folders in the system's temporary folder, which do not outlive
 * the process: removed by their owner when a run ends, and by this module when
 * the process is stopped by a signal (Ctrl-C, a CI job's time limit) or exits
 * on its way. A build's work folder can hold row-level data — DuckDB's spilled
 * pages may contain whole input lines, names and ID numbers included — which
 * must not be left behind by a build that was interrupted.
 */
import {rmSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {constants, tmpdir} from 'node:os';
import {join} from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Folders not yet removed, including those whose removal has begun but not ended. */
const open = new Set<string>();
let listening = false;

/** Creates a private folder (mode 700) named `<prefix>XXXXXX` in the system's temporary folder. */
export async function createWorkDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  open.add(dir);
  listen();
  return dir;
}

/**
 * Has a folder made elsewhere removed as a work folder is: by
 * {@link removeWorkDir}, or when a signal stops the process. For scratch that
 * must live inside the project (Astro's build output), which an interrupted
 * build would otherwise leave there.
 */
export function holdAsWorkDir(dir: string): void {
  open.add(dir);
  listen();
}

/** Removes a folder of {@link createWorkDir} or {@link holdAsWorkDir} with everything in it. */
export async function removeWorkDir(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true, maxRetries: 3});
  // Only now: a signal during the removal must still find the folder to remove.
  open.delete(dir);
}

function listen(): void {
  if (listening) return;
  listening = true;
  for (const signal of SIGNALS) process.on(signal, stopOnSignal);
  process.on('exit', removeAllNow);
}

function removeAllNow(): void {
  for (const dir of open) {
    try {
      // DuckDB's threads may still be writing a spilled page into the folder: retry rather than give up.
      rmSync(dir, {recursive: true, force: true, maxRetries: 3});
      open.delete(dir);
    } catch (error) {
      process.stderr.write(`gongshi: could not remove the work folder ${dir}: ${String(error)}\n`);
    }
  }
}

function stopOnSignal(signal: NodeJS.Signals): void {
  removeAllNow();
  for (const s of SIGNALS) process.off(s, stopOnSignal);
  process.off('exit', removeAllNow);
  listening = false;
  // Another listener decides what this signal does; with none, stop as the signal would have stopped the process
  // had nobody listened (a listener keeps Node from its default), by raising it again.
  if (process.listenerCount(signal) > 0) return;
  try {
    process.kill(process.pid, signal);
  } catch {
    // Not every platform can raise every signal (Windows has no SIGHUP): exit with the shell's code for it.
    process.exit(128 + (constants.signals[signal] ?? 1));
  }
}
