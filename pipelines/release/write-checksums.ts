import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {ReleaseFile} from '../../src/lib/releases.ts';

/** The name of the checksum file, as GNU coreutils' `sha256sum` writes it. */
export const CHECKSUMS_FILE = 'SHA256SUMS';

/**
 * Returns the text of a SHA256SUMS file for `files`: one `<sha256>  <path>`
 * line per file (two spaces: text mode of `sha256sum`), sorted by path, so
 * that `sha256sum -c SHA256SUMS` verifies them in the folder they sit in.
 */
export function formatChecksums(files: readonly ReleaseFile[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

/** Writes SHA256SUMS for `files` into `dir` and returns its path. */
export async function writeChecksums(dir: string, files: readonly ReleaseFile[]): Promise<string> {
  const path = join(dir, CHECKSUMS_FILE);
  await writeFile(path, formatChecksums(files));
  return path;
}
