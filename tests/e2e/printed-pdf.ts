// A page as Chromium prints it, read back: its PDF (with the page size its style sheet asks for, as the browser's print
// dialog does) and the text of each printed sheet, by poppler's pdftotext.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';

export interface PrintedSheets {
  /** The text of every sheet, in order; white space collapsed. */
  sheets: string[];
  /** Width and height of the first sheet in PostScript points (A4 landscape: 842 × 595). */
  size: {width: number; height: number};
}

/** Prints the page as Chromium would to paper and returns each sheet's text and the sheet size. */
export async function printSheets(page: Page): Promise<PrintedSheets> {
  // Printed once the page and its fonts are in, as a person would print it.
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({preferCSSPageSize: true, printBackground: true});
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-pdf-'));
  try {
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    // pdftotext ends every sheet with a form feed.
    const sheets = text
      .split('\f')
      .slice(0, -1)
      .map((sheet) => sheet.replace(/\s+/g, ' ').trim());
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [file]));
    if (!size) throw new Error(`pdfinfo gave no page size for ${page.url()}`);
    return {sheets, size: {width: Number(size[1]), height: Number(size[2])}};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {encoding: 'utf8'});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${command} not found. Install poppler with:\n  apt-get install -y poppler-utils`, {
        cause: error
      });
    }
    throw error;
  }
}
