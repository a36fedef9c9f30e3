/**
 * The entries of a ZIP archive, as a visitor's unzip reads them: the PII
 * scan reads what the site's data archive unpacks to, not its deflated
 * bytes. Each entry is streamed from the file and inflated as it is read,
 * so that a province's 75 MB archive of 500 MB of tables is never whole in
 * memory. Reads what zip archives hold in practice (stored and deflated
 * entries, no ZIP64, no encryption); any other archive is an error, not an
 * archive left unread.
 */
import {createReadStream} from 'node:fs';
import {open} from 'node:fs/promises';
import {Readable} from 'node:stream';
import {createInflateRaw} from 'node:zlib';

export interface ZipEntry {
  /** The entry's name in the archive, `/`-separated. */
  name: string;
  /** The entry's bytes, uncompressed, in chunks (each call reads them anew). */
  read(): AsyncIterable<Buffer>;
}

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Whether `head`, a file's first bytes, begins a ZIP archive (or an empty one). */
export const isZip = (head: Buffer) =>
  head.length >= 4 &&
  head[0] === 0x50 &&
  head[1] === 0x4b &&
  (head[2] === 3 || head[2] === 5) &&
  head[3] === head[2] + 1;

/** The entries of the ZIP archive at `path`, in the order of its central directory. */
export async function readZipEntries(path: string): Promise<ZipEntry[]> {
  const handle = await open(path);
  const fail = (what: string) => new Error(`${path}: ${what}; the PII scan cannot read its entries`);
  try {
    const {size} = await handle.stat();
    // The end of the central directory: 22 bytes, followed by a comment of at most 65,535.
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await handle.read(tail, 0, tail.length, size - tail.length);
    const end = tail.lastIndexOf(END_OF_DIRECTORY);
    if (end < 0 || end + 22 > tail.length) throw fail('no end of central directory');
    const count = tail.readUInt16LE(end + 10);
    const directory = Buffer.alloc(tail.readUInt32LE(end + 12));
    const directoryStart = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryStart === 0xffffffff) throw fail('a ZIP64 archive');
    await handle.read(directory, 0, directory.length, directoryStart);
    const entries: ZipEntry[] = [];
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY)
        throw fail('a damaged directory');
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      const compressedSize = directory.readUInt32LE(at + 20);
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
      const localHeader = directory.readUInt32LE(at + 42);
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      if (flags & 1) throw fail(`entry ${name} is encrypted`);
      if (method !== STORED && method !== DEFLATED) throw fail(`entry ${name} uses compression method ${method}`);
      if (compressedSize === 0xffffffff || localHeader === 0xffffffff) throw fail('a ZIP64 archive');
      // The data follows the local header, whose name and extra field may differ in length from the directory's.
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, localHeader);
      if (local.readUInt32LE(0) !== LOCAL_HEADER) throw fail(`entry ${name} has no local header`);
      const start = localHeader + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      entries.push({name, read: () => entryBytes(path, start, compressedSize, method === DEFLATED)});
    }
    return entries;
  } finally {
    await handle.close();
  }
}

function entryBytes(path: string, start: number, length: number, deflated: boolean): AsyncIterable<Buffer> {
  const raw = length === 0 ? Readable.from([]) : createReadStream(path, {start, end: start + length - 1});
  if (!deflated) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (error: Error) => inflate.destroy(error));
  return raw.pipe(inflate);
}
