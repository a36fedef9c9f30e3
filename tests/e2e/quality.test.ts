import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {E2E_SITE} from './paths.ts';
import {readPublishedCsv} from './published.ts';

const quality = readPublishedCsv('quality');
const manifest = JSON.parse(readFileSync(join(E2E_SITE, 'data', 'manifest.json'), 'utf8')) as {
  inputs: {rows_read: number; rows_accepted: number; rows_rejected: number}[];
};
const county = readPublishedCsv('regions').find((r) => r.level === 'county')!;

/** Sum of one measure over the input files for a county (or '' for the unattributed line). */
const inputs = (region: string, measure: string) =>
  quality
    .filter((q) => q.region_code === region && q.measure === measure && q.dataset!.endsWith('.csv'))
    .reduce((s, q) => s + Number(q.count), 0);

describe('data-quality page per county (tiny sample, JavaScript off)', () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows each county's rows read, accepted and rejected as the quality table has them (${locale})`, async () => {
      const context = await browser().newContext({javaScriptEnabled: false});
      const page = await context.newPage();
      await page.goto(`${siteUrl}${locale === 'en' ? 'en/' : ''}quality/`);
      const cells = async (key: string) =>
        page
          .locator(`#by-county tr[data-quality="${key}"] td.num`)
          .allTextContents()
          .then((texts) => texts.map((t) => Number(t.replace(/,/g, ''))));
      const [read, accepted, rejected] = await cells(county.code!);
      expect([read, accepted, rejected]).toEqual([
        inputs(county.code!, 'read'),
        inputs(county.code!, 'accepted'),
        inputs(county.code!, 'rejected')
      ]);
      expect(read).toBeGreaterThan(0);
      // The total line is the whole of every input file, as in the manifest.
      const [totalRead, totalAccepted, totalRejected] = await cells('total');
      const sum = (key: 'rows_read' | 'rows_accepted' | 'rows_rejected') =>
        manifest.inputs.reduce((s, i) => s + i[key], 0);
      expect([totalRead, totalAccepted, totalRejected]).toEqual([
        sum('rows_read'),
        sum('rows_accepted'),
        sum('rows_rejected')
      ]);
      await context.close();
    });
  }
});
