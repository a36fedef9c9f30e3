import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import type {ReleaseEntry, ReleaseFile, ReleaseIndex} from '../../src/lib/releases.ts';
import {releaseIdDate} from '../../src/lib/releases.ts';
import {CliError} from '../lib/cli-error.ts';

/** A release of the previous output whose files can be carried forward. */
export interface CarriedRelease {
  entry: ReleaseEntry;
  /** Folder holding the release's files. */
  dir: string;
}

/** The previous output as `--previous` names it. */
export interface PreviousOutput {
  /** Its current release. */
  current: CarriedRelease;
  /** Every release it carries whose files are all present, newest first (the current one included). */
  releases: CarriedRelease[];
  /** Releases listed in its index whose files are missing (they cannot be carried). */
  missing: string[];
}

interface PreviousManifest {
  build_id: string;
  release_date?: string | null;
  tables: Record<string, {rows: number; files: ReleaseFile[]}>;
  files: ReleaseFile[];
}

/**
 * Reads the previous release from `dir`: a previous build output (with
 * `data/` and `releases/`) or its `data/` folder. Its `releases.json` lists
 * the releases it carries, found under `<output>/releases/<id>/`; the current
 * one may also be read from `data/`. An output built before releases.json
 * existed is read from its manifest as a single release. Throws a usage error
 * (exit 2) when `dir` holds no published data.
 */
export function readPreviousRelease(dir: string): PreviousOutput {
  const root = resolve(dir);
  const dataDir = existsSync(join(root, 'manifest.json')) ? root : join(root, 'data');
  if (!existsSync(join(dataDir, 'manifest.json'))) {
    throw new CliError('E_USAGE', `build: --previous ${dir} holds no manifest.json (nor data/manifest.json)`);
  }
  const releasesDir = join(dataDir === root ? dirname(root) : root, 'releases');
  const indexPath = join(dataDir, 'releases.json');
  const index: ReleaseIndex = existsSync(indexPath)
    ? (JSON.parse(readFileSync(indexPath, 'utf8')) as ReleaseIndex)
    : legacyIndex(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as PreviousManifest);
  const releases: CarriedRelease[] = [];
  const missing: string[] = [];
  for (const entry of index.releases) {
    const candidates = [join(releasesDir, entry.id), ...(entry.id === index.current ? [dataDir] : [])];
    const found = candidates.find((folder) => entry.files.every((f) => existsSync(join(folder, f.path))));
    if (found) releases.push({entry, dir: found});
    else missing.push(entry.id);
  }
  const current = releases.find((r) => r.entry.id === index.current);
  if (!current) throw new CliError('E_USAGE', `build: --previous ${dir}: files of release ${index.current} missing`);
  return {current, releases, missing};
}

// An output from before releases.json: its one release, described by its manifest.
function legacyIndex(manifest: PreviousManifest): ReleaseIndex {
  const files = [...Object.values(manifest.tables).flatMap((t) => t.files), ...manifest.files];
  return {
    current: manifest.build_id,
    releases: [
      {
        id: manifest.build_id,
        date: manifest.release_date ?? releaseIdDate(manifest.build_id),
        previous: null,
        tables: Object.fromEntries(Object.entries(manifest.tables).map(([name, t]) => [name, {rows: t.rows}])),
        files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
        zip: null,
        changes: null
      }
    ]
  };
}
