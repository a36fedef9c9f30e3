import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseHTML} from 'linkedom';
import Papa from 'papaparse';

/** One region page whose indicator table disagrees with `indicator_values`, named by its keys only. */
export interface RegionPageMismatch {
  page: string;
  indicator: string | null;
  problem: string;
}

function readCsv(site: string, name: string): Record<string, string>[] {
  const text = readFileSync(join(site, 'data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
}

/**
 * Checks, in the HTML as served (what a reader without JavaScript sees), that
 * every region of the published `regions` table has its page in both languages
 * and that the page's indicator table shows exactly the latest year's rows of
 * `indicator_values` for that region: the published value, its band where
 * the row is withheld with one, "withheld" where it is withheld without, or "not reported" where it has no value (contract v2). Returns the pages checked and every mismatch.
 */
export function checkRegionPages(site: string): {pages: number; values: number; mismatches: RegionPageMismatch[]} {
  const regions = readCsv(site, 'regions');
  const values = readCsv(site, 'indicator_values');
  // A loop, not Math.max(...values): a spread of 600,000 arguments overflows the stack on the default sample.
  const latestYear = String(values.reduce((max, v) => Math.max(max, Number(v.year)), -Infinity));
  const expectedByRegion = new Map<string, Record<string, string>[]>();
  for (const row of values) {
    if (row.year !== latestYear) continue;
    const rows = expectedByRegion.get(row.region_code!) ?? [];
    rows.push(row);
    expectedByRegion.set(row.region_code!, rows);
  }

  const mismatches: RegionPageMismatch[] = [];
  let pages = 0;
  let checked = 0;
  for (const region of regions) {
    for (const prefix of ['', 'en/']) {
      const page = `${prefix}regions/${region.code}/`;
      const file = join(site, page, 'index.html');
      if (!existsSync(file)) {
        mismatches.push({page, indicator: null, problem: 'page missing'});
        continue;
      }
      pages++;
      const {document} = parseHTML(readFileSync(file, 'utf8'));
      const shown = new Map<
        string,
        {value: string | null; withheld: boolean; notReported: boolean; band: [string, string] | null}
      >();
      for (const row of document.querySelectorAll('table.indicator-table tbody tr[data-indicator]')) {
        // The region's own value is the row's first cell; the parent's value follows in its own column.
        const own = row.querySelector('td')!;
        const band = own.querySelector('.band');
        shown.set(row.getAttribute('data-indicator')!, {
          value: own.querySelector('[data-value]')?.getAttribute('data-value') || null,
          withheld: own.querySelector('.withheld') !== null,
          notReported: own.querySelector('.not-reported') !== null,
          band: band ? [band.getAttribute('data-lower')!, band.getAttribute('data-upper')!] : null
        });
      }
      const expected = expectedByRegion.get(region.code!) ?? [];
      const filled = [...shown.values()].filter(
        (s) => s.withheld || s.band || s.notReported || s.value !== null
      ).length;
      if (filled !== expected.length) {
        mismatches.push({page, indicator: null, problem: `${filled} values shown, ${expected.length} published`});
      }
      for (const row of expected) {
        checked++;
        const cell = shown.get(row.indicator_id!);
        if (row.suppressed === 'true' && row.band_of) {
          const [lower, upper] = cell?.band ?? [];
          if (Number(lower) !== Number(row.lower) || Number(upper) !== Number(row.upper)) {
            mismatches.push({page, indicator: row.indicator_id!, problem: 'band differs from indicator_values'});
          }
        } else if (row.suppressed === 'true') {
          if (!cell?.withheld) mismatches.push({page, indicator: row.indicator_id!, problem: 'not shown as withheld'});
        } else if (row.value === '') {
          if (!cell?.notReported) {
            mismatches.push({page, indicator: row.indicator_id!, problem: 'not shown as not reported'});
          }
        } else if (cell?.value == null || Math.abs(Number(cell.value) - Number(row.value)) > 1e-9) {
          mismatches.push({page, indicator: row.indicator_id!, problem: 'value differs from indicator_values'});
        }
      }
    }
  }
  return {pages, values: checked, mismatches};
}
