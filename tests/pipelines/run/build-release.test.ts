/**
 * `gongshi build` end to end, through the real CLI: the same input gives
 * byte-identical output (data contract, section 2), and a failed build leaves
 * the last good output untouched (section 1). The tiny sample is built twice,
 * side by side, in beforeAll; the second build is then the "last good output"
 * that broken builds must not touch.
 */
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Papa from 'papaparse';
import {formatDate} from '../../../src/lib/format-date.ts';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {minimalInput, removeInputs, writeInput} from '../validate/input-folder.ts';
import {type CommandRun, gongshi, gongshiOk, hashTree} from './gongshi.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-build-'));
const input = join(root, 'tiny');
const siteA = join(root, 'a', 'site');
const siteB = join(root, 'b', 'site');
let hashesA: Record<string, string>;
let hashesB: Record<string, string>;
let buildA: CommandRun;

beforeAll(async () => {
  await gongshiOk('sample', '--scale', 'tiny', '--seed', '1', '--out', input);
  [buildA] = (await Promise.all([siteA, siteB].map((out) => gongshiOk('build', '--input', input, '--out', out)))) as [
    CommandRun,
    CommandRun
  ];
  hashesA = hashTree(siteA);
  hashesB = hashTree(siteB);
});
afterAll(async () => {
  rmSync(root, {recursive: true, force: true});
  await removeInputs();
});

describe('the same input builds the same output', () => {
  it('writes every file under data/ byte for byte the same', () => {
    const data = Object.keys(hashTree(join(siteA, 'data')));
    expect(data).toEqual(expect.arrayContaining(['manifest.json', 'indicator_values.csv', 'regions.parquet']));
    expect(Object.keys(hashTree(join(siteB, 'data')))).toEqual(data);
    for (const file of data) {
      expect(readFileSync(join(siteB, 'data', file)).equals(readFileSync(join(siteA, 'data', file))), file).toBe(true);
    }
  });

  it('builds the whole site identically (sha256 of every file)', () => {
    expect(Object.keys(hashesA).length).toBeGreaterThan(10);
    expect(hashesB).toEqual(hashesA);
  });

  it('takes no date from the clock when SOURCE_DATE_EPOCH is unset: the release is dated by its data', () => {
    const manifest = JSON.parse(readFileSync(join(siteA, 'data', 'manifest.json'), 'utf8')) as {
      build_id: string;
      release_date: string;
    };
    expect(manifest.build_id).toMatch(/^[0-9a-f]{12}$/);
    // The latest fund issued or notice posted in the input files (a notice's end may be still to come).
    const dates = (file: string, column: string) =>
      Papa.parse<Record<string, string>>(
        readFileSync(join(input, file), 'utf8')
          .split('\n')
          .filter((line) => !line.startsWith('#'))
          .join('\n'),
        {header: true, skipEmptyLines: true}
      ).data.map((row) => row[column] ?? '');
    const latest = [...dates('funds.csv', 'issued_date'), ...dates('projects.csv', 'notice_start')]
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort()
      .at(-1);
    expect(manifest.release_date).toBe(latest);
    const releases = readFileSync(join(siteA, 'releases', 'index.html'), 'utf8');
    expect(releases).toContain(formatDate(latest!, 'zh-CN'));
  });
});

// Neither build above was given a site URL (the sample's site.yml has none): a QR code, feed or sitemap
// would point at an address nobody configured, so the build leaves them out and says so.
describe('a site built without its address', () => {
  const files = () => Object.keys(hashesA);

  it('warns in the summary', () => {
    expect(buildA.stdout).toMatch(/未配置站点网址.*公示未印二维码/);
    expect(buildA.stderr).toContain('warning: no site URL');
  });

  it('prints no QR code on a notice, and says where the page lives', () => {
    const notice = files().find((file) => /^notices\/\d{4}\/\d{12}\/index\.html$/.test(file))!;
    const html = readFileSync(join(siteA, notice), 'utf8');
    expect(html).not.toContain('class="notice-qr"');
    expect(html).toContain(`/${notice.replace(/index\.html$/, '')}`);
    expect(html).toContain('data-no-site-url');
  });

  it('writes no feed, no sitemap and no absolute URL of its own', () => {
    expect(files().filter((file) => /feed\.xml$|sitemap/.test(file))).toEqual([]);
    const pages = files().filter((file) => file.endsWith('.html'));
    const absolute = pages.filter((file) =>
      /https?:\/\/(localhost|127\.0\.0\.1)/.test(readFileSync(join(siteA, file), 'utf8'))
    );
    expect(absolute).toEqual([]);
    expect(readFileSync(join(siteA, 'index.html'), 'utf8')).not.toMatch(/rel="sitemap"|application\/atom\+xml/);
  });
});

describe('a failed build leaves the last good output untouched', () => {
  const fresh = join(root, 'c', 'site');
  const runs: Partial<Record<'fault' | 'rejected' | 'fresh', CommandRun>> = {};

  // Three broken builds side by side, two of them into the good output of beforeAll.
  beforeAll(async () => {
    const missingColumn = minimalInput();
    for (const row of missingColumn.projects) delete row.budget;
    const rejectedRow = minimalInput();
    rejectedRow.households[0]!.members = '0';
    [runs.fault, runs.rejected, runs.fresh] = await Promise.all([
      gongshi('build', '--input', await writeInput(missingColumn), '--out', siteB),
      gongshi('build', '--input', await writeInput(rejectedRow), '--out', siteB, '--lang', 'en'),
      gongshi('build', '--input', mkdtempSync(join(root, 'empty-')), '--out', fresh)
    ]);
  });

  it('on a file-level fault (a required column missing): exit 1, naming the fault', () => {
    expect(runs.fault!.status).toBe(1);
    expect(runs.fault!.stderr).toContain('projects.csv');
    expect(runs.fault!.stderr).toContain('[E_MISSING_COLUMN]');
    expect(runs.fault!.stderr).toContain(`构建失败，${siteB} 保持不变。`);
  });

  it('on too many rejected rows: exit 1, naming the file over the limit', () => {
    expect(runs.rejected!.status).toBe(1);
    expect(runs.rejected!.stderr).toContain(
      'households.csv 1 of 4 rows were rejected (25.0%), above the limit of 1.0%'
    );
    expect(runs.rejected!.stderr).toContain(`Build failed; ${siteB} is unchanged.`);
  });

  it('keeps the previous output byte for byte, with no staging folder left beside it', () => {
    expect(hashTree(siteB)).toEqual(hashesB);
    expect(readdirSync(join(root, 'b'))).toEqual(['site']);
  });

  it('creates nothing when there was no previous output', () => {
    expect(runs.fresh!.status).toBe(1);
    expect(runs.fresh!.stderr).toContain('[E_MISSING_FILE]');
    expect(existsSync(fresh)).toBe(false);
    const parent = join(root, 'c');
    expect(existsSync(parent) ? readdirSync(parent) : []).toEqual([]);
  });
});
