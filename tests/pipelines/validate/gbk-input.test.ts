/**
 * What Excel on a Chinese Windows saves — GBK bytes, Chinese headers, CRLF —
 * reads exactly as its UTF-8 twin with English headers and LF (data
 * contract, section 1), through the real `gongshi check` and `gongshi build`.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import iconv from 'iconv-lite';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type CommandRun, gongshi} from '../run/gongshi.ts';
import {minimalInput, removeInputs, writeInput} from './input-folder.ts';

const out = join(mkdtempSync(join(tmpdir(), 'gongshi-gbk-')), 'site');
let gbkFolder: string;
const runs: Partial<Record<'utf8' | 'gbk' | 'build', CommandRun>> = {};

/** The minimal folder with a quoted Chinese project name holding a comma. */
function twin() {
  const input = minimalInput();
  input.projects[0]!.name = '东门村道路硬化，一期,二标段';
  return input;
}

beforeAll(async () => {
  const utf8 = await writeInput(twin());
  gbkFolder = await writeInput(twin(), {encoding: 'gbk', chinese: true, newline: '\r\n'});
  [runs.utf8, runs.gbk, runs.build] = await Promise.all([
    gongshi('check', '--input', utf8, '--lang', 'en'),
    gongshi('check', '--input', gbkFolder, '--lang', 'en'),
    gongshi('build', '--input', gbkFolder, '--out', out, '--lang', 'en')
  ]);
});
afterAll(async () => {
  rmSync(join(out, '..'), {recursive: true, force: true});
  await removeInputs();
});

describe('a GBK folder with Chinese headers and CRLF line ends', () => {
  it('is written as GBK, with Chinese headers and CRLF', () => {
    const bytes = readFileSync(join(gbkFolder, 'regions.csv'));
    expect(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'gbk')).toMatch(
      /^区划代码,名称,级别,上级代码,是否贫困村,是否深度贫困村,是否经济薄弱村\r\n3607,赣州市,/
    );
  });

  it('passes `gongshi check` with the same accounting as its UTF-8 twin', () => {
    expect(runs.utf8!.status).toBe(0);
    expect(runs.gbk!.status).toBe(0);
    // The fast path for the largest file, through a UTF-8 copy, as for a UTF-8 file.
    expect(runs.gbk!.stderr).toMatch(/validate households\.csv: .*\(read by DuckDB\)/);
    expect(runs.utf8!.stderr).toMatch(/validate households\.csv: .*\(read by DuckDB\)/);
    const accounting = (run: CommandRun) => run.stdout.split('\n').filter((line) => line.includes(': read '));
    expect(accounting(runs.gbk!)).toEqual(accounting(runs.utf8!).map((line) => `${line} (gb18030)`));
    expect(accounting(runs.gbk!)).toEqual([
      'regions.csv: read 5 rows, accepted 5, rejected 0 (gb18030)',
      'funds.csv: read 2 rows, accepted 2, rejected 0 (gb18030)',
      'villages.csv: read 2 rows, accepted 2, rejected 0 (gb18030)',
      'projects.csv: read 2 rows, accepted 2, rejected 0 (gb18030)',
      'households.csv: read 4 rows, accepted 4, rejected 0 (gb18030)'
    ]);
  });

  it('builds with `gongshi build`, Chinese text intact in the published data', () => {
    expect(runs.build!.status, runs.build!.stderr).toBe(0);
    const data = (file: string) => readFileSync(join(out, 'data', file), 'utf8');
    expect(data('regions.csv')).toContain('360726101001,东门村,village,360726101');
    expect(data('funds.csv')).toContain('赣财农指〔2021〕12号');
    expect(data('projects.csv')).toContain('"东门村道路硬化，一期,二标段"');
    type Input = {file: string; encoding: string; rows_read: number; rows_accepted: number; rows_rejected: number};
    const manifest = JSON.parse(data('manifest.json')) as {inputs: Input[]};
    for (const i of manifest.inputs) expect(i.rows_read, i.file).toBe(i.rows_accepted + i.rows_rejected);
    expect(manifest.inputs.filter((i) => i.encoding === 'gb18030').map((i) => i.file)).toEqual([
      'regions.csv',
      'funds.csv',
      'villages.csv',
      'projects.csv',
      'households.csv'
    ]);
  });
});
