/**
 * The site's configuration reaches every page as one module, not through the
 * environment: a build given an origin, a contact address and a base path
 * uses them in absolute URLs (sitemap, the notices' QR links), in the
 * "report a problem" mail and in every internal link, and leaves no trace of
 * the defaults — while the environment holds other values, which it ignores.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildRelease} from '../../../pipelines/run.ts';
import {gongshiOk} from '../run/gongshi.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-site-config-'));
const input = join(root, 'tiny');
const out = join(root, 'site');
const ORIGIN = 'https://gongshi.example.gov.cn';
const CONTACT = 'jiandu@example.gov.cn';
const saved = {...process.env};
// The input's own site.yml names another address and a release date: --site-url wins over the one, the other is used.
const YML_ORIGIN = 'https://other.example.org';
const outFromYml = join(root, 'site-from-yml');

beforeAll(async () => {
  await gongshiOk('sample', '--scale', 'tiny', '--seed', '1', '--out', input);
  writeFileSync(join(input, 'site.yml'), `site_url: ${YML_ORIGIN}/\nrelease_date: 2025-01-20\n`);
  // Variables an earlier Gongshi read: a build must not take its configuration from them.
  Object.assign(process.env, {
    GONGSHI_DATA: join(root, 'nowhere'),
    GONGSHI_SITE_URL: 'https://wrong.example.com',
    GONGSHI_CONTACT: 'wrong@example.com',
    GONGSHI_BASE: '/wrong/'
  });
  const built = await buildRelease({
    input,
    out,
    lang: 'en',
    siteUrl: `${ORIGIN}/`,
    contact: CONTACT,
    base: '/gongshi/'
  });
  expect(built.built).toBe(true);
  const fromYml = await buildRelease({input, out: outFromYml, lang: 'en'});
  expect(fromYml.built).toBe(true);
});
afterAll(() => {
  process.env = saved;
  rmSync(root, {recursive: true, force: true});
});

const htmlFiles = (dir: string) =>
  readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));

describe('a site built with an origin, a contact and a base path', () => {
  it('maps every page under the origin and the base', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((url) => !url.startsWith(`${ORIGIN}/gongshi/`))).toEqual([]);
  });

  it('prints the notices’ absolute links on the origin and mails problems to the contact', () => {
    const notices = htmlFiles(join(out, 'notices')).filter((file) => /notices\/\d{4}\/\d+\/index\.html$/.test(file));
    expect(notices.length).toBeGreaterThan(0);
    const page = readFileSync(notices[0]!, 'utf8');
    expect(page).toContain(`${ORIGIN}/gongshi/notices/`);
    expect(page).toContain(`href="mailto:${CONTACT}?`);
  });

  it('links within the base and keeps neither the defaults nor the environment’s values', () => {
    const pages = htmlFiles(out);
    const offBase = pages.filter((file) => /href="\/(?!gongshi\/)/.test(readFileSync(file, 'utf8')));
    expect(offBase).toEqual([]);
    const strays = pages.filter((file) =>
      ['localhost:4321', 'wrong.example.com', 'wrong@example.com', '/wrong/'].some((text) =>
        readFileSync(file, 'utf8').includes(text)
      )
    );
    expect(strays).toEqual([]);
  });
});

describe('site.yml', () => {
  it('gives the origin when --site-url does not, to QR codes, sitemap and citations alike', () => {
    const notice = htmlFiles(join(outFromYml, 'notices')).find((file) =>
      /notices\/\d{4}\/\d+\/index\.html$/.test(file)
    )!;
    expect(readFileSync(notice, 'utf8')).toContain(`${YML_ORIGIN}/notices/`);
    expect(readFileSync(join(outFromYml, 'sitemap.xml'), 'utf8')).toContain(`<loc>${YML_ORIGIN}/`);
    const release = htmlFiles(join(outFromYml, 'releases')).find((file) => /releases\/[^/]+\/index\.html$/.test(file))!;
    expect(readFileSync(release, 'utf8')).toContain(`${YML_ORIGIN}/releases/`);
  });

  it('loses to --site-url everywhere, the citation included', () => {
    const release = htmlFiles(join(out, 'releases')).find((file) => /releases\/[^/]+\/index\.html$/.test(file))!;
    expect(readFileSync(release, 'utf8')).toContain(`${ORIGIN}/gongshi/releases/`);
    expect(htmlFiles(out).filter((file) => readFileSync(file, 'utf8').includes(YML_ORIGIN))).toEqual([]);
  });

  it('dates the release', () => {
    for (const site of [out, outFromYml]) {
      const manifest = JSON.parse(readFileSync(join(site, 'data', 'manifest.json'), 'utf8')) as {release_date: string};
      expect(manifest.release_date).toBe('2025-01-20');
    }
  });
});
