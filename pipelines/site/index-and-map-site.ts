import {indexSiteSearch} from './index-site-search.ts';
import {writeSitemap} from './write-sitemap.ts';

/**
 * What follows the Astro build once every file is in place: the search
 * index of the pages and the sitemap. Returns how many pages each holds.
 */
export async function indexAndMapSite(
  siteDir: string,
  {origin, base}: {origin: string; base: string}
): Promise<{searchable: number; mapped: number}> {
  const searchable = await indexSiteSearch(siteDir);
  const mapped = await writeSitemap({siteDir, origin, base});
  return {searchable, mapped};
}
