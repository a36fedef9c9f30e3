/**
 * One route per page kind for both languages: every page lives under
 * `src/pages/[...lang]/` and takes its language from the path, so no route is
 * written twice (once per language) and none names a language itself.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {inEveryLocale, localeOf, localePaths} from '../../src/lib/locale-routes.ts';

const PAGES = fileURLToPath(new URL('../../src/pages', import.meta.url));
const routes = readdirSync(PAGES, {recursive: true, encoding: 'utf8'})
  .filter((file) => /\.(astro|ts)$/.test(file))
  .map((file) => relative(PAGES, join(PAGES, file)));

describe('the routes', () => {
  it('have no English copies: src/pages/en/ is gone', () => {
    expect(existsSync(join(PAGES, 'en'))).toBe(false);
    expect(routes.filter((file) => file.startsWith('en/'))).toEqual([]);
  });

  it('name no language: each page takes it from its path', () => {
    const naming = routes.filter((file) => /locale="|['"](zh-CN|en)['"]/.test(readFileSync(join(PAGES, file), 'utf8')));
    expect(naming).toEqual([]);
    const pages = routes.filter((file) => file.endsWith('.astro'));
    expect(pages.filter((file) => !file.startsWith('[...lang]/'))).toEqual([]);
  });
});

describe('the language of a path', () => {
  it('is Chinese at the root and English under en/, and nothing else', () => {
    expect(localePaths().map((p) => p.params.lang)).toEqual([undefined, 'en']);
    expect(localeOf(undefined)).toBe('zh-CN');
    expect(localeOf('en')).toBe('en');
    expect(() => localeOf('fr')).toThrow(/fr/);
  });

  it('multiplies a page’s own paths by the languages, keeping their parameters', () => {
    expect(inEveryLocale([{params: {code: '3607'}}, {params: {code: '360726'}}])).toEqual([
      {params: {code: '3607', lang: undefined}},
      {params: {code: '360726', lang: undefined}},
      {params: {code: '3607', lang: 'en'}},
      {params: {code: '360726', lang: 'en'}}
    ]);
  });

  it('gives each route a list of its own (Astro indexes a route’s paths on the list)', () => {
    expect(localePaths()).not.toBe(localePaths());
  });
});
