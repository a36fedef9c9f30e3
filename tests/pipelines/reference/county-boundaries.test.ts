// The committed county boundaries (data/reference/jiangxi-counties.topojson) against the committed hierarchy of
// 赣州市: every county has its polygon under its code of today, matched by code (county-code-changes.csv where the
// source used an old one), and each polygon lies where the county is.
import {readFileSync} from 'node:fs';
import Papa from 'papaparse';
import {geoArea, geoContains} from 'd3-geo';
import {describe, expect, it} from 'vitest';
import {readReferenceBoundaries} from '../../../pipelines/publish/publish-boundaries.ts';
import {readReferenceRegions} from '../../../pipelines/sample/regions-for-scale.ts';

const read = (file: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(new URL(`../../../data/reference/${file}`, import.meta.url), 'utf8'),
    {
      header: true,
      skipEmptyLines: true
    }
  ).data;
const counties = readReferenceRegions('3607').filter((r) => r.level === 'county');
const changes = read('county-code-changes.csv');
const shapes = readReferenceBoundaries().features;
const byCode = new Map(shapes.map((s) => [s.properties.code, s]));

describe('reference county boundaries', () => {
  it('has one polygon for each of the 18 counties of 赣州市, under its current code and name', () => {
    expect(new Set(counties.map((c) => c.code)).size).toBe(18);
    for (const county of counties) {
      const shape = byCode.get(county.code);
      expect(shape, county.code).toBeDefined();
      expect(shape!.properties.name).toBe(county.name);
    }
    expect(shapes.filter((s) => s.properties.code.startsWith('3607'))).toHaveLength(18);
  });

  it('maps a changed code only through the documented table, never by name', () => {
    for (const shape of shapes) {
      const change = changes.find((c) => c.source_code === shape.properties.source_code);
      expect(shape.properties.code).toBe(change?.code ?? shape.properties.source_code);
    }
    expect(byCode.get('360783')!.properties.source_code).toBe('360727'); // 龙南县 → 龙南市
    expect(byCode.get('360704')!.properties.source_code).toBe('360721'); // 赣县 → 赣县区
    expect(new Set(shapes.map((s) => s.properties.code)).size).toBe(shapes.length);
  });

  it('winds every polygon as d3-geo reads it (each covers less than a hemisphere) and places it where it is', () => {
    for (const shape of shapes) expect(geoArea(shape), shape.properties.code).toBeLessThan(0.01);
    // 安远县's seat (欣山镇, 115.39°E 25.14°N) lies in 安远县, not in its neighbour 寻乌县.
    expect(geoContains(byCode.get('360726')!, [115.39, 25.14])).toBe(true);
    expect(geoContains(byCode.get('360734')!, [115.39, 25.14])).toBe(false);
  });
});
