import {readFileSync} from 'node:fs';
import {copyFile, link, mkdir, writeFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {Changelog, ReleaseEntry, ReleaseFile, ReleaseIndex} from '../../src/lib/releases.ts';
import {releaseIdDate, zipName} from '../../src/lib/releases.ts';
import {describeFile} from '../publish/write-table-files.ts';
import type {CarriedRelease, PreviousOutput} from './read-previous-release.ts';
import {type DiffTable, diffReleases} from './diff-releases.ts';
import {CHECKSUMS_FILE, formatChecksums, writeChecksums} from './write-checksums.ts';
import {folderEntries} from './write-data-zip.ts';
import {writeDataZipInWorker} from './zip-in-worker.ts';

export interface ReleaseOptions {
  /** Data folder of this release, with manifest.json and datapackage.json written. */
  dataDir: string;
  /** Scratch folder of the build. */
  workDir: string;
  /** The previous output (`--previous`), or none for a first release. */
  previous?: PreviousOutput;
}

/** What the release stage wrote: the index, and every release's files to place under `releases/<id>/`. */
export interface ReleasePlan {
  index: ReleaseIndex;
  releases: CarriedRelease[];
  changelog: Changelog | null;
}

interface DataManifest {
  build_id: string;
  /** Absent in releases built before it was recorded. */
  release_date?: string | null;
  tables: Record<string, {rows: number; files: ReleaseFile[]}>;
  files: ReleaseFile[];
}

/**
 * Makes this build a release: compares it with its predecessor in DuckDB and
 * writes `changelog.json`; writes SHA256SUMS and the deterministic bulk zip
 * `gongshi-data-<id>.zip` (its own SHA256SUMS inside); writes `releases.json`,
 * this release first and then every release carried from `previous`. A
 * rebuild of the release `previous` already has replaces it, and is compared
 * with that release's own predecessor.
 */
export async function writeRelease(connection: DuckDBConnection, options: ReleaseOptions): Promise<ReleasePlan> {
  const {dataDir, workDir, previous} = options;
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as DataManifest;
  const id = manifest.build_id;
  const carried = (previous?.releases ?? []).filter((r) => r.entry.id !== id);
  const predecessor = previous ? (previous.current.entry.id === id ? carried[0] : previous.current) : undefined;

  let changelog: Changelog | null = null;
  const released: ReleaseFile[] = [
    ...Object.values(manifest.tables).flatMap((t) => t.files),
    ...manifest.files,
    await relativeFile(dataDir, 'manifest.json')
  ];
  if (predecessor) {
    changelog = await diffReleases(connection, {
      previousDir: predecessor.dir,
      currentDir: dataDir,
      tables: [...diffTables(dataDir), ...diffTables(predecessor.dir)].filter(
        (t, i, all) => all.findIndex((o) => o.name === t.name) === i
      ),
      release: id,
      previous: predecessor.entry.id
    });
    await writeFile(join(dataDir, 'changelog.json'), JSON.stringify(changelog, null, 2) + '\n');
    released.push(await relativeFile(dataDir, 'changelog.json'));
  }

  // SHA256SUMS inside the zip checks the unzipped files; the one beside the zip also checks the zip.
  const inner = join(workDir, CHECKSUMS_FILE);
  await writeFile(inner, formatChecksums(released));
  const zip = zipName(id);
  const folder = zip.replace(/\.zip$/, '');
  await writeDataZipInWorker(join(dataDir, zip), [
    ...folderEntries(
      dataDir,
      released.map((f) => f.path),
      folder
    ),
    {source: inner, name: `${folder}/${CHECKSUMS_FILE}`}
  ]);
  const zipFile = await relativeFile(dataDir, zip);
  await writeChecksums(dataDir, [...released, zipFile]);
  const files = [...released, zipFile, await relativeFile(dataDir, CHECKSUMS_FILE)].sort((a, b) =>
    a.path < b.path ? -1 : 1
  );

  const entry: ReleaseEntry = {
    id,
    date: manifest.release_date ?? releaseIdDate(id),
    previous: predecessor?.entry.id ?? null,
    tables: Object.fromEntries(Object.entries(manifest.tables).map(([name, t]) => [name, {rows: t.rows}])),
    files,
    zip: zipFile,
    changes: changelog
      ? {
          tables: changelog.tables.map(({keys: _keys, ...counts}) => counts),
          revised_values: changelog.revised_values.length
        }
      : null
  };
  const index: ReleaseIndex = {current: id, releases: [entry, ...carried.map((r) => r.entry)]};
  await writeFile(join(dataDir, 'releases.json'), JSON.stringify(index, null, 2) + '\n');
  return {index, releases: [{entry, dir: dataDir}, ...carried], changelog};
}

/**
 * Places every release's files under `<siteDir>/releases/<id>/`, their fixed
 * URLs. Hard links where the file system allows (old releases repeat in every
 * build), copies elsewhere.
 */
export async function placeReleases(plan: ReleasePlan, siteDir: string): Promise<void> {
  for (const {entry, dir} of plan.releases) {
    const target = join(siteDir, 'releases', entry.id);
    for (const file of entry.files) {
      const to = join(target, file.path);
      await mkdir(join(to, '..'), {recursive: true});
      await link(join(dir, file.path), to).catch(() => copyFile(join(dir, file.path), to));
    }
  }
}

function diffTables(dataDir: string): DiffTable[] {
  const datapackage = JSON.parse(readFileSync(join(dataDir, 'datapackage.json'), 'utf8')) as {
    resources: {name: string; schema: {primaryKey: string[]}}[];
  };
  return datapackage.resources.map((r) => ({name: r.name, primaryKey: r.schema.primaryKey}));
}

async function relativeFile(dir: string, path: string): Promise<ReleaseFile> {
  const file = await describeFile(join(dir, path));
  return {...file, path: relative(dir, file.path)};
}
