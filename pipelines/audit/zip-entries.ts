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
import {Readable, pipeline} from 'node:stream';
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

/**
 * The entries of the ZIP archive at `path`, in the order of its central directory; `label` names the archive in an
 * error (the site-relative path). Any directory that does not hold together is an error.
 */
export async function readZipEntries(path: string, label = path): Promise<ZipEntry[]> {
  const handle = await open(path);
  const fail = (what: string) => new Error(`${label}: ${what}; the PII scan cannot read its entries`);
  try {
    const {size} = await handle.stat();
    // The end of the central directory: 22 bytes, then a comment of at most 65,535 that must end the file (a
    // signature inside a comment is not the record).
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    await handle.read(tail, 0, tail.length, size - tail.length);
    let end = tail.lastIndexOf(END_OF_DIRECTORY);
    while (end >= 0 && (end + 22 > tail.length || end + 22 + tail.readUInt16LE(end + 20) !== tail.length)) {
      end = end === 0 ? -1 : tail.lastIndexOf(END_OF_DIRECTORY, end - 1);
    }
    if (end < 0) throw fail('no end of central directory');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryStart = tail.readUInt32LE(end + 16);
    if (directoryStart === 0xffffffff || directorySize === 0xffffffff) throw fail('a ZIP64 archive');
    if (directoryStart + directorySize > size - tail.length + end) throw fail('a directory beyond the end of the file');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryStart);
    const entries: ZipEntry[] = [];
    // Every entry to the directory's end: the count is 16 bits, and a writer may wrap it past 65,535 entries.
    for (let at = 0; at < directory.length;) {
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
      if (start + compressedSize > size) throw fail(`entry ${name} runs past the end of the file`);
      entries.push({name, read: () => entryBytes(path, start, compressedSize, method === DEFLATED)});
    }
    if (entries.length % 0x10000 !== count) throw fail(`${entries.length} entries where the directory counts ${count}`);
    return entries;
  } finally {
    await handle.close();
  }
}

function entryBytes(path: string, start: number, length: number, deflated: boolean): AsyncIterable<Buffer> {
  const raw = length === 0 ? Readable.from([]) : createReadStream(path, {start, end: start + length - 1});
  if (!deflated) return raw;
  // pipeline closes the file when inflating fails or its reader stops early; the error reaches the reader.
  return pipeline(raw, createInflateRaw(), () => {});
}
