import type {Page} from 'playwright-core';

/** What the console shows after a query: its outcome, the row count, the column names and the first page. */
export interface ShownResult {
  outcome: string;
  rows: number;
  columns: string[];
  cells: string[][];
  error: string;
  status: string;
}

/** Waits until the console has ended `runs` queries in all, then reads what it shows. */
export async function settled(page: Page, runs = 1, timeout = 60_000): Promise<ShownResult> {
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>('#sql-console')?.dataset.runs ?? 0) >= n,
    runs,
    {timeout}
  );
  return page.evaluate(() => {
    const form = document.querySelector<HTMLElement>('#sql-console')!;
    const section = document.querySelector<HTMLElement>('#sql-result')!;
    const error = document.querySelector<HTMLElement>('#sql-error')!;
    return {
      outcome: form.dataset.outcome ?? '',
      rows: section.hidden ? 0 : Number(section.dataset.rows),
      columns: [...section.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
      cells: [...section.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')
      ),
      error: error.hidden ? '' : (error.textContent ?? ''),
      status: document.querySelector('#sql-status')?.textContent ?? ''
    };
  });
}

/** Opens the console with `?sql=` and returns the result it runs at once. */
export async function openQuery(page: Page, siteUrl: string, sql: string, locale = ''): Promise<ShownResult> {
  await page.goto(`${siteUrl}${locale}explore/?sql=${encodeURIComponent(sql)}`);
  return settled(page);
}

/** Types `sql` into the console, runs it with Ctrl+Enter and returns the result. */
export async function typeQuery(page: Page, sql: string): Promise<ShownResult> {
  const before = await page.evaluate(() =>
    Number(document.querySelector<HTMLElement>('#sql-console')?.dataset.runs ?? 0)
  );
  await page.fill('#sql', sql);
  await page.press('#sql', 'Control+Enter');
  return settled(page, before + 1);
}

/** True for a request of DuckDB-wasm's module, worker or script chunk. */
export const isDuckDBRequest = (url: string) => /duckdb|\.wasm(\?|$)/i.test(new URL(url).pathname);
