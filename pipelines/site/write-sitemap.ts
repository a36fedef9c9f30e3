import {readdir, writeFile} from 'node:fs/promises';
import {join, relative, sep} from 'node:path';
import {xml} from '../../src/lib/xml-text.ts';

/** The sitemap protocol's limit of URLs per file; a larger site gets a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapOptions {
  /** The built site. */
  siteDir: string;
  /** Origin the site is served from, e.g. `https://example.gov.cn`. */
  origin: string;
  /** URL path the site is served under, e.g. `/` or `/gongshi/`. */
  base: string;
  /** URLs per file, default {@link SITEMAP_LIMIT}. */
  limit?: number;
}

/**
 * Writes `sitemap.xml` listing every page of the built site (every
 * `index.html`, as its directory URL), sorted, without `lastmod`: the site has
 * no date of its own beyond the data's. Up to {@link SITEMAP_LIMIT} pages it is
 * one `urlset` (the protocol's limit); above, `sitemap.xml` is an index of
 * `sitemap-1.xml`, … of that size each. Returns the number of pages listed.
 */
export async function writeSitemap({siteDir, origin, base, limit = SITEMAP_LIMIT}: SitemapOptions): Promise<number> {
  const path = base.replace(/^\/+|\/+$/g, '');
  const prefix = `${origin.replace(/\/+$/, '')}/${path ? `${path}/` : ''}`;
  const pages = (await pagesOf(siteDir)).sort().map((path) => prefix + path);
  const urlset = (urls: string[]) =>
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...urls.map((url) => `  <url><loc>${xml(url)}</loc></url>`),
      '</urlset>',
      ''
    ].join('\n');
  if (pages.length <= limit) {
    await writeFile(join(siteDir, 'sitemap.xml'), urlset(pages));
    return pages.length;
  }
  const parts: string[] = [];
  for (let start = 0; start < pages.length; start += limit) {
    const name = `sitemap-${parts.length + 1}.xml`;
    await writeFile(join(siteDir, name), urlset(pages.slice(start, start + limit)));
    parts.push(name);
  }
  const index = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((name) => `  <sitemap><loc>${xml(prefix + name)}</loc></sitemap>`),
    '</sitemapindex>',
    ''
  ].join('\n');
  await writeFile(join(siteDir, 'sitemap.xml'), index);
  return pages.length;
}

/** The directory URL paths (`regions/3607/`, `` for the home page) of every `index.html` under `dir`. */
async function pagesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(dir, e.parentPath).split(sep).join('/'))
    .filter((path) => !path.startsWith('data/') && !path.startsWith('pagefind/'))
    .map((path) => (path === '' ? '' : `${path}/`));
}
