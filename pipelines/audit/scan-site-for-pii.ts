/**
 * The final check of a build (contract section 3): every file of the built
 * site is read as a visitor could read it, and any input name, ID number or
 * phone number found fails the build. A leak names the file, the kind and
 * the place, never the value.
 */
import {readdir, stat} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import {join} from 'node:path';
import type {PiiValues} from '../ingest/collect-pii.ts';
import {createWorkDir, removeWorkDir} from '../lib/work-dir.ts';
import type {PiiLeak, ScanShare} from './scan-files.ts';
import {scanFilesInWorker} from './scan-files-in-worker.ts';

export type {PiiKind, PiiLeak} from './scan-files.ts';

export interface ScanOptions {
  /** DuckDB's memory limit for reading Parquet files, as the build's `--memory-limit`. */
  memoryLimit?: string;
  /** Threads that scan side by side (default: one per core, at most four). */
  threads?: number;
  /**
   * The fewest files that warrant a thread of their own (default 2000): a smaller site uses fewer threads, since
   * starting one (reading the PII, building its index) costs more than it saves.
   */
  filesPerThread?: number;
  /** The files to scan, absolute paths under `siteDir` (default: every file there, {@link listSiteFiles}). */
  paths?: readonly string[];
}

/**
 * Returns every occurrence of a value of `pii` in the files under `siteDir`,
 * sorted by file and offset. Text files of any extension (HTML, JS, CSS,
 * JSON, CSV, XML, TXT, SVG…) are decoded (UTF-8, else GB18030) and
 * unescaped; Parquet files are read through DuckDB; ZIP archives entry by entry; `.gz` and `.br` copies
 * are decompressed first; images, fonts, media and `.wasm` are skipped. Names
 * inside a term of `publicVocabulary` (region and indicator names,
 * the names of offices, UI strings…) are not reported.
 * The files are dealt to worker threads in turn (a city's site is some 200,000
 * pages, minutes on one core); Parquet files and ZIP archives (which hold Parquet
 * files) all go to the first, with the one DuckDB that reads them.
 */
export async function scanSiteForPii(
  siteDir: string,
  pii: PiiValues,
  publicVocabulary: readonly string[],
  {memoryLimit, threads = Math.min(availableParallelism(), 4), filesPerThread = 2000, paths}: ScanOptions = {}
): Promise<PiiLeak[]> {
  paths ??= await listSiteFiles(siteDir);
  const shares = dealFiles(paths, Math.max(1, Math.min(threads, Math.floor(paths.length / filesPerThread))));
  // Parquet's rows go to this thread's work folder, a subfolder per share (a file told Parquet by its bytes can be in
  // any): a worker gets no signals, and one stopped mid-scan runs no cleanup of its own.
  const workDir = await createWorkDir('gongshi-scan-');
  const share = (files: string[], index: number): ScanShare => ({
    siteDir,
    paths: files,
    pii,
    publicVocabulary,
    memoryLimit,
    workDir: join(workDir, String(index))
  });
  // Every share runs in a thread of its own and this one only waits. A scan makes garbage in proportion to the text
  // it reads, and every major collection marks the whole heap: on this thread, which may still hold the render's
  // modules or the protect stage's cells (a province: 4 to 6 GiB), a province's shard took 276 s for its final scan,
  // against 129 s with this thread idle (BENCHMARKS.md).
  const scans = shares.map((files, index) => scanFilesInWorker(share(files, index)));
  // The first failure ends the other threads (the build stops, and its folder is removed under them) and is the one
  // reported once every thread has ended.
  let failure: {error: unknown} | undefined;
  let settled: PromiseSettledResult<PiiLeak[]>[];
  try {
    settled = await Promise.allSettled(
      scans.map(({leaks}) =>
        leaks.catch((error: unknown) => {
          if (!failure) {
            failure = {error};
            for (const scan of scans) scan.stop();
          }
          throw error;
        })
      )
    );
  } finally {
    await removeWorkDir(workDir);
  }
  if (failure) throw failure.error;
  return settled
    .flatMap((result) => (result.status === 'fulfilled' ? result.value : []))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
}

/** Deals `paths` round `count` shares (neighbours, often alike in size, go to different threads); Parquet and ZIP to the first. */
function dealFiles(paths: readonly string[], count: number): string[][] {
  const shares: string[][] = Array.from({length: count}, () => []);
  let next = 0;
  for (const path of paths) {
    if (READ_BY_DUCKDB.test(path)) shares[0]!.push(path);
    else shares[next++ % count]!.push(path);
  }
  return shares;
}

const READ_BY_DUCKDB = /\.(parquet|zip)(\.gz|\.br)?$/i;

/** Every regular file under `dir` (symbolic links to files included, to folders not followed), sorted. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile())) files.push(path);
  }
  return files.sort();
}
