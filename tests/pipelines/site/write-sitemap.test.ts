// Issue 5 (feeds): sitemap.xml lists every page under the configured origin and base path.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {writeSitemap} from '../../../pipelines/site/write-sitemap.ts';

let site: string;
afterEach(() => rmSync(site, {recursive: true, force: true}));

/** A built site with these pages (`''` the home page), plus files that are not pages. */
function fakeSite(pages: string[]): string {
  site = mkdtempSync(join(tmpdir(), 'gongshi-sitemap-'));
  for (const page of pages) {
    mkdirSync(join(site, page), {recursive: true});
    writeFileSync(join(site, page, 'index.html'), '<!doctype html>');
  }
  mkdirSync(join(site, 'data'), {recursive: true});
  writeFileSync(join(site, 'data', 'projects.csv'), '');
  mkdirSync(join(site, 'notices'), {recursive: true});
  writeFileSync(join(site, 'notices', 'feed.xml'), '');
  return site;
}

const locs = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

describe('writeSitemap', () => {
  it('lists every page, sorted, under the origin and base path', async () => {
    const dir = fakeSite(['', 'en', 'regions/3607', 'notices/2021/360726101200', 'en/regions/3607']);
    const count = await writeSitemap({siteDir: dir, origin: 'https://gongshi.example.org/', base: '/gs/'});
    expect(count).toBe(5);
    expect(locs(join(dir, 'sitemap.xml'))).toEqual([
      'https://gongshi.example.org/gs/',
      'https://gongshi.example.org/gs/en/',
      'https://gongshi.example.org/gs/en/regions/3607/',
      'https://gongshi.example.org/gs/notices/2021/360726101200/',
      'https://gongshi.example.org/gs/regions/3607/'
    ]);
    expect(readFileSync(join(dir, 'sitemap.xml'), 'utf8')).toContain(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    );
  });

  it('serves from the root with base /', async () => {
    const dir = fakeSite(['', 'regions/3607']);
    await writeSitemap({siteDir: dir, origin: 'http://localhost:4321', base: '/'});
    expect(locs(join(dir, 'sitemap.xml'))).toEqual(['http://localhost:4321/', 'http://localhost:4321/regions/3607/']);
  });

  it('splits into an index of files above the limit', async () => {
    const dir = fakeSite(['', 'a', 'b', 'c', 'd']);
    await writeSitemap({siteDir: dir, origin: 'https://x.org', base: '/', limit: 2});
    expect(readFileSync(join(dir, 'sitemap.xml'), 'utf8')).toContain('<sitemapindex');
    expect(locs(join(dir, 'sitemap.xml'))).toEqual([
      'https://x.org/sitemap-1.xml',
      'https://x.org/sitemap-2.xml',
      'https://x.org/sitemap-3.xml'
    ]);
    expect([1, 2, 3].flatMap((n) => locs(join(dir, `sitemap-${n}.xml`)))).toEqual(
      ['', 'a/', 'b/', 'c/', 'd/'].map((p) => `https://x.org/${p}`)
    );
  });
});
