import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {RegionLevel} from './input-tables.ts';

/** A row of the published `regions` table. */
export interface PublishedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  poor_village: boolean | null;
  deep_poor_village: boolean | null;
  weak_village: boolean | null;
}

/** The published `manifest.json`, as far as the site reads it. */
export interface PublishedManifest {
  build_id: string;
  synthetic: boolean;
  tables: Record<string, {rows: number}>;
}

const cache = new Map<string, unknown>();

/**
 * Returns the folder of published tables the site is built from. `gongshi build`
 * sets GONGSHI_DATA; the site never reads raw input.
 */
export function publishedDataDir(): string {
  const dir = process.env.GONGSHI_DATA;
  if (!dir) throw new Error('GONGSHI_DATA is not set: build the site with `gongshi build --input DIR`');
  return dir;
}

/** Reads (once per build) a published JSON file such as `regions.json`. */
export function readPublishedJson<T>(file: string): T {
  const path = join(publishedDataDir(), file);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

export const readRegions = () => readPublishedJson<PublishedRegion[]>('regions.json');
export const readManifest = () => readPublishedJson<PublishedManifest>('manifest.json');
