/**
 * Scans a share of a site's files for input PII: each file read as a visitor
 * could read it (decoded, decompressed, unescaped; Parquet through DuckDB).
 * scan-site-for-pii.ts deals the files out and runs shares side by side.
 */
import {mkdir, open, readFile, writeFile} from 'node:fs/promises';
import {extname, join, relative, sep} from 'node:path';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import type {DuckDBConnection} from '@duckdb/node-api';
import {closeDuckDB, openDuckDB, sqlString} from '../lib/duckdb.ts';
import type {PiiValues} from '../ingest/collect-pii.ts';
import {createPiiMatcher} from './pii-matcher.ts';
import type {OnPii, PiiKind, PiiMatcher} from './pii-matcher.ts';
import {PIECE_BYTES, scanText, scanTextChunks, scanTextFile} from './scan-text.ts';
import {isZip, readZipEntries} from './zip-entries.ts';

export type {PiiKind} from './pii-matcher.ts';

/** One occurrence of input PII in the site. */
export interface PiiLeak {
  /**
   * Path relative to the site folder, with `/` separators; a compressed copy keeps its `.gz`/`.br`; an entry of a
   * ZIP archive is `<archive>/<entry>` (the archive itself stands for its listing of entry names).
   */
  file: string;
  kind: PiiKind;
  /**
   * Offset in UTF-16 code units in the text scanned: the file's decoded text
   * after unescaping (unescape-text.ts); for Parquet, its rows as
   * tab-separated text; for a compressed copy, the decompressed text.
   */
  offset: number;
}

/** What a share of the scan needs; plain data, so that a worker thread can be handed it. */
export interface ScanShare {
  siteDir: string;
  /** Absolute paths of the files to scan. */
  paths: string[];
  pii: PiiValues;
  publicVocabulary: readonly string[];
  /** DuckDB's memory limit for reading Parquet files. */
  memoryLimit?: string;
  /**
   * A private folder (made on first use, not removed) for Parquet's rows as text and DuckDB's spilled pages: row-level
   * data, so it is the caller's work folder, which a stopped worker or a signal does not leave behind.
   */
  workDir: string;
}

export /** Files no visitor reads as text, and whose bytes hold no text to find: skipped. */
const SKIPPED = new Set([
  '.wasm',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.ico',
  '.bmp',
  '.tif',
  '.tiff',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
  '.eot',
  '.mp3',
  '.mp4',
  '.webm',
  '.ogg',
  '.wav'
]);

/** Returns every occurrence of a value of `pii` in the files of `share`, in the order of its paths. */
export async function scanFiles({
  siteDir,
  paths,
  pii,
  publicVocabulary,
  memoryLimit,
  workDir
}: ScanShare): Promise<PiiLeak[]> {
  const leaks: PiiLeak[] = [];
  const scan: Scan = {
    matcher: createPiiMatcher(pii, publicVocabulary),
    parquet: new ParquetReader(memoryLimit, workDir),
    report: (file) => (kind, offset) => leaks.push({file, kind, offset})
  };
  try {
    // Reading runs a few files ahead of scanning, so the disk and the CPU both stay busy. A failed read
    // is held until its turn (a rejection nobody awaits yet would end the process).
    const reads: (Promise<{bytes?: Buffer | LargeFile | null; error?: unknown}> | undefined)[] = [];
    const readAhead = (i: number) => {
      if (i >= paths.length || reads[i]) return;
      const path = paths[i]!;
      reads[i] = SKIPPED.has(extname(path).toLowerCase())
        ? Promise.resolve({bytes: null})
        : readUnlessLarge(path).then(
            (bytes) => ({bytes}),
            (error: unknown) => ({error})
          );
    };
    for (let i = 0; i < paths.length; i++) {
      for (let ahead = i; ahead < i + READ_AHEAD; ahead++) readAhead(ahead);
      const {bytes, error} = await reads[i]!;
      reads[i] = undefined;
      if (error) throw error;
      if (!bytes) continue;
      const file = relative(siteDir, paths[i]!).split(sep).join('/');
      if (Buffer.isBuffer(bytes)) await scanFile(file, paths[i]!, bytes, scan);
      else await scanLargeFile(file, paths[i]!, bytes, scan);
    }
  } finally {
    await scan.parquet.close();
  }
  return leaks;
}

/** What scanning a file needs: the matcher, the Parquet reader, and where to report a file's leaks. */
interface Scan {
  matcher: PiiMatcher;
  parquet: ParquetReader;
  report: (file: string) => OnPii;
}

const READ_AHEAD = 8;

/**
 * A file larger than a piece of text (scan-text.ts), read as it is scanned, not ahead: its first and last 4 bytes
 * (what tells ZIP, gzip and Parquet).
 */
interface LargeFile {
  head: Buffer;
  tail: Buffer;
}

/** The bytes of the file at `path`, or its ends when it is larger than a piece. */
async function readUnlessLarge(path: string): Promise<Buffer | LargeFile> {
  const handle = await open(path);
  try {
    const {size} = await handle.stat();
    if (size <= PIECE_BYTES) return await handle.readFile();
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    await handle.read(tail, 0, 4, size - 4);
    return {head, tail};
  } finally {
    await handle.close();
  }
}

/**
 * Scans a large file: text a piece at a time, Parquet's rows likewise, a ZIP archive entry by entry; a
 * compressed copy is decompressed whole.
 */
