import {existsSync} from 'node:fs';
import {mkdir, readdir, rename, rm} from 'node:fs/promises';
import {basename, dirname, join, resolve} from 'node:path';

/**
 * Creates an empty staging folder beside `out` (same file system, so the
 * final rename is atomic) and returns its path.
 */
export async function createStaging(out: string): Promise<string> {
  const target = resolve(out);
  const prefix = `.${basename(target)}.staging-`;
  const staging = join(dirname(target), `${prefix}${process.pid}`);
  await removeAbandonedStaging(target, prefix);
  await rm(staging, {recursive: true, force: true});
  await mkdir(staging, {recursive: true});
  return staging;
}

/**
 * Removes staging folders of builds whose process no longer runs: a build
 * killed mid-way must not leave gigabytes of scratch beside the output for
 * ever. A build killed between the two renames of the swap left the last good
 * output as `<staging>.old` and no output: that one is put back, not removed.
 * Folders of running builds stay.
 */
async function removeAbandonedStaging(target: string, prefix: string): Promise<void> {
  const dir = dirname(target);
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries.filter((n) => n.startsWith(prefix)).sort()) {
    const retired = name.endsWith('.old');
    const pid = Number(name.slice(prefix.length, retired ? -'.old'.length : undefined));
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    if (retired && !existsSync(target)) await rename(join(dir, name), target);
    else await rm(join(dir, name), {recursive: true, force: true});
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replaces `out` with `staging`. Until this call the last good output stays
 * untouched; the old one is moved aside first and removed only after the new
 * one is in place.
 */
export async function swapOutput(staging: string, out: string): Promise<void> {
  const target = resolve(out);
  const retired = `${staging}.old`;
  const hadOutput = existsSync(target);
  if (hadOutput) await rename(target, retired);
  await rename(staging, target);
  if (hadOutput) await rm(retired, {recursive: true, force: true});
}

/** Removes a staging folder after a failed run. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, {recursive: true, force: true});
}
