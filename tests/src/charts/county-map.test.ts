import {describe, expect, it} from 'vitest';
import {readReferenceBoundaries} from '../../../pipelines/publish/publish-boundaries.ts';
import {type MapCounty, countyMapSvg} from '../../../src/charts/county-map.ts';
import {expectSnapshot} from './snapshot.ts';

// 赣州市's 18 counties from the committed reference; 16 with data, 章贡区 and 南康区 outside the (imagined) site.
const shapes = readReferenceBoundaries().features.filter((s) => s.properties.code.startsWith('3607'));
const classes = [
  {id: 'c0', label: '低于 90.0%', color: '#deebf7'},
  {id: 'c1', label: '90.0% 及以上（达到目标）', color: '#08519c'},
  {id: 'withheld', label: '不公开', color: '#ffffff'}
];
const counties: MapCounty[] = shapes
  .filter((s) => !['360702', '360703'].includes(s.properties.code))
  .map((s, i) => ({
    code: s.properties.code,
    label: s.properties.name.slice(0, -1),
    href: `/regions/${s.properties.code}/`,
    classId: i === 3 ? 'withheld' : i % 2 ? 'c1' : 'c0',
    title: `${s.properties.name}：${i}`,
    value: i === 3 ? '' : String(85 + i),
    hatched: i === 3
  }));
const render = () =>
  countyMapSvg(shapes, counties, classes, {
    title: '脱贫巩固率：各县（市、区）分布图（2025年）',
    description: '说明',
    id: 'test-map',
    highlight: '360726',
    blankLabel: (s) => s.properties.name.slice(0, -1)
  });

describe('countyMapSvg', () => {
  it('draws the city’s counties at build time, as in its snapshot', () => {
    expectSnapshot('county-map-zh', render());
  });

  it('links each county with data to its page, carrying its code, class and value', () => {
    const svg = render();
    const links = [...svg.matchAll(/<a ([^>]*)>/g)].map(([, attributes]) =>
      Object.fromEntries([...attributes!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]))
    );
    expect(links.map((l) => l['data-code'])).toEqual(counties.map((c) => c.code));
    for (const [i, link] of links.entries()) {
      expect(link.href).toBe(counties[i]!.href);
      expect(link['data-class']).toBe(counties[i]!.classId);
      expect(link['data-value']).toBe(counties[i]!.value);
    }
  });

  it('stays small: coordinates to a tenth of a pixel, points closer than a pixel dropped', () => {
    const svg = render();
    for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) expect(d).not.toMatch(/\d\.\d\d/);
    expect(svg.length).toBeLessThan(40_000);
    expect(svg).toContain('id="test-map-hatch"');
    expect(svg).toContain('fill="url(#test-map-hatch)"');
  });
});
