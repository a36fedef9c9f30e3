import {createHash} from 'node:crypto';
import {writeFile} from 'node:fs/promises';
import {join, relative} from 'node:path';
import type {FileAccount} from '../validate/rejection-log.ts';
import type {PublishedFile, PublishedTable} from './write-table-files.ts';

export interface ManifestInput {
  tables: PublishedTable[];
  files: FileAccount[];
  synthetic: boolean;
  /** Withheld cells per table, by reason (and those of them that show a band). */
  suppression: Record<string, {primary: number; complementary: number; banded?: number}>;
  /** The thresholds of disclosure control, which say what a band means (1..k−1 households). */
  disclosure: {k: number; kSensitive: number; maxHouseholdMembers: number};
  /** The date the projects' `overdue` flag is judged at (the end of the latest project year), or null without projects. */
  flagsReferenceDate: string | null;
  /** Published files that are not tables (datapackage.json). */
  otherFiles: PublishedFile[];
  /** Empty (not reported) cells per input file and measure column. */
  notReported?: Record<string, Record<string, number>>;
  /** The release's date, `YYYY-MM-DD`: the site configuration's, else the latest date in the input; null if none. */
  releaseDate: string | null;
}

/**
 * Writes manifest.json: the release id, the row count and files (size,
 * sha256) of every published table, and rows read/accepted/rejected and
 * cells not reported per input file. The id is derived from the content, prefixed with the date of
 * SOURCE_DATE_EPOCH when it is set: no wall-clock time, so the same input
 * gives the same bytes.
 */
export async function writeManifest(
  dataDir: string,
  {
    tables,
    files,
    synthetic,
    suppression,
    disclosure,
    flagsReferenceDate,
    otherFiles,
    notReported = {},
    releaseDate: dated
  }: ManifestInput
) {
  const published = Object.fromEntries(
    tables.map((t) => [
      t.name,
      {rows: t.rows, files: t.files.map((f) => ({path: relative(dataDir, f.path), bytes: f.bytes, sha256: f.sha256}))}
    ])
  );
  const other = otherFiles.map((f) => ({path: relative(dataDir, f.path), bytes: f.bytes, sha256: f.sha256}));
  const contentHash = createHash('sha256')
    .update(JSON.stringify([published, other]))
    .digest('hex')
    .slice(0, 12);
  const manifest = {
    build_id: [releaseDate(), contentHash].filter(Boolean).join('-'),
    release_date: dated,
    synthetic,
    tables: published,
    files: other,
    suppression,
    disclosure: {
      k: disclosure.k,
      k_sensitive: disclosure.kSensitive,
      max_household_members: disclosure.maxHouseholdMembers
    },
    flags_reference_date: flagsReferenceDate,
    inputs: files.map((f) => ({
      file: f.file,
      present: f.present,
      encoding: f.encoding,
      rows_read: f.rowsRead,
      rows_accepted: f.rowsAccepted,
      rows_rejected: f.rowsRejected,
      rejected_by_code: f.rejectedByCode,
      unknown_columns: f.unknownColumns,
      allowed_empty: f.allowedEmpty,
      ...(notReported[f.file] ? {not_reported: notReported[f.file]} : {})
    }))
  };
  await writeFile(join(dataDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** `YYYYMMDD` of SOURCE_DATE_EPOCH (reproducible-builds.org), or null when unset. */
export function releaseDate(env: NodeJS.ProcessEnv = process.env): string | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch || !/^\d+$/.test(epoch)) return null;
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10).replaceAll('-', '');
}
