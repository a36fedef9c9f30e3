/**
 * Issue 6's "done when" as one journey, clicked through in Chromium the way a
 * journalist would: the catalogue → the projects CSV downloaded by the browser
 * → its checksum verified with `sha256sum -c` against the SHA256SUMS file the
 * catalogue links → the table's "query in the SQL console" link → a question
 * of their own typed there, answered as the downloaded file answers it → the
 * address shared → a fresh browser (no cache, no storage) opens the same
 * result.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Papa from 'papaparse';
import type {BrowserContext} from 'playwright-core';
import {afterAll, describe, expect, inject, it} from 'vitest';
import {useChromium} from './browser.ts';
import {settled, typeQuery} from './explore-console.ts';

const TABLE = 'projects';
// The journalist's own question: projects and the largest budget per status.
const QUESTION = `SELECT status, count(*) AS n, max(budget) AS largest FROM ${TABLE} GROUP BY status ORDER BY status`;

const scratch = mkdtempSync(join(tmpdir(), 'gongshi-journey-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

/** What QUESTION answers, computed from the downloaded file's rows. */
function answerFromFile(rows: Record<string, string>[]): string[][] {
  const byStatus = new Map<string, {n: number; largest: number}>();
  for (const row of rows) {
    const entry = byStatus.get(row.status!) ?? {n: 0, largest: -Infinity};
    entry.n++;
    entry.largest = Math.max(entry.largest, Number(row.budget));
    byStatus.set(row.status!, entry);
  }
  return [...byStatus]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([status, {n, largest}]) => [status, String(n), String(largest)]);
}

describe('a journalist’s path through the open data', {timeout: 180_000}, () => {
  const browser = useChromium();
  const siteUrl = inject('siteUrl');

  it('goes from the catalogue to a download, its checksum, a query in the console and a shared link', async () => {
    const context = await browser().newContext({acceptDownloads: true});
    const reader = await browser().newContext();
    try {
      await journey(context, reader);
    } finally {
      await reader.close();
      await context.close();
    }
  });

  async function journey(context: BrowserContext, reader: BrowserContext) {
    const page = await context.newPage();

    // 1. The catalogue, and the CSV button of the projects table, clicked.
    await page.goto(`${siteUrl}data/`);
    const section = page.locator(`section[data-table="${TABLE}"]`);
    const button = section.locator('a[data-download="csv"]');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${TABLE}.csv`);
    const csvPath = join(scratch, download.suggestedFilename());
    await download.saveAs(csvPath);
    const bytes = readFileSync(csvPath);

    // 2. Verified as the catalogue tells: SHA256SUMS saved beside the file, then `sha256sum -c`.
    const [sums] = await Promise.all([page.waitForEvent('download'), page.click('a[data-download="checksums"]')]);
    expect(sums.suggestedFilename()).toBe('SHA256SUMS');
    await sums.saveAs(join(scratch, 'SHA256SUMS'));
    const verified = execFileSync('sha256sum', ['-c', '--ignore-missing', 'SHA256SUMS'], {cwd: scratch}).toString();
    expect(verified.trim()).toBe(`${TABLE}.csv: OK`);
    // And the value printed beside the button is the same one.
    const shown = await section.locator('code.sha256').first().textContent();
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);

    // 3. From the table's entry to the console, which opens with the table's first rows.
    await section.locator(`a[data-query="${TABLE}"]`).click();
    await page.waitForURL(/\/explore\/\?sql=/);
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true
    });
    const preview = await settled(page);
    expect(preview.error).toBe('');
    expect(preview.columns).toEqual(rows.meta.fields);
    expect(preview.rows).toBe(Math.min(100, rows.data.length));

    // 4. Their own question, answered in the console as the downloaded file answers it.
    const answer = await typeQuery(page, QUESTION);
    expect(answer.error).toBe('');
    expect(answer.columns).toEqual(['status', 'n', 'largest']);
    expect(answer.cells).toEqual(answerFromFile(rows.data));

    // 5. The address is the link they share; a reader with a fresh browser sees the same result.
    const link = page.url();
    expect(new URL(link).searchParams.get('sql')).toBe(QUESTION);
    const readerPage = await reader.newPage();
    await readerPage.goto(link);
    const opened = await settled(readerPage);
    expect(opened.cells).toEqual(answer.cells);
    await expect(readerPage.locator('#sql').inputValue()).resolves.toBe(QUESTION);
  }
});
