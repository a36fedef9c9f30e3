import {existsSync, readFileSync} from 'node:fs';
import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {CITY_PART} from '../../src/lib/page-parts.ts';
import {pageFilePartOf} from './page-file-parts.ts';

/** The file at a shard's root naming its parts (merge-shards.ts, which imports this module). */
export const SHARD_FILE = 'gongshi-shard.json';

/**
 * The file at a site's root listing its parts and their keys (part-keys.ts):
 * what the next build given this site as `--previous` compares its own keys
 * with. Keys only — hashes of published rows and of the code, nothing else.
 */
export const PARTS_FILE = 'gongshi-parts.json';

/** Writes the parts file of a site, in a fixed order (a build's output is byte-identical for the same input). */
export async function writePartsFile(siteDir: string, keys: ReadonlyMap<string, string>): Promise<void> {
  const parts = Object.fromEntries([...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(join(siteDir, PARTS_FILE), `${JSON.stringify({parts}, null, 1)}\n`);
}

/** A previous site whose pages a build can carry forward. */
export interface PreviousSite {
  dir: string;
  /** Its release id, which its pages print and a carried page has replaced by the new one. */
  buildId: string;
  keys: Map<string, string>;
}

/**
 * The site at `dir` with the parts it holds, or null where `dir` holds no built site (a data folder, an older build).
 */
export function readPreviousSite(dir: string): PreviousSite | null {
  const partsPath = join(dir, PARTS_FILE);
  const manifestPath = join(dir, 'data', 'manifest.json');
  if (!existsSync(partsPath) || !existsSync(manifestPath)) return null;
  const {parts} = JSON.parse(readFileSync(partsPath, 'utf8')) as {parts: Record<string, string>};
  const {build_id: buildId} = JSON.parse(readFileSync(manifestPath, 'utf8')) as {build_id: string};
  // A shard's output holds the keys of every part but the pages of its own only.
  const shardPath = join(dir, SHARD_FILE);
  const own = existsSync(shardPath)
    ? new Set((JSON.parse(readFileSync(shardPath, 'utf8')) as {parts: string[]}).parts)
    : null;
  return {dir, buildId, keys: new Map(Object.entries(parts).filter(([part]) => !own || own.has(part)))};
}

/**
 * The parts a build must render given the previous site's keys: those whose
 * key changed or that the previous site lacks, and always the city's (its key
 * covers every published file, so it changes with anything; its pages are few).
 */
export function partsToRender(keys: ReadonlyMap<string, string>, previous: PreviousSite): string[] {
  return [...keys].filter(([part, key]) => part === CITY_PART || previous.keys.get(part) !== key).map(([p]) => p);
}

/**
 * Copies into `siteDir` every file of the previous site that belongs to one of
 * `parts` (by its path, read against the previous site's own data), with the
 * previous release id replaced by `buildId` wherever the page prints it.
 * Returns how many files it copied.
 */
export async function carryParts(
  previous: PreviousSite,
  siteDir: string,
  parts: ReadonlySet<string>,
  buildId: string
): Promise<number> {
  const partOf = pageFilePartOf(join(previous.dir, 'data'));
  const files = (await readdir(previous.dir, {recursive: true, withFileTypes: true}))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(previous.dir.length + 1))
    .filter((path) => parts.has(partOf(path)))
    .sort();
  const folders = [...new Set(files.map((path) => dirname(join(siteDir, path))))];
  await inPool(folders, 16, (folder) => mkdir(folder, {recursive: true}).then(() => undefined));
  const [from, to] = [Buffer.from(previous.buildId), Buffer.from(buildId)];
  await inPool(files, 32, async (path) => {
    const bytes = await readFile(join(previous.dir, path));
    await writeFile(join(siteDir, path), replaceBytes(bytes, from, to));
  });
  return files.length;
}

/** Runs `work` on every item, `size` at a time (each next item as soon as one is done). */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({length: Math.min(size, items.length)}, worker));
}

/**
 * `bytes` with every occurrence of `from` replaced by `to`: in place where both are as long (release ids always are),
 * else through text.
 */
function replaceBytes(bytes: Buffer, from: Buffer, to: Buffer): Buffer {
  if (from.length !== to.length) return Buffer.from(bytes.toString('utf8').replaceAll(from.toString(), to.toString()));
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + from.length)) to.copy(bytes, at);
  return bytes;
}
