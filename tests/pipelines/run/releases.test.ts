/**
 * Releases through the real CLI (issue 6): the tiny sample is built, then
 * built again from a changed copy (one village's tap-water rate revised, one
 * project dropped) with `--previous`. The second output carries the first
 * release byte for byte under releases/<id>/ and its changelog says exactly
 * what changed, checked here against the published CSVs themselves. A third
 * build of the same input, served from a sub-path, replaces its release
 * instead of adding one, and links everything under that path.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Papa from 'papaparse';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Changelog, ReleaseIndex} from '../../../src/lib/releases.ts';
import {gongshi, gongshiOk, hashTree} from './gongshi.ts';

const root = mkdtempSync(join(tmpdir(), 'gongshi-releases-'));
const first = join(root, 'first');
const changed = join(root, 'changed');
const [siteA, siteB, siteC] = ['a', 'b', 'c'].map((name) => join(root, name, 'site')) as [string, string, string];
const json = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
let droppedProject: string;

/** Rows of a published CSV (BOM stripped), cells as text. */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, {header: true, skipEmptyLines: true}).data;
}

/** Rewrites one input CSV below its `#` comment line, row by row. */
function editInput(file: string, edit: (lines: string[]) => string[]) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  writeFileSync(file, edit(lines).join('\n') + '\n');
}

beforeAll(async () => {
  await gongshiOk('sample', '--scale', 'tiny', '--seed', '1', '--out', first);
  cpSync(first, changed, {recursive: true});
  editInput(join(changed, 'villages.csv'), (lines) => {
    const header = lines[1]!.split(',');
    const column = header.indexOf('tap_water_rate');
    return lines.map((line, i) => {
      if (i !== 2) return line;
      const cells = line.split(',');
      cells[column] = '0.5';
      return cells.join(',');
    });
  });
  editInput(join(changed, 'projects.csv'), (lines) => {
    droppedProject = lines.at(-1)!.split(',')[0]!;
    return lines.slice(0, -1);
  });
  await gongshiOk('build', '--input', first, '--out', siteA);
  // The data/ folder of the previous output is enough: its releases/ is found beside it.
  await gongshiOk('build', '--input', changed, '--out', siteB, '--previous', join(siteA, 'data'));
  await gongshiOk('build', '--input', changed, '--out', siteC, '--previous', siteB, '--base', '/gongshi/');
});
// Three whole sites: removing them takes longer than a hook's default 10 s on a loaded machine.
afterAll(() => rmSync(root, {recursive: true, force: true}), 60_000);

