/**
 * A map's names never print over one another (a province's hundred counties would), and a city's map, whose names
 * have room, keeps every one.
 */
import {describe, expect, it} from 'vitest';
import {readReferenceBoundaries} from '../../../pipelines/publish/publish-boundaries.ts';
import {type CountyShape, type MapCounty, countyMapSvg} from '../../../src/charts/county-map.ts';

const boundaries = readReferenceBoundaries().features;
const classes = [{id: 'c0', label: '达标', color: '#08519c'}];

/** The map of the counties whose code begins with `prefix`, every one with data but `blank`. */
function mapOf(prefix: string, highlight: string, blank: readonly string[] = []) {
  const shapes = boundaries.filter((s) => s.properties.code.startsWith(prefix));
  const short = (s: CountyShape) => s.properties.name.slice(0, -1);
  const counties: MapCounty[] = shapes
    .filter((s) => !blank.includes(s.properties.code))
    .map((s) => ({
      code: s.properties.code,
      label: short(s),
      href: `/regions/${s.properties.code}/`,
      classId: 'c0',
      title: s.properties.name,
      value: '1'
    }));
  const svg = countyMapSvg(shapes, counties, classes, {
    title: 't',
    description: 'd',
    id: 'm',
    highlight,
    blankLabel: short,
    width: 440
  });
  return {shapes, svg};
}

/** Each label's text and box, as the map places it (middle-anchored at its translate, 13 px or 12 px). */
function labelsOf(svg: string) {
  return [...svg.matchAll(/<g[^>]*font-size="(\d+)"[^>]*>((?:<text[^>]*>[^<]*<\/text>)+)<\/g>/g)].flatMap(
    ([, size, texts]) =>
      [...texts!.matchAll(/translate\(([-\d.]+),([-\d.]+)\)"[^>]*>([^<]*)</g)].map(([, x, y, text]) => {
        const half = (text!.length * Number(size)) / 2;
        const height = Number(size) * 0.45;
        return {text: text!, left: +x! - half, right: +x! + half, top: +y! - height, bottom: +y! + height};
      })
  );
}

describe('the names on a county map', () => {
  it('on a province’s map, leave out what would overlap, keeping the page’s own county and most of the others', () => {
    const {shapes, svg} = mapOf('36', '360111'); // 青山湖区: a small district at 南昌's crowded centre
    const labels = labelsOf(svg);
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.text} over ${b.text}`).toBe(false);
      }
    }
    expect(labels.map((l) => l.text)).toContain('青山湖');
    expect(shapes.length).toBeGreaterThan(90);
    expect(labels.length).toBeGreaterThan(shapes.length * 0.6);
    // Every county is still drawn and linked, named or not.
    expect(svg.match(/<a /g)).toHaveLength(shapes.length);
  });

  it('on a city’s map, where the names have room, keep every one', () => {
    const {shapes, svg} = mapOf('3607', '360726', ['360702']);
    expect(labelsOf(svg)).toHaveLength(shapes.length);
  });
});
