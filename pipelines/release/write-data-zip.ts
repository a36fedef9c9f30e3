import {createReadStream, createWriteStream} from 'node:fs';
import {join} from 'node:path';
import {once} from 'node:events';
import {Zip, ZipDeflate, ZipPassThrough} from 'fflate';

/** One entry of the archive: where the bytes come from and the name they get. */
export interface ZipEntry {
  /** File on disk. */
  source: string;
  /** Name inside the archive, `/`-separated. */
  name: string;
}

// The DOS epoch, built from local-time fields because fflate writes local-time fields: the same bytes in
// every time zone. No clock enters the archive.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
// Already compressed (Parquet with zstd): deflating them again costs time and saves nothing.
const STORED = /\.(parquet|zip|gz|br)$/;

/**
 * Writes a ZIP archive of `entries` to `target`, deterministically: entries
 * sorted by name, every timestamp fixed, the same attributes for all, and
 * fflate's pure-JavaScript deflate (the same bytes whatever zlib the machine
 * has). The same files give a byte-identical archive. Streams each file, so
 * memory stays flat however large the tables; ZIP64 is not written, so the
 * archive must stay under 4 GiB.
 */
export async function writeDataZip(target: string, entries: readonly ZipEntry[]): Promise<void> {
  const out = createWriteStream(target);
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else pending.push(chunk);
    if (final) finished = true;
  });
  const flush = async () => {
    if (failure) throw failure;
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  };
  try {
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = STORED.test(entry.name) ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, {level: 6});
      file.mtime = FIXED_MTIME;
      zip.add(file);
      for await (const chunk of createReadStream(entry.source)) {
        file.push(chunk as Buffer);
        await flush();
      }
      file.push(new Uint8Array(0), true);
      await flush();
    }
    zip.end();
    await flush();
    if (!finished) throw new Error(`zip not finished: ${target}`);
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/** Entries for files of one folder, named `<prefix>/<path>` inside the archive. */
export function folderEntries(dir: string, paths: readonly string[], prefix: string): ZipEntry[] {
  return paths.map((path) => ({source: join(dir, path), name: `${prefix}/${path}`}));
}
