import type {SearchIndexing} from './index-site-search.ts';
import {writeSitemap} from './write-sitemap.ts';

/**
 * What follows the Astro build once every file is in place: the search
 * index of the pages (started with the projects' records before the build)
 * and the sitemap — the latter only with the site's origin, as the sitemap
 * protocol wants absolute URLs. Returns how many pages each holds (`mapped`
 * null: no sitemap).
 */
export async function indexAndMapSite(
  siteDir: string,
  {origin, base, indexing}: {origin: string | null; base: string; indexing: SearchIndexing}
): Promise<{searchable: number; mapped: number | null}> {
  const searchable = await indexing.finish(siteDir);
  const mapped = origin ? await writeSitemap({siteDir, origin, base}) : null;
  return {searchable, mapped};
}
