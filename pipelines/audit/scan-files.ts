/**
 * Scans a share of a site's files for input PII: each file read as a visitor
 * could read it (decoded, decompressed, unescaped; Parquet through DuckDB).
 * scan-site-for-pii.ts deals the files out and runs shares side by side.
 */
import {isUtf8} from 'node:buffer';
import {readFile, writeFile} from 'node:fs/promises';
import {extname, join, relative, sep} from 'node:path';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import type {DuckDBConnection} from '@duckdb/node-api';
import {closeDuckDB, openDuckDB, sqlString} from '../lib/duckdb.ts';
import {createWorkDir, removeWorkDir} from '../lib/work-dir.ts';
import type {PiiValues} from '../ingest/collect-pii.ts';
import {createPiiMatcher} from './pii-matcher.ts';
import type {PiiKind, PiiMatcher} from './pii-matcher.ts';
import {unescapeText} from './unescape-text.ts';

export type {PiiKind} from './pii-matcher.ts';

/** One occurrence of input PII in the site. */
export interface PiiLeak {
  /** Path relative to the site folder, with `/` separators; a compressed copy keeps its `.gz`/`.br`. */
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
export async function scanFiles({siteDir, paths, pii, publicVocabulary, memoryLimit}: ScanShare): Promise<PiiLeak[]> {
  const matcher = createPiiMatcher(pii, publicVocabulary);
  const leaks: PiiLeak[] = [];
  const parquet = new ParquetReader(memoryLimit);
  try {
    // Reading runs a few files ahead of scanning, so the disk and the CPU both stay busy. A failed read
    // is held until its turn (a rejection nobody awaits yet would end the process).
    const reads: (Promise<{bytes?: Buffer | null; error?: unknown}> | undefined)[] = [];
    const readAhead = (i: number) => {
      if (i >= paths.length || reads[i]) return;
      const path = paths[i]!;
      reads[i] = SKIPPED.has(extname(path).toLowerCase())
        ? Promise.resolve({bytes: null})
        : readFile(path).then(
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
      await scanFile(file, paths[i]!, bytes, matcher, parquet, (kind, offset) => leaks.push({file, kind, offset}));
    }
  } finally {
    await parquet.close();
  }
  return leaks;
}

const READ_AHEAD = 8;

async function scanFile(
  name: string,
  path: string,
  data: Buffer,
  matcher: PiiMatcher,
  parquet: ParquetReader,
  onPii: (kind: PiiKind, offset: number) => void
): Promise<void> {
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
  const text =
    extension === '.parquet' || isParquet(bytes) ? await parquet.read(compressed ? bytes : path) : decodeText(bytes);
  matcher.scan(unescapeText(text), onPii);
}

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
const isParquet = (bytes: Buffer) =>
  bytes.length >= 8 &&
  bytes.subarray(0, 4).toString('latin1') === 'PAR1' &&
  bytes.subarray(-4).toString('latin1') === 'PAR1';

/** The text of `bytes`: UTF-8 (BOM kept, as one character), else GB18030, else UTF-8 with replacement characters. */
function decodeText(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  try {
    return new TextDecoder('gb18030', {fatal: true}).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/**
 * Reads Parquet files (their bytes are compressed) through one DuckDB
 * connection, opened on first use, as text: DuckDB writes the rows to a
 * temporary tab-separated file with a header, which is then read back.
 */
class ParquetReader {
  readonly #memoryLimit: string | undefined;
  #connection: Promise<DuckDBConnection> | undefined;
  #tempDir: Promise<string> | undefined;

  constructor(memoryLimit: string | undefined) {
    this.#memoryLimit = memoryLimit;
  }

  /** Returns the text of the Parquet file at `file` (a path, or the bytes of a decompressed copy). */
  async read(file: string | Buffer): Promise<string> {
    this.#tempDir ??= createWorkDir('gongshi-scan-');
    const tempDir = await this.#tempDir;
    // The rows read may be the very leak looked for: pages DuckDB spills go to the private folder too,
    // not to its default `.tmp` in the working folder.
    this.#connection ??= openDuckDB({tempDirectory: join(tempDir, 'duckdb'), memoryLimit: this.#memoryLimit});
    const connection = await this.#connection;
    let path = file;
    if (typeof file !== 'string') {
      // DuckDB reads files, so a decompressed copy goes to a temporary one.
      path = join(tempDir, 'copy.parquet');
      await writeFile(path, file);
    }
    const text = join(tempDir, 'rows.tsv');
    await connection.run(
      `COPY (SELECT * FROM read_parquet(${sqlString(path as string)})) TO ${sqlString(text)} (FORMAT csv, HEADER true, DELIMITER '\t')`
    );
    return readFile(text, 'utf8');
  }

  async close(): Promise<void> {
    try {
      // A connection that failed to open has thrown from read() already.
      const connection = await this.#connection?.catch(() => undefined);
      if (connection) closeDuckDB(connection);
    } finally {
      if (this.#tempDir) await removeWorkDir(await this.#tempDir);
    }
  }
}
