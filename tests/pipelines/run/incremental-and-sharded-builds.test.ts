/**
 * A rebuild that copies what did not change, and a build in shards joined by
 * `gongshi merge`, each give byte for byte the site a cold build of the same
 * input gives (issue 15). On the `small` sample (a township in each of two
 * counties): built once, then one project, one village's households and one
 * target of 安远县 changed, and the changed input built three ways — cold
 * (`--no-cache`), incrementally from the first build, in three shards merged.
 * All three are given the first build as `--previous`, so that each carries
 * its release forward the same way.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Papa from 'papaparse';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {changeOneCounty} from './change-one-county.ts';
import {type CommandRun, gongshi, gongshiOk, hashTree} from './gongshi.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-incremental-'));
const input = join(root, 'input');
const changed = join(root, 'changed');
const first = join(root, 'first');
const cold = join(root, 'cold');
const incremental = join(root, 'incremental');
const shards = [1, 2, 3].map((k) => join(root, `shard-${k}`));
const merged = join(root, 'merged');
const SITE = ['--site-url', 'https://gongshi.example.gov.cn'];
const CHANGED_COUNTY = '360726';
let incrementalRun: CommandRun;
let changedProject: string;

beforeAll(async () => {
  await gongshiOk('sample', '--scale', 'small', '--seed', '1', '--out', input);
  await gongshiOk('build', '--input', input, '--out', first, ...SITE);
  cpSync(input, changed, {recursive: true});
  changedProject = changeOneCounty(changed, CHANGED_COUNTY);
  // The incremental build may take its previous output as its own `--out` in practice; here it has a copy of its
  // own, so that the cold build compares with the same previous output.
  const previousCopy = join(root, 'first-copy');
  cpSync(first, previousCopy, {recursive: true});
  [, incrementalRun] = await Promise.all([
    gongshiOk('build', '--input', changed, '--out', cold, '--previous', first, '--no-cache', ...SITE),
    gongshiOk('build', '--input', changed, '--out', incremental, '--previous', previousCopy, ...SITE)
  ]);
  for (const [k, out] of shards.entries()) {
    await gongshiOk('build', '--input', changed, '--out', out, '--previous', first, '--shard', `${k + 1}/3`, ...SITE);
  }
  await gongshiOk('merge', '--input', changed, '--out', merged, ...shards.toReversed().flatMap((s) => ['--from', s]));
});
afterAll(() => rmSync(root, {recursive: true, force: true}));

describe('an incremental rebuild', () => {
  it('copies the parts whose data did not change and renders the rest', () => {
    // 章贡区's projects share no fund with 安远县's, and its townships and villages compare with nothing in 安远县: its
    // pages are copied; 安远县's and the city's (with every county's own page, which a village's households move)
    // are rendered.
    const parts = JSON.parse(readFileSync(join(incremental, 'gongshi-parts.json'), 'utf8')) as {
      parts: Record<string, string>;
    };
    const before = JSON.parse(readFileSync(join(first, 'gongshi-parts.json'), 'utf8')) as typeof parts;
    const kept = Object.keys(parts.parts).filter((part) => parts.parts[part] === before.parts[part]);
    expect(kept).toEqual(['projects:360702', 'regions:360702']);
    const carried = Number(/(\d+) of them carried/.exec(incrementalRun.stderr)?.[1]);
    expect(carried).toBeGreaterThan(100);
  });

  it('writes the same files, byte for byte, as a cold build of the same input', () => {
    const expected = hashTree(cold);
    expect(Object.keys(expected).length).toBeGreaterThan(1000);
    expect(hashTree(incremental)).toEqual(expected);
  });

  it('prints the new release id on the pages it copied, and the changed project as it is now', () => {
    const id = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'data', 'manifest.json'), 'utf8')) as {build_id: string}).build_id;
    expect(id(incremental)).not.toBe(id(first));
    const copied = readFileSync(join(incremental, 'projects', firstProjectOf(input, '360702'), 'index.html'), 'utf8');
    expect(copied).toContain(id(incremental));
    expect(copied).not.toContain(id(first));
    const project = readFileSync(join(incremental, 'projects', changedProject, 'index.html'), 'utf8');
    expect(project).not.toEqual(readFileSync(join(first, 'projects', changedProject, 'index.html'), 'utf8'));
  });

  it('renders everything again with --no-cache (the cold build above carried nothing)', async () => {
    const run = await gongshi(
      'build',
      '--input',
      changed,
      '--out',
      join(root, 'again'),
      '--previous',
      cold,
      '--no-cache',
      ...SITE
    );
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/carried from/);
  });
});

describe('a sharded build', () => {
  it('deals each county whole to one shard, and the city to one', () => {
    const dealt = shards.map(
      (dir) => (JSON.parse(readFileSync(join(dir, 'gongshi-shard.json'), 'utf8')) as {parts: string[]}).parts
    );
    expect(dealt.flat().sort()).toEqual([
      'city',
      'projects:360702',
      'projects:360726',
      'regions:360702',
      'regions:360726'
    ]);
    for (const parts of dealt) {
      expect(new Set(parts.map((part) => part.split(':')[1] ?? part)).size).toBe(1);
    }
  });

  it('merges into the same files, byte for byte, as one build on one machine', () => {
    expect(existsSync(join(merged, 'gongshi-shard.json'))).toBe(false);
    expect(existsSync(join(merged, 'sitemap.xml'))).toBe(true);
    expect(hashTree(merged)).toEqual(hashTree(cold));
  });

  it('refuses to merge when a shard is missing, and leaves the output as it was', async () => {
    const run = await gongshi('merge', '--input', changed, '--out', merged, '--from', shards[0]!, '--from', shards[1]!);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/needs each of the 3 shards once; missing 3/);
    expect(hashTree(merged)).toEqual(hashTree(cold));
  });

  it('refuses shards of different builds', async () => {
    const other = join(root, 'other-shard-3');
    cpSync(shards[2]!, other, {recursive: true});
    // The published tables are in every shard: those of another build must not be mixed in.
    const regions = join(other, 'data', 'regions.csv');
    writeFileSync(regions, readFileSync(regions, 'utf8').replace('安远县', '安远'));
    const run = await gongshi(
      'merge',
      '--input',
      changed,
      '--out',
      join(root, 'bad'),
      '--from',
      shards[0]!,
      '--from',
      shards[1]!,
      '--from',
      other
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/data\/regions\.csv differs between shards/);
  });
});

function firstProjectOf(dir: string, county: string): string {
  const [, ...rest] = readFileSync(join(dir, 'projects.csv'), 'utf8').split('\n');
  const {data} = Papa.parse<Record<string, string>>(rest.join('\n'), {header: true, skipEmptyLines: true});
  return data.find((row) => row.region_code!.startsWith(county))!.project_id!;
}
