import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {Changelog, ReleaseIndex} from './releases.ts';
import type {PublicationConfig} from './publication-config.ts';
import {readPublishedJson} from './published-data.ts';
import {publishedDataDir} from './site-settings.ts';

/** A column of a published table, as datapackage.json's Table Schema gives it. */
export interface PublishedField {
  name: string;
  type: string;
  title: string;
  title_en: string;
}

/** A resource (published table) of datapackage.json. */
export interface PublishedResource {
  name: string;
  path: string;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  schema: {fields: PublishedField[]; primaryKey: string[]};
}

/** The published `datapackage.json`, as far as the site reads it. */
export interface PublishedDatapackage {
  title: string;
  title_en: string;
  site: PublicationConfig;
  resources: PublishedResource[];
}

/** A published file as manifest.json lists it (path relative to data/). */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** The parts of manifest.json the catalogue shows: every table's rows and files. */
export interface CatalogueManifest {
  build_id: string;
  tables: Record<string, {rows: number; files: ManifestFile[]}>;
  files: ManifestFile[];
}

export const readDatapackage = () => readPublishedJson<PublishedDatapackage>('datapackage.json');
export const readCatalogueManifest = () => readPublishedJson<CatalogueManifest>('manifest.json');
export const readReleaseIndex = () => readPublishedJson<ReleaseIndex>('releases.json');

/** The changelog of the current release against the previous one, or null for a first release. */
export function readChangelog(): Changelog | null {
  return existsSync(join(publishedDataDir(), 'changelog.json')) ? readPublishedJson<Changelog>('changelog.json') : null;
}
