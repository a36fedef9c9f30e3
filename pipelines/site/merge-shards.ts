import {existsSync, readFileSync} from 'node:fs';
import {copyFile, mkdir, readFile, readdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {CliError} from '../lib/cli-error.ts';
import {PARTS_FILE, SHARD_FILE} from './carry-parts.ts';
import type {Shard} from './deal-shards.ts';

/**
 * What a shard's output carries at its root in SHARD_FILE (and the merged site does not): which shard it is, its
 * parts, and the settings the merge needs for the search index and the sitemap.
 */
export interface ShardFile extends Shard {
  parts: string[];
  base: string;
  siteUrl: string | null;
}

export async function writeShardFile(siteDir: string, shard: ShardFile): Promise<void> {
  await writeFile(join(siteDir, SHARD_FILE), `${JSON.stringify(shard, null, 1)}\n`);
}

export function readShardFile(dir: string): ShardFile {
  const path = join(dir, SHARD_FILE);
  if (!existsSync(path)) {
    throw new CliError(
      'E_USAGE',
      `merge: ${dir} is not the output of \`gongshi build --shard K/N\` (no ${SHARD_FILE})`
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as ShardFile;
}

/** Refuses shards that are not all N shards of one build: a site with a county missing must not be published. */
export function assertWhole(read: readonly {dir: string; shard: ShardFile}[]): void {
  const count = read[0]?.shard.count;
  if (!count) throw new CliError('E_USAGE', 'merge: no shard given');
  const release = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'data', 'manifest.json'), 'utf8')) as {build_id: string}).build_id;
  const id = release(read[0]!.dir);
  for (const {dir, shard} of read) {
    if (shard.count !== count)
      throw new CliError('E_USAGE', `merge: ${dir} is shard ${shard.index}/${shard.count}, not of ${count}`);
    if (release(dir) !== id) throw new CliError('E_USAGE', `merge: ${dir} is of release ${release(dir)}, not ${id}`);
    const {base, siteUrl} = read[0]!.shard;
    if (shard.base !== base || shard.siteUrl !== siteUrl) {
      throw new CliError(
        'E_USAGE',
        `merge: ${dir} was built for ${shard.siteUrl ?? 'no site URL'}${shard.base}, not ${siteUrl ?? 'no site URL'}${base}`
      );
    }
  }
  const indexes = read.map(({shard}) => shard.index);
  const missing = Array.from({length: count}, (_, i) => i + 1).filter((i) => !indexes.includes(i));
  const twice = indexes.filter((index, i) => indexes.indexOf(index) !== i);
  if (missing.length || twice.length) {
    throw new CliError(
      'E_USAGE',
      `merge: needs each of the ${count} shards once; ${missing.length ? `missing ${missing.join(', ')}` : `shard ${twice[0]} given twice`}`
    );
  }
  const {parts} = JSON.parse(readFileSync(join(read[0]!.dir, PARTS_FILE), 'utf8')) as {parts: Record<string, string>};
  const dealt = read.flatMap(({shard}) => shard.parts).sort();
  if (JSON.stringify(dealt) !== JSON.stringify(Object.keys(parts).sort())) {
    throw new CliError('E_USAGE', 'merge: the shards do not deal out the parts of the site exactly once');
  }
}

/** Copies a shard's files into `siteDir`; a file already there from another shard must be the same, byte for byte. */
export async function copyShard(dir: string, siteDir: string, merged: Set<string>): Promise<void> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  const made = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const path = from.slice(dir.length + 1);
    if (path === SHARD_FILE) continue;
    const to = join(siteDir, path);
    if (merged.has(path)) {
      const [a, b] = await Promise.all([readFile(from), readFile(to)]);
      if (!a.equals(b)) throw new CliError('E_USAGE', `merge: ${path} differs between shards: are they of one build?`);
      continue;
    }
    if (!made.has(dirname(to))) {
      made.add(dirname(to));
      await mkdir(dirname(to), {recursive: true});
    }
    await copyFile(from, to);
    merged.add(path);
  }
}
