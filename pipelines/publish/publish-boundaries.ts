/**
 * Publishes `boundaries.geojson`: the polygons of the site's counties (区、县、县级市), from the reference
 * boundaries of data/reference (see its README), for the site's maps and as open data. A county is matched by its
 * code alone — the reference already carries today's codes where they changed —, so a county without a polygon (one
 * created after the reference was drawn) is simply absent and its pages fall back to the table.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import type {FeatureCollection, MultiPolygon, Polygon, Position} from 'geojson';
import {feature} from 'topojson-client';
import type {GeometryCollection, Topology} from 'topojson-specification';
import {type PublishedFile, describeFile} from './write-table-files.ts';

const REFERENCE = new URL('../../data/reference/jiangxi-counties.topojson', import.meta.url);

/** Properties of a published county polygon: its code and name today, and those the source drew it under. */
export interface BoundaryProperties {
  code: string;
  name: string;
  source_code: string;
  source_name: string;
}

/** Reads the reference boundaries of every county they cover. */
export function readReferenceBoundaries(): FeatureCollection<Polygon | MultiPolygon, BoundaryProperties> {
  const topology = JSON.parse(readFileSync(REFERENCE, 'utf8')) as Topology<{
    counties: GeometryCollection<BoundaryProperties>;
  }>;
  return feature(topology, topology.objects.counties) as FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;
}

// Four decimals of a degree (about 10 m) are finer than the reference's simplification (about 200 m).
const rounded = (rings: Position[][]) => rings.map((ring) => ring.map(([x, y]) => [round(x!), round(y!)]));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Writes the polygons of the counties of the `regions` table, and of its city or province, to `dataDir/boundaries.geojson`. */
export async function publishBoundaries(connection: DuckDBConnection, dataDir: string): Promise<PublishedFile> {
  const reader = await connection.runAndReadAll(
    `SELECT code, level FROM regions WHERE level IN ('province', 'city', 'county')`
  );
  const rows = reader.getRowObjectsJson().map((r) => ({code: String(r.code), level: String(r.level)}));
  const counties = new Set(rows.filter((r) => r.level === 'county').map((r) => r.code));
  // Every county of the site's city (or province), also those without data here: the map shows the whole city.
  const within = rows.filter((r) => r.level !== 'county').map((r) => r.code);
  const features = readReferenceBoundaries()
    .features.filter(
      (f) => counties.has(f.properties.code) || within.some((code) => f.properties.code.startsWith(code))
    )
    .map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? {type: 'Polygon' as const, coordinates: rounded(f.geometry.coordinates)}
          : {type: 'MultiPolygon' as const, coordinates: f.geometry.coordinates.map(rounded)}
    }));
  const path = join(dataDir, 'boundaries.geojson');
  writeFileSync(path, JSON.stringify({type: 'FeatureCollection', features}) + '\n');
  return describeFile(path);
}
