import * as Plot from '@observablehq/plot';
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from 'geojson';
import {simplifyRing} from '../lib/simplify-ring.ts';
import {renderSvg} from './render-svg.ts';

/** A class of the map's legend: its words and its fill. */
export interface MapClass {
  id: string;
  label: string;
  color: string;
}

/** One county as the map draws it. */
export interface MapCounty {
  code: string;
  /** Its label on the map: the name without its generic part where the map is small (安远县 → 安远). */
  label: string;
  href: string;
  classId: string;
  /** The tooltip and the accessible text of its link: name, value, status. */
  title: string;
  /** The figure drawn, as published (data-value), so that the map can be checked against the table. */
  value: string;
  /** Drawn hatched over its class colour: its value is withheld or known only as a band, or partly unknown. */
  hatched?: boolean;
}

/** A county polygon of the published `boundaries.geojson`. */
export type CountyShape = Feature<Polygon | MultiPolygon, {code: string; name: string}>;

/** Options of {@link countyMapSvg}. */
export interface CountyMapOptions {
  /** The map's accessible name. */
  title: string;
  /** The caption, read as the map's description. */
  description: string;
  /** A county drawn with a heavy outline (the county a page is about). */
  highlight?: string;
  /** Prefix of the ids in the SVG (its hatch pattern), unique on the page. */
  id: string;
  /** The label of a county drawn blank (in the city, without data on this site). */
  blankLabel: (shape: CountyShape) => string;
  width?: number;
}

/** Hatching of withheld or banded counties: dark diagonal lines over the class colour, readable in greyscale. */
const HATCH = {stroke: '#1f2937', spacing: 5, width: 1.2};

/**
 * Returns a choropleth of `counties` over `shapes` as build-time SVG: each
 * county filled with its class's colour (hatched where its value is withheld or
 * only known as a band), outlined in white, labelled with its name, and a link
 * to its page with its title; `highlight` gets a heavy dark outline. Each
 * link carries `data-code`, `data-class` and `data-value`. Counties without a
 * shape are not drawn (the page says so); shapes without a county are drawn
 * blank. Mercator, fitted to the shapes.
 */
export function countyMapSvg(
  allShapes: readonly CountyShape[],
  counties: readonly MapCounty[],
  classes: readonly MapClass[],
  options: CountyMapOptions
): string {
  const width = options.width ?? 480;
  const shapes = simplifiedToScale(allShapes, width);
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const classOf = new Map(classes.map((c) => [c.id, c]));
  const drawn = shapes.filter((s) => byCode.has(s.properties.code));
  const blank = shapes.filter((s) => !byCode.has(s.properties.code));
  const hatched = drawn.filter((s) => byCode.get(s.properties.code)!.hatched);
  const outline = shapes.filter((s) => s.properties.code === options.highlight);
  const domain: FeatureCollection = {type: 'FeatureCollection', features: [...shapes]};
  const county = (s: CountyShape) => byCode.get(s.properties.code)!;
  const hatch = `${options.id}-hatch`;
  return renderSvg(
    {
      width,
      margin: 4,
      projection: {type: 'mercator', domain},
      marks: [
        Plot.geo(blank, {fill: '#ffffff', stroke: '#9ca3af', strokeWidth: 0.75}),
        Plot.geo(drawn, {
          fill: (s: CountyShape) => classOf.get(county(s).classId)?.color ?? '#ffffff',
          stroke: '#ffffff',
          strokeWidth: 1,
          href: (s: CountyShape) => county(s).href,
          title: (s: CountyShape) => county(s).title
        }),
        Plot.geo(hatched, {fill: `url(#${hatch})`, stroke: 'none', pointerEvents: 'none'}),
        Plot.geo(outline, {fill: 'none', stroke: '#111827', strokeWidth: 2.5}),
        Plot.text(blank, Plot.centroid({text: options.blankLabel, fontSize: 12, fill: '#57606a'})),
        Plot.text(
          drawn,
          Plot.centroid({
            text: (s: CountyShape) => county(s).label,
            fontSize: 13,
            fill: '#111827',
            stroke: '#ffffff',
            strokeWidth: 3,
            paintOrder: 'stroke',
            pointerEvents: 'none'
          })
        )
      ]
    },
    // A group, not an image: each county inside is a link (named by its title), which an image may not hold.
    {role: 'group', 'aria-label': options.title, 'aria-description': options.description, class: 'county-map'},
    (svg) => {
      const document = svg.ownerDocument;
      const ns = 'http://www.w3.org/2000/svg';
      const defs = document.createElementNS(ns, 'defs');
      const pattern = document.createElementNS(ns, 'pattern');
      for (const [name, value] of Object.entries({
        id: hatch,
        patternUnits: 'userSpaceOnUse',
        width: String(HATCH.spacing),
        height: String(HATCH.spacing),
        patternTransform: 'rotate(45)'
      })) {
        pattern.setAttribute(name, value);
      }
      const line = document.createElementNS(ns, 'line');
      for (const [name, value] of Object.entries({
        x1: '0',
        y1: '0',
        x2: '0',
        y2: String(HATCH.spacing),
        stroke: HATCH.stroke,
        'stroke-width': String(HATCH.width)
      })) {
        line.setAttribute(name, value);
      }
      pattern.appendChild(line);
      defs.appendChild(pattern);
      svg.insertBefore(defs, svg.firstChild);
      // A tenth of a pixel is finer than any screen or printer shows: Plot writes thousandths.
      for (const path of svg.querySelectorAll('path')) {
        path.setAttribute(
          'd',
          path.getAttribute('d')!.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
        );
      }
      // Plot draws the filled counties' links in the order of `drawn`: the second group of geo paths.
      const links = svg.querySelectorAll('a');
      links.forEach((link, i) => {
        const c = county(drawn[i]!);
        link.setAttribute('data-code', c.code);
        link.setAttribute('data-class', c.classId);
        link.setAttribute('data-value', c.value);
      });
    }
  );
}

/**
 * The shapes with every point dropped that lies within a pixel of its neighbours' line at this width: the
 * reference is drawn for a province (about 200 m); a city's map needs about a kilometre.
 */
function simplifiedToScale(shapes: readonly CountyShape[], width: number): CountyShape[] {
  let [west, east] = [Infinity, -Infinity];
  for (const ring of shapes.flatMap(rings)) {
    for (const [x] of ring) [west, east] = [Math.min(west, x!), Math.max(east, x!)];
  }
  const tolerance = (east - west) / width;
  return shapes.map((shape) => {
    const g = shape.geometry;
    const simplify = (polygon: number[][][]) => polygon.map((ring) => simplifyRing(ring, tolerance));
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? {type: 'Polygon', coordinates: simplify(g.coordinates)}
        : {type: 'MultiPolygon', coordinates: g.coordinates.map(simplify)};
    return {...shape, geometry};
  });
}

const rings = (shape: CountyShape): number[][][] =>
  shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
