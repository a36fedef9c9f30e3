import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

/** Folders the tests make, removed when they end. */
const made: string[] = [];
const scratch = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true});
});

const CLI = join(import.meta.dirname, '../../../pipelines/cli.ts');

/** Runs the real `gongshi` command in a child process. */
function gongshi(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('gongshi command line', () => {
  it('prints usage and exits 0 with --help, 2 without a command', () => {
    const help = gongshi('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/gongshi sample --scale tiny\|small\|default\|full --seed N --out DIR/);
    expect(help.stdout).toContain('--previous DIR');
    expect(help.stdout).toContain('--site-config FILE');
    expect(help.stdout).toContain('--memory-limit SIZE');
    expect(help.stdout).toContain('--allow-empty FILE');
    expect(help.stdout).toContain('--data-only');
    expect(gongshi().status).toBe(2);
  });

  it('publishes the tables without a site with build --data-only (issue 14, item 4)', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongshi-data-only-'));
    expect(gongshi('sample', '--scale', 'tiny', '--seed', '1', '--out', join(root, 'in')).status).toBe(0);
    const run = gongshi(
      'build',
      '--input',
      join(root, 'in'),
      '--out',
      join(root, 'out'),
      '--data-only',
      '--lang',
      'en'
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Data published in ${join(root, 'out')}`);
    for (const file of ['manifest.json', 'indicator_values.csv', 'datapackage.json', 'SHA256SUMS']) {
      expect(existsSync(join(root, 'out', file)), file).toBe(true);
    }
    expect(existsSync(join(root, 'out', 'index.html'))).toBe(false);
    rmSync(root, {recursive: true, force: true});
  });

  it('rejects an unknown command with exit 2 and names it', () => {
    const run = gongshi('publsh');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "publsh"');
  });

  it('rejects unknown options and bad values with exit 2', () => {
    expect(gongshi('sample', '--scale', 'huge', '--out', 'x').stderr).toContain(
      '--scale must be one of tiny, small, default, full'
    );
    expect(gongshi('sample', '--scale', 'tiny').stderr).toContain('--out is required');
    expect(gongshi('sample', '--seed', '-1', '--out', 'x').status).toBe(2);
    const unknown = gongshi('check', '--input', '.', '--colour');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect(gongshi('check').stderr).toContain('--input is required');
    expect(gongshi('build', '--input', '.', '--lang', 'fr').stderr).toContain('--lang must be one of zh, en');
    // A site URL that is not http(s) would be printed into every QR code: refused before any work.
    for (const url of ['ftp://example.gov.cn', 'example.gov.cn', 'https://example.gov.cn/path?x']) {
      const wrong = gongshi('build', '--input', '.', '--site-url', url);
      expect(wrong.status, url).toBe(2);
      expect(wrong.stderr).toContain('--site-url must be an origin');
    }
  });

  it("takes DuckDB's memory limit from --memory-limit or GONGSHI_MEMORY_LIMIT, and refuses what is not a size", () => {
    const input = scratch('gongshi-cli-');
    expect(gongshi('sample', '--scale', 'tiny', '--seed', '1', '--out', input).status).toBe(0);
    expect(gongshi('check', '--input', input, '--memory-limit', '256MB').status).toBe(0);
    const wrong = gongshi('check', '--input', input, '--memory-limit', 'lots');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(
      '--memory-limit (or GONGSHI_MEMORY_LIMIT) must be a size such as 1GB or 512MB, not "lots"'
    );
    const fromEnvironment = spawnSync(process.execPath, [CLI, 'check', '--input', input], {
      encoding: 'utf8',
      env: {...process.env, GONGSHI_MEMORY_LIMIT: '2 gigs'}
    });
    expect(fromEnvironment.status).toBe(2);
    expect(fromEnvironment.stderr).toContain('not "2 gigs"');
  });

  it('refuses with exit 2 an --input that is a file or does not exist, saying which, in both languages', () => {
    const input = scratch('gongshi-cli-');
    writeFileSync(join(input, 'regions.csv'), 'code,name,level\n3607,赣州市,city\n');
    const file = gongshi('check', '--input', join(input, 'regions.csv'));
    expect(file.status).toBe(2);
    expect(file.stderr).toContain(`--input 应为存放 CSV 文件的文件夹，"${join(input, 'regions.csv')}" 是一个文件`);
    const missing = gongshi('build', '--input', join(input, 'nothing'), '--out', join(input, 'out'), '--lang', 'en');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      `--input must be the folder holding the CSV files; "${join(input, 'nothing')}" does not exist`
    );
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails check with exit 1 and E_MISSING_FILE on a folder without regions.csv, in both languages', () => {
    const empty = scratch('gongshi-cli-');
    const zh = gongshi('check', '--input', empty);
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain('regions.csv');
    expect(zh.stdout).toContain('[E_MISSING_FILE]');
    expect(zh.stdout).toContain('不能发布');
    const en = gongshi('check', '--input', empty, '--lang', 'en');
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('file not found in input folder');
  });

  it('fails build with exit 1 on a missing required column and leaves the output folder alone', () => {
    const input = scratch('gongshi-cli-');
    const out = scratch('gongshi-out-');
    writeFileSync(join(out, 'keep.txt'), 'last good output');
    writeFileSync(join(input, 'regions.csv'), 'code,name,level\n3607,赣州市,city\n');
    const run = gongshi('build', '--input', input, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[E_MISSING_COLUMN]');
    expect(run.stderr).toContain('parent_code');
    expect(run.stderr).toContain('保持不变');
    expect(spawnSync('cat', [join(out, 'keep.txt')], {encoding: 'utf8'}).stdout).toBe('last good output');
  });
});
