import {existsSync} from 'node:fs';
import {mkdir, rename, rm} from 'node:fs/promises';
import {basename, dirname, join, resolve} from 'node:path';

/**
 * Creates an empty staging folder beside `out` (same file system, so the
 * final rename is atomic) and returns its path.
 */
export async function createStaging(out: string): Promise<string> {
  const target = resolve(out);
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  await rm(staging, {recursive: true, force: true});
  await mkdir(staging, {recursive: true});
  return staging;
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