describe('a build given the previous release', () => {
  it('carries the previous release byte for byte under releases/<id>/, and its own beside it', () => {
    const a = json<ReleaseIndex>(join(siteA, 'data', 'releases.json'));
    const b = json<ReleaseIndex>(join(siteB, 'data', 'releases.json'));
    expect(b.releases.map((r) => r.id)).toEqual([b.current, a.current]);
    expect(b.current).not.toBe(a.current);
    expect(b.releases[0]!.previous).toBe(a.current);
    const carried = hashTree(join(siteB, 'releases', a.current));
    const original = hashTree(join(siteA, 'releases', a.current));
    expect(Object.keys(carried).filter((f) => f !== 'index.html')).toEqual(a.releases[0]!.files.map((f) => f.path));
    for (const file of a.releases[0]!.files) expect(carried[file.path], file.path).toBe(original[file.path]);
    for (const file of b.releases[0]!.files) {
      expect(hashTree(join(siteB, 'releases', b.current))[file.path], file.path).toBe(file.sha256);
    }
  });

  it('counts per table the rows added, removed and changed, as the published CSVs differ', () => {
    const changelog = json<Changelog>(join(siteB, 'data', 'changelog.json'));
    const projects = changelog.tables.find((t) => t.table === 'projects')!;
    expect(projects.removed).toBe(1);
    expect(projects.keys.removed).toEqual([{project_id: droppedProject}]);
    const datapackage = json<{resources: {name: string; schema: {primaryKey: string[]}}[]}>(
      join(siteB, 'data', 'datapackage.json')
    );
    expect(changelog.tables.map((t) => t.table)).toEqual(datapackage.resources.map((r) => r.name));
    for (const resource of datapackage.resources) {
      const key = (r: Record<string, string>) => resource.schema.primaryKey.map((c) => r[c]).join('|');
      const rows = (site: string) =>
        new Map(readCsv(join(site, 'data', `${resource.name}.csv`)).map((r) => [key(r), r]));
      const before = rows(siteA);
      const after = rows(siteB);
      const differs = (a: Record<string, string>, b: Record<string, string>) =>
        Object.keys(a).some((column) => a[column] !== b[column]);
      const table = changelog.tables.find((t) => t.table === resource.name)!;
      expect(table, resource.name).toMatchObject({
        rows_before: before.size,
        rows_after: after.size,
        added: [...after.keys()].filter((k) => !before.has(k)).length,
        removed: [...before.keys()].filter((k) => !after.has(k)).length,
        changed: [...after].filter(([k, row]) => before.has(k) && differs(before.get(k)!, row)).length
      });
    }
    expect(changelog.tables.find((t) => t.table === 'indicator_values')!.changed).toBeGreaterThan(0);
  });

  it('lists every revised indicator value with its old and new value', () => {
    const changelog = json<Changelog>(join(siteB, 'data', 'changelog.json'));
    const key = (r: {indicator_id?: string; region_code?: string; year?: string | number}) =>
      `${r.indicator_id}|${r.region_code}|${r.year}`;
    const before = new Map(readCsv(join(siteA, 'data', 'indicator_values.csv')).map((r) => [key(r), r]));
    const expected = readCsv(join(siteB, 'data', 'indicator_values.csv'))
      .filter((r) => before.has(key(r)) && before.get(key(r))!.value !== r.value)
      .map((r) => ({key: key(r), old: before.get(key(r))!.value, new: r.value}));
    expect(expected.some((r) => r.key.startsWith('tap_water_rate|'))).toBe(true);
    expect(changelog.revised_values.map((v) => key(v)).sort()).toEqual(expected.map((r) => r.key).sort());
    for (const value of changelog.revised_values) {
      const row = expected.find((r) => r.key === key(value))!;
      expect(value.old_value).toBe(row.old === '' ? null : Number(row.old));
      expect(value.new_value).toBe(row.new === '' ? null : Number(row.new));
    }
  });

  it('shows the changelog on the release page and the /releases/ page, in both languages', () => {
    const b = json<ReleaseIndex>(join(siteB, 'data', 'releases.json'));
    const changelog = json<Changelog>(join(siteB, 'data', 'changelog.json'));
    for (const prefix of ['', 'en/']) {
      const page = readFileSync(join(siteB, prefix, 'releases', b.current, 'index.html'), 'utf8');
      expect(page).toContain(`data-table="projects"`);
      expect(page.match(/<tr data-indicator=/g)?.length).toBe(changelog.revised_values.length);
      const list = readFileSync(join(siteB, prefix, 'releases', 'index.html'), 'utf8');
      for (const release of b.releases) expect(list).toContain(`data-release="${release.id}"`);
      expect(existsSync(join(siteB, prefix, 'releases', b.releases[1]!.id, 'index.html'))).toBe(true);
    }
  });

  it('replaces, not repeats, a release rebuilt from the same input, still compared with its predecessor', () => {
    const b = json<ReleaseIndex>(join(siteB, 'data', 'releases.json'));
    const c = json<ReleaseIndex>(join(siteC, 'data', 'releases.json'));
    expect(c).toEqual(b);
    expect(readFileSync(join(siteC, 'data', 'changelog.json'), 'utf8')).toBe(
      readFileSync(join(siteB, 'data', 'changelog.json'), 'utf8')
    );
  });

  it('links every page and download of the catalogue and release pages under --base', () => {
    const c = json<ReleaseIndex>(join(siteC, 'data', 'releases.json'));
    const pages = [
      'data/',
      'en/data/',
      'releases/',
      ...c.releases.flatMap((r) => [`releases/${r.id}/`, `en/releases/${r.id}/`])
    ];
    for (const page of pages) {
      const html = readFileSync(join(siteC, page, 'index.html'), 'utf8');
      const hrefs = [...html.matchAll(/href="?([^"\s>]+)/g)].map((m) => m[1]!).filter((h) => h.startsWith('/'));
      expect(hrefs.length, page).toBeGreaterThan(5);
      for (const href of hrefs) {
        expect(href.startsWith('/gongshi/'), `${page}: ${href}`).toBe(true);
        const path = decodeURI(href.slice('/gongshi/'.length).split('#')[0]!);
        // The SQL console is built by its own feature; every other target must exist in this output.
        if (path.startsWith('explore/') || path.startsWith('en/explore/')) continue;
        const file = path === '' || path.endsWith('/') ? join(path, 'index.html') : path;
        expect(existsSync(join(siteC, file)), `${page}: ${href}`).toBe(true);
      }
    }
  });

  it('refuses a --previous folder without published data (usage error, exit 2)', async () => {
    const run = await gongshi('build', '--input', changed, '--out', join(root, 'd'), '--previous', first);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--previous');
    expect(existsSync(join(root, 'd'))).toBe(false);
  });
});
