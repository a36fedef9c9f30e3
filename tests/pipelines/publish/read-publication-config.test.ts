/**
 * The site configuration (issue 6: licence and citation, both configurable):
 * defaults without a file, one text or {zh, en} per field, a mistake named by
 * its field, and the citation built from it.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {isPipelineError} from '../../../pipelines/lib/pipeline-error.ts';
import {normalizePublicationConfig, readPublicationConfig} from '../../../pipelines/publish/read-publication-config.ts';
import {DEFAULT_LICENCE, citeRelease} from '../../../src/lib/publication-config.ts';

const DEFAULTS = {publisher: '赣州市', title: {zh: '公开数据', en: 'Open data'}};
const root = mkdtempSync(join(tmpdir(), 'gongshi-site-config-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));
const release = {id: '20260921-eba3ebda8486', date: '2026-09-21', path: '/gongshi/releases/20260921-eba3ebda8486/'};

describe('readPublicationConfig', () => {
  it('gives the defaults when the input folder has no site.yml', () => {
    expect(readPublicationConfig(root, DEFAULTS)).toEqual({
      publisher: {zh: '赣州市', en: '赣州市'},
      title: DEFAULTS.title,
      licence: DEFAULT_LICENCE,
      citation: null,
      site_url: null,
      coverage_threshold: 0.8,
      release_date: null
    });
  });

  it('reads the release date, quoted or as YAML reads an unquoted date', () => {
    const dir = mkdtempSync(join(root, 'dated-'));
    writeFileSync(join(dir, 'site.yml'), 'release_date: 2025-01-20\n');
    expect(readPublicationConfig(dir, DEFAULTS).release_date).toBe('2025-01-20');
    expect(normalizePublicationConfig({release_date: '2024-12-31'}, DEFAULTS).release_date).toBe('2024-12-31');
  });

  it('reads the coverage threshold as a share or a percentage (issue 13)', () => {
    expect(normalizePublicationConfig({coverage_threshold: 0.9}, DEFAULTS).coverage_threshold).toBe(0.9);
    expect(normalizePublicationConfig({coverage_threshold: '75%'}, DEFAULTS).coverage_threshold).toBe(0.75);
  });

  it('reads site.yml from the input folder: one text for both languages, or {zh, en}', () => {
    const dir = mkdtempSync(join(root, 'yml-'));
    writeFileSync(
      join(dir, 'site.yml'),
      'publisher: {zh: 赣州市乡村振兴局, en: Ganzhou Rural Revitalisation Bureau}\n' +
        'site_url: https://data.example.org/gongshi\nlicence:\n  name: ODbL-1.0\n  url: https://opendatacommons.org/licenses/odbl/\n' +
        'citation: "{publisher} ({date}) {release} {url}"\n'
    );
    const config = readPublicationConfig(dir, DEFAULTS);
    expect(config.publisher).toEqual({zh: '赣州市乡村振兴局', en: 'Ganzhou Rural Revitalisation Bureau'});
    expect(config.site_url).toBe('https://data.example.org/gongshi/');
    expect(config.licence).toEqual({
      name: 'ODbL-1.0',
      url: 'https://opendatacommons.org/licenses/odbl/',
      text: {zh: 'ODbL-1.0', en: 'ODbL-1.0'}
    });
    expect(citeRelease(config, {...release, path: '/gongshi/releases/x/'}, 'en')).toBe(
      'Ganzhou Rural Revitalisation Bureau (2026-09-21) 20260921-eba3ebda8486 https://data.example.org/gongshi/releases/x/'
    );
  });

  it('reads the file given by --site-config instead, JSON included', () => {
    const file = join(root, 'elsewhere.json');
    writeFileSync(file, JSON.stringify({title: {zh: '某县公开数据'}}));
    expect(readPublicationConfig(root, DEFAULTS, file).title).toEqual({zh: '某县公开数据', en: '某县公开数据'});
  });

  it('names the field in error: unknown fields, wrong types, a site_url that is no URL', () => {
    for (const [spec, field] of [
      [{licence_name: 'x'}, 'licence_name'],
      [{publisher: 3}, 'publisher'],
      [{site_url: 'data.example.org'}, 'site_url'],
      [{licence: {url: 'ftp://x'}}, 'licence.url'],
      [{coverage_threshold: 80}, 'coverage_threshold'],
      [{coverage_threshold: 0}, 'coverage_threshold'],
      [{coverage_threshold: 'most'}, 'coverage_threshold'],
      [{release_date: '2025-02-30'}, 'release_date'],
      [{release_date: '20250120'}, 'release_date']
    ] as const) {
      let error: unknown;
      try {
        normalizePublicationConfig(spec as never, DEFAULTS);
      } catch (caught) {
        error = caught;
      }
      expect(isPipelineError(error), field).toBe(true);
      expect((error as {problem: {code: string; params: {field: string}}}).problem).toMatchObject({
        code: 'E_SITE_CONFIG',
        params: {field}
      });
    }
  });
});

describe('citeRelease', () => {
  const config = normalizePublicationConfig({}, DEFAULTS);

  it('builds the default citation from publisher, title, release id, date and page', () => {
    expect(citeRelease(config, release, 'zh-CN')).toBe(
      '赣州市．《公开数据》，版本 20260921-eba3ebda8486（2026-09-21）．/gongshi/releases/20260921-eba3ebda8486/'
    );
    expect(citeRelease(config, release, 'en')).toBe(
      '赣州市. Open data, release 20260921-eba3ebda8486 (2026-09-21). /gongshi/releases/20260921-eba3ebda8486/'
    );
  });

  it('leaves the date out of an undated release', () => {
    expect(citeRelease(config, {...release, date: null}, 'en')).toBe(
      '赣州市. Open data, release 20260921-eba3ebda8486. /gongshi/releases/20260921-eba3ebda8486/'
    );
  });
});
