import {indexSiteSearch} from './index-site-search.ts';
import {writeSitemap} from './write-sitemap.ts';

/**
 * What follows the Astro build once every file is in place: the search
 * index of the pages and the sitemap — the latter only with the site's
 * origin, as the sitemap protocol wants absolute URLs. Returns how many pages
 * each holds (`mapped` null: no sitemap).
 */
export async function indexAndMapSite(
  siteDir: string,
  {origin, base}: {origin: string | null; base: string}
): Promise<{searchable: number; mapped: number | null}> {
  const searchable = await indexSiteSearch(siteDir, base);
  const mapped = origin ? await writeSitemap({siteDir, origin, base}) : null;
  return {searchable, mapped};
}
