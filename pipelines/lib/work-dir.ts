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
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const open = new Set<string>();
let listening = false;

/** Creates a private folder (mode 700) named `<prefix>XXXXXX` in the system's temporary folder. */
export async function createWorkDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  open.add(dir);
  listen();
  return dir;
}

/** Removes a folder of {@link createWorkDir} with everything in it. */
export async function removeWorkDir(dir: string): Promise<void> {
  open.delete(dir);
  await rm(dir, {recursive: true, force: true});
}

function listen(): void {
  if (listening) return;
  listening = true;
  for (const signal of SIGNALS) process.on(signal, stopOnSignal);
  process.on('exit', removeAllNow);
}

function removeAllNow(): void {
  for (const dir of open) rmSync(dir, {recursive: true, force: true});
  open.clear();
}

function stopOnSignal(signal: NodeJS.Signals): void {
  removeAllNow();
  // Then stop as the signal would have stopped the process had nobody listened: a listener keeps Node from
  // its default (ending the process), so ours goes and the signal is raised again.
  for (const s of SIGNALS) process.off(s, stopOnSignal);
  process.off('exit', removeAllNow);
  listening = false;
  process.kill(process.pid, signal);
}
