// Issue 4, done when: every region page exists and shows the numbers of indicator_values for that region.
// `npm run bench:site` runs the same check on the default and full samples.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';
import {checkRegionPages} from './region-pages.ts';

describe('region pages against indicator_values', () => {
  const copy = mkdtempSync(join(tmpdir(), 'gongshi-region-pages-'));
  afterAll(() => rmSync(copy, {recursive: true, force: true}));

  it('every region of the tiny sample has its page in both languages with the published latest values', () => {
    const regions = readPublishedCsv('regions');
    const result = checkRegionPages(E2E_SITE);
    expect(result.mismatches).toEqual([]);
    expect(result.pages).toBe(2 * regions.length);
    expect(result.values).toBeGreaterThan(regions.length);
  });

  it('reports a missing page and a value that differs from the published one', () => {
    for (const part of ['data/regions.csv', 'data/indicator_values.csv', 'regions', 'en/regions']) {
      cpSync(join(E2E_SITE, part), join(copy, part), {recursive: true});
    }
    const village = readPublishedCsv('regions').find((r) => r.level === 'village')!;
    const county = readPublishedCsv('regions').find((r) => r.level === 'county')!;
    rmSync(join(copy, 'en/regions', village.code!), {recursive: true});
    const page = join(copy, 'regions', county.code!, 'index.html');
    const html = readFileSync(page, 'utf8');
    const tampered = html.replace(/(<tr[^>]*data-indicator="([a-z_]+)"[^]*?data-value=")([0-9.]+)"/, '$1$3999"');
    expect(tampered).not.toBe(html);
    writeFileSync(page, tampered);

    const {mismatches} = checkRegionPages(copy);
    expect(mismatches.map((m) => [m.page, m.problem])).toEqual([
      [`regions/${county.code}/`, 'value differs from indicator_values'],
      [`en/regions/${village.code}/`, 'page missing']
    ]);
  });
});
