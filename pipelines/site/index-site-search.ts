import {existsSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import * as pagefind from 'pagefind';
import {type SearchRecord, basePrefix, projectSearchRecords} from './search-records.ts';

/**
 * The folders whose pages mark a part with `data-pagefind-body` (region and
 * indicator pages). Pagefind would parse every other page only to skip it:
 * on the default sample the 120,000 project pages took it half an hour and
 * 7 GB, so only these folders are handed to it.
 */
const SEARCHED_FOLDERS = ['regions', 'indicators', 'en/regions', 'en/indicators'];

/** Records handed to Pagefind at once. */
const RECORD_BATCH = 500;

/** A Pagefind search index being filled: the projects' records first, the site's pages once they are built. */
export interface SearchIndexing {
  /** Adds the pages of the built site in `siteDir`, writes the index into its `pagefind/`; returns the records. */
  finish(siteDir: string): Promise<number>;
  /** Stops Pagefind without writing anything (the build failed). */
  abandon(): Promise<void>;
}

/**
 * Starts a Pagefind index with a record per project from the published
 * tables in `dataDir` (search-records.ts): it needs no page, so Pagefind (a
 * process of its own) indexes the projects while Astro renders the site — on
 * the default sample 120,000 records, some 140 s of the second core. `base`
 * is the site's base path (e.g. `/gongshi/`), which the projects' links to
 * their notices carry.
 */
export function startSearchIndex(dataDir: string, base = '/'): SearchIndexing {
  let abandoned = false;
  const records = projectSearchRecords(dataDir, base);
  const started = (async () => {
    const {index, errors} = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    // Sent a batch at a time rather than one by one: each record is a message to Pagefind's process, and waiting
    // for each answer before sending the next took a quarter longer on the default sample (197 s against 151 s).
    for (let start = 0; start < records.length && !abandoned; start += RECORD_BATCH) {
      const batch = records.slice(start, start + RECORD_BATCH);
      const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      const failed = added.findIndex((a) => a.errors.length);
      if (failed >= 0) throw new Error(`pagefind: ${batch[failed]!.url}: ${added[failed]!.errors.join('; ')}`);
    }
    return index;
  })();
  // Awaited by finish() or abandon(); until then a failure must not end the process as unhandled.
  started.catch(() => undefined);
  return {
    async finish(siteDir) {
      try {
        const index = await started;
        assertNoticesExist(records, siteDir, base);
        const pages = await addPages(index, siteDir);
        const written = await index.writeFiles({outputPath: join(siteDir, 'pagefind')});
        if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
        return records.length + pages;
      } finally {
        await pagefind.close();
      }
    },
    async abandon() {
      abandoned = true;
      await started.catch(() => undefined);
      await pagefind.close();
    }
  };
}

/**
 * Writes a Pagefind search index of the built site into `<siteDir>/pagefind/`:
 * a record per project (above) and the parts of region and indicator pages
 * marked with `data-pagefind-body` (names with their place in the hierarchy),
 * one index per page language, with Pagefind's segmentation of Chinese text.
 * Returns the number of records indexed.
 */
export function indexSiteSearch(siteDir: string, base = '/'): Promise<number> {
  return startSearchIndex(join(siteDir, 'data'), base).finish(siteDir);
}

/**
 * Throws unless every notice a project's record links to is a page of the built site: the records were made from
 * the tables before the site existed, by the rule the notice pages follow (notice-places.ts).
 */
function assertNoticesExist(records: readonly SearchRecord[], siteDir: string, base: string): void {
  const prefix = basePrefix(base);
  for (const notice of new Set(records.map((r) => r.meta.notice).filter((n) => n !== undefined))) {
    if (!existsSync(join(siteDir, notice.slice(prefix.length), 'index.html'))) {
      throw new Error(`a project's search record links to ${notice}, which the site does not have`);
    }
  }
}

/** Adds the searched folders' pages, in path order; returns how many. */
async function addPages(index: pagefind.PagefindIndex, siteDir: string): Promise<number> {
  let pages = 0;
  for (const folder of SEARCHED_FOLDERS) {
    const root = join(siteDir, folder);
    if (!existsSync(root)) continue;
    const files = (await readdir(root, {recursive: true})).filter((f) => f.endsWith('.html')).sort();
    for (const file of files) {
      const sourcePath = `${folder}/${file.replaceAll('\\', '/')}`;
      const added = await index.addHTMLFile({sourcePath, content: await readFile(join(root, file), 'utf8')});
      if (added.errors.length) throw new Error(`pagefind: ${sourcePath}: ${added.errors.join('; ')}`);
      pages++;
    }
  }
  return pages;
}
