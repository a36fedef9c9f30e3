import {existsSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import * as pagefind from 'pagefind';
import {projectSearchRecords} from './search-records.ts';

/**
 * The folders whose pages mark a part with `data-pagefind-body` (region and
 * indicator pages). Pagefind would parse every other page only to skip it:
 * on the default sample the 120,000 project pages took it half an hour and
 * 7 GB, so only these folders are handed to it.
 */
const SEARCHED_FOLDERS = ['regions', 'indicators', 'en/regions', 'en/indicators'];

/** Records handed to Pagefind at once. */
const RECORD_BATCH = 500;

/**
 * Writes a Pagefind search index of the built site into `<siteDir>/pagefind/`:
 * the parts of region and indicator pages marked with `data-pagefind-body`
 * (names with their place in the hierarchy), and a record per project from
 * the published data (search-records.ts), one index per page language, with
 * Pagefind's segmentation of Chinese text. `base` is the site's base path
 * (e.g. `/gongshi/`), which the projects' links to their notices carry.
 * Returns the number of records indexed.
 */
export async function indexSiteSearch(siteDir: string, base = '/'): Promise<number> {
  const {index, errors} = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
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
    // Sent a batch at a time rather than one by one: each record is a message to Pagefind's process, and waiting
    // for each answer before sending the next took a quarter longer on the default sample (197 s against 151 s).
    const records = projectSearchRecords(siteDir, base);
    for (let start = 0; start < records.length; start += RECORD_BATCH) {
      const batch = records.slice(start, start + RECORD_BATCH);
      const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      const failed = added.findIndex((a) => a.errors.length);
      if (failed >= 0) throw new Error(`pagefind: ${batch[failed]!.url}: ${added[failed]!.errors.join('; ')}`);
      pages += batch.length;
    }
    const written = await index.writeFiles({outputPath: join(siteDir, 'pagefind')});
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
