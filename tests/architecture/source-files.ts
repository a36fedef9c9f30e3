import {readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every file under `dir` (relative to the repository) whose name ends in one of `extensions`, relative to the root. */
export function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(join(ROOT, dir), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}
