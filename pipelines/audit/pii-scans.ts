/**
 * The two PII scans of a build (contract section 3): of the published tables,
 * in seconds, before anything else is built on them, and of the whole site at
 * the end. Each fails the build on the first name, ID number or phone number
 * of households.csv it finds.
 */
import type {DuckDBConnection} from '@duckdb/node-api';
import {type PiiValues, collectPii} from '../ingest/collect-pii.ts';
import {PipelineError} from '../lib/pipeline-error.ts';
import {locateLeak} from './locate-leak.ts';
import {readPublicVocabulary} from './read-public-vocabulary.ts';
import {type PiiLeak, scanSiteForPii} from './scan-site-for-pii.ts';

/** What the scans look for, and the public words they blank first (a head named 龙南 is not found in 龙南镇). */
export interface PiiSearch {
  pii: PiiValues;
  vocabulary: string[];
}

export interface PiiScanOptions {
  /** DuckDB's memory limit for the scan, as the build's. */
  memoryLimit?: string;
  /** The files to scan, absolute paths under the site's folder (default: all of them). */
  paths?: readonly string[];
}

/**
 * Scans the published tables in `dataDir` for the PII of the input folder
 * `input`, and throws a PipelineError naming the input line and column of the
 * first leak (the rows are still in DuckDB). Returns what it searched for,
 * for the site's scan.
 */
export async function scanPublishedTables(
  connection: DuckDBConnection,
  input: string,
  dataDir: string,
  {memoryLimit}: PiiScanOptions = {}
): Promise<PiiSearch> {
  const search = {pii: await collectPii(input), vocabulary: await readPublicVocabulary(dataDir)};
  const leaks = await scanSiteForPii(dataDir, search.pii, search.vocabulary, {memoryLimit});
  if (leaks.length) throw new PipelineError(await locateLeak(connection, dataDir, leaks));
  return search;
}

/** Returns the leaks in the files of the built site in `siteDir` (or those of `paths`), sorted by file and offset. */
export async function findSiteLeaks(
  siteDir: string,
  search: PiiSearch,
  {memoryLimit, paths}: PiiScanOptions = {}
): Promise<PiiLeak[]> {
  const found = await scanSiteForPii(siteDir, search.pii, search.vocabulary, {memoryLimit, paths});
  // The search index holds Pagefind's word segments of the indexed page text (scanned above as HTML):
  // a segment of a place name such as 文龙 in 文龙村 can equal a head's name without anything leaking,
  // so there only ID and phone numbers count.
  return found.filter((leak) => !(leak.kind === 'name' && leak.file.startsWith('pagefind/')));
}

/** Throws E_PII_LEAK naming the first file of `leaks` (scans of parts of the site, in any order) and their count. */
export function assertNoSiteLeaks(found: readonly PiiLeak[]): void {
  const leaks = [...found].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  if (leaks.length) {
    throw new PipelineError({
      code: 'E_PII_LEAK',
      file: leaks[0]!.file,
      params: {count: leaks.length, kinds: [...new Set(leaks.map((l) => l.kind))].join(', ')}
    });
  }
}