async function scanLargeFile(name: string, path: string, {head, tail}: LargeFile, scan: Scan): Promise<void> {
  const extension = extname(name).toLowerCase();
  if (isZip(head)) await scanZip(name, path, scan);
  else if (extension === '.br' || isGzip(head)) await scanFile(name, path, await readFile(path), scan);
  else if (extension === '.parquet' || isParquet(Buffer.concat([head, tail])))
    await scanTextFile(await scan.parquet.read(path), scan.matcher, scan.report(name));
  else await scanTextFile(path, scan.matcher, scan.report(name));
}

/**
 * Scans the file `name` from its bytes `data`; `path` is where it lies (Parquet and ZIP are read from there),
 * null for an entry of an archive.
 */
async function scanFile(name: string, path: string | null, data: Buffer, scan: Scan): Promise<void> {
  let extension = extname(name).toLowerCase();
  let bytes = data;
  let compressed = false;
  // Compressed copies (also nested, as in .json.gz): decompress, then treat as the inner file.
  for (let inner = name; ; compressed = true) {
    if (isGzip(bytes)) bytes = gunzipSync(bytes);
    else if (extension === '.br') bytes = brotliDecompressSync(bytes);
    else break;
    inner = inner.slice(0, inner.length - extension.length);
    extension = extname(inner).toLowerCase();
    if (SKIPPED.has(extension)) return;
  }
  if (isZip(bytes)) {
    // An archive inside an archive (an .xlsx in the data zip) is nothing Gongshi writes: a build that has one stops
    // rather than leave it unread.
    if (compressed || path === null)
      throw new Error(`${name}: a ZIP archive inside another file, which the PII scan cannot read`);
    await scanZip(name, path, scan);
  } else if (extension === '.parquet' || isParquet(bytes))
    await scanTextFile(
      await scan.parquet.read(compressed || path === null ? bytes : path),
      scan.matcher,
      scan.report(name)
    );
  else await scanText(bytes, scan.matcher, scan.report(name));
}

/**
 * Scans the ZIP archive at `path` as its listing and its entries: the entry names as a text of the archive's own, each
 * entry as the file it unpacks to, reported as `<archive>/<entry>`. An entry is told by its first bytes as a file is:
 * text is streamed and inflated a piece at a time; Parquet, compressed copies and archives are read whole.
 */
async function scanZip(name: string, path: string, scan: Scan): Promise<void> {
  const entries = await readZipEntries(path, name);
  await scanText(Buffer.from(entries.map((entry) => entry.name).join('\n')), scan.matcher, scan.report(name));
  for (const entry of entries) {
    const file = `${name}/${entry.name}`;
    if (entry.name.endsWith('/') || SKIPPED.has(extname(entry.name).toLowerCase())) continue;
    const chunks = entry.read()[Symbol.asyncIterator]();
    const first = await chunks.next();
    const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
    const rest = async function* () {
      yield head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    };
    const binary = /\.(parquet|gz|br|zip)$/i.test(entry.name) || isGzip(head) || isZip(head) || startsParquet(head);
    if (binary) await scanFile(file, null, await allBytes(rest()), scan);
    else await scanTextChunks(rest(), () => allBytes(entry.read()), scan.matcher, scan.report(file));
  }
}

async function allBytes(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

const startsParquet = (bytes: Buffer) => bytes.subarray(0, 4).toString('latin1') === 'PAR1';
const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
const isParquet = (bytes: Buffer) =>
  bytes.length >= 8 &&
  bytes.subarray(0, 4).toString('latin1') === 'PAR1' &&
  bytes.subarray(-4).toString('latin1') === 'PAR1';

/**
 * Reads Parquet files (their bytes are compressed) through one DuckDB
 * connection, opened on first use, as text: DuckDB writes the rows to a
 * temporary tab-separated file with a header, which is then read back.
 */
class ParquetReader {
  readonly #memoryLimit: string | undefined;
  readonly #workDir: string;
  #connection: Promise<DuckDBConnection> | undefined;

  constructor(memoryLimit: string | undefined, workDir: string) {
    this.#memoryLimit = memoryLimit;
    this.#workDir = workDir;
  }

  /**
   * Writes the rows of the Parquet file at `file` (a path, or the bytes of a decompressed copy or an archive's
   * entry) as UTF-8 text to a file of its own, and returns that file's path (valid until the next read).
   */
  async read(file: string | Buffer): Promise<string> {
    // The rows read may be the very leak looked for: pages DuckDB spills go to the private folder too,
    // not to its default `.tmp` in the working folder.
    this.#connection ??= mkdir(this.#workDir, {recursive: true}).then(() =>
      openDuckDB({tempDirectory: join(this.#workDir, 'duckdb'), memoryLimit: this.#memoryLimit})
    );
    const connection = await this.#connection;
    // DuckDB reads files, so a decompressed copy or an entry goes to a temporary one.
    const path = typeof file === 'string' ? file : join(this.#workDir, 'copy.parquet');
    if (typeof file !== 'string') await writeFile(path, file);
    const text = join(this.#workDir, 'rows.tsv');
    await connection.run(
      `COPY (SELECT * FROM read_parquet(${sqlString(path)})) TO ${sqlString(text)} (FORMAT csv, HEADER true, DELIMITER '\t')`
    );
    return text;
  }

  /** Closes the connection; the files stay for the caller to remove with its folder. */
  async close(): Promise<void> {
    // A connection that failed to open has thrown from read() already.
    const connection = await this.#connection?.catch(() => undefined);
    if (connection) closeDuckDB(connection);
  }
}
