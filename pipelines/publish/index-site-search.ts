import {join} from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Writes a Pagefind search index of the built site into `<siteDir>/pagefind/`.
 * Only the parts pages mark with `data-pagefind-body` are indexed (region and
 * indicator names with their place in the hierarchy), one index per page
 * language, with Pagefind's segmentation of Chinese text.
 */
export async function indexSiteSearch(siteDir: string): Promise<number> {
  const {index, errors} = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({path: siteDir});
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({outputPath: join(siteDir, 'pagefind')});
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
