/**
 * The release history as the pipelines publish it (`data/releases.json`,
 * `releases/<id>/changelog.json`) and the site reads it. Shared by both, so
 * the two cannot drift apart.
 */

/** A published file of a release, relative to the release folder. */
export interface ReleaseFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A row key of a published table: its primary-key columns and their values. */
export type RowKey = Record<string, string | number | boolean | null>;

/** How one table changed from the previous release to this one. */
export interface TableChange {
  table: string;
  /** Rows in the previous release (null: the table is new). */
  rows_before: number | null;
  /** Rows in this release (null: the table was dropped). */
  rows_after: number | null;
  added: number;
  removed: number;
  /** Rows whose key is in both releases and whose other cells differ. */
  changed: number;
  columns_added: string[];
  columns_removed: string[];
}

/** A published indicator value that differs from the previous release (null: withheld or absent). */
export interface RevisedValue {
  indicator_id: string;
  region_code: string;
  year: number;
  old_value: number | null;
  new_value: number | null;
  old_status: string | null;
  new_status: string | null;
}

/** `changelog.json` of a release: what changed since the previous one. */
export interface Changelog {
  release: string;
  previous: string;
  tables: (TableChange & {
    /** Keys of the rows added, removed and changed, each list cut at `key_limit`. */
    keys: {added: RowKey[]; removed: RowKey[]; changed: RowKey[]};
  })[];
  /** Largest number of keys listed per kind and table; the counts above are always complete. */
  key_limit: number;
  /** Every revised value of indicator_values, ordered by indicator, region and year. */
  revised_values: RevisedValue[];
}

/** One release in `data/releases.json`. */
export interface ReleaseEntry {
  id: string;
  /** ISO date of the release (from SOURCE_DATE_EPOCH), or null when the build was not dated. */
  date: string | null;
  previous: string | null;
  tables: Record<string, {rows: number}>;
  /** Every file under `releases/<id>/`, sorted by path. */
  files: ReleaseFile[];
  /** The bulk download of the release (null for a release built before Gongshi wrote one). */
  zip: ReleaseFile | null;
  /** Counts of the changelog against `previous`; null for a first release. */
  changes: {tables: TableChange[]; revised_values: number} | null;
}

/** `data/releases.json`: every release this site carries, newest first. */
export interface ReleaseIndex {
  current: string;
  releases: ReleaseEntry[];
}

/** The ISO date in a release id that starts with `YYYYMMDD-`, or null. */
export function releaseIdDate(id: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})-/.exec(id);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The file name of a release's bulk download. */
export const zipName = (id: string) => `gongshi-data-${id}.zip`;
