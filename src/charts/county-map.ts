import * as Plot from '@observablehq/plot';
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from 'geojson';
import {simplifyRing} from '../lib/simplify-ring.ts';
import {dropOverlappingLabels, shapeArea} from './map-labels.ts';
import {renderSvg} from './render-svg.ts';

/** A class of the map's legend: its words and its fill, hatched (withheld) or dotted (not reported) over it. */
export interface MapClass {
  id: string;
  label: string;
  color: string;
  hatched?: boolean;
  dotted?: boolean;
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
/** Dots of a county without a value: grey on white, unlike any class colour even in greyscale. */
const DOTS = '#4b5563';

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
  const width = options.width ?? 384;
  const shapes = simplifiedToScale(allShapes, width);
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const classOf = new Map(classes.map((c) => [c.id, c]));
  const drawn = shapes.filter((s) => byCode.has(s.properties.code));
  const blank = shapes.filter((s) => !byCode.has(s.properties.code));
  const hatched = drawn.filter((s) => byCode.get(s.properties.code)!.hatched);
  const dotted = drawn.filter((s) => classOf.get(byCode.get(s.properties.code)!.classId)?.dotted);
  const outline = shapes.filter((s) => s.properties.code === options.highlight);
  const domain: FeatureCollection = {type: 'FeatureCollection', features: [...shapes]};
  const county = (s: CountyShape) => byCode.get(s.properties.code)!;
  // Where names would cover each other, the page's own county keeps its name first, then the counties with data
  // (a blank one is outside the site), each group largest first.
  const labelRanks = new Map<string, number>();
  const rankLabel = (label: string, rank: number) => labelRanks.set(label, Math.max(rank, labelRanks.get(label) ?? 0));
  for (const s of blank) rankLabel(options.blankLabel(s), shapeArea(s.geometry));
  for (const s of drawn) {
    const bonus = s.properties.code === options.highlight ? 2e6 : 1e6;
    rankLabel(county(s).label, bonus + shapeArea(s.geometry));
  }
  const hatch = `${options.id}-hatch`;
  const dots = `${options.id}-dots`;
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
        Plot.geo(dotted, {fill: `url(#${dots})`, stroke: 'none', pointerEvents: 'none'}),
        Plot.geo(outline, {fill: 'none', stroke: '#111827', strokeWidth: 2.5}),
        // The labels repeat the links' names: hidden from screen readers, which read the links.
        Plot.text(blank, Plot.centroid({text: options.blankLabel, fontSize: 12, fill: '#57606a', ariaHidden: 'true'})),
        Plot.text(
          drawn,
          Plot.centroid({
            text: (s: CountyShape) => county(s).label,
            fontSize: 13,
            fill: '#111827',
            stroke: '#ffffff',
            strokeWidth: 3,
            paintOrder: 'stroke',
            pointerEvents: 'none',
            ariaHidden: 'true'
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
      const element = (name: string, attributes: Record<string, string>, ...children: Element[]) => {
        const node = document.createElementNS(ns, name);
        for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
        node.append(...children);
        return node;
      };
      const size = String(HATCH.spacing);
      defs.append(
        element(
          'pattern',
          {id: hatch, patternUnits: 'userSpaceOnUse', width: size, height: size, patternTransform: 'rotate(45)'},
          element('line', {
            x1: '0',
            y1: '0',
            x2: '0',
            y2: size,
            stroke: HATCH.stroke,
            'stroke-width': String(HATCH.width)
          })
        ),
        element(
          'pattern',
          {id: dots, patternUnits: 'userSpaceOnUse', width: size, height: size},
          element('circle', {cx: '2.5', cy: '2.5', r: '0.9', fill: DOTS})
        )
      );
      svg.insertBefore(defs, svg.firstChild);
      // A tenth of a pixel is finer than any screen or printer shows: Plot writes thousandths.
      for (const path of svg.querySelectorAll('path')) {
        path.setAttribute(
          'd',
          path.getAttribute('d')!.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
        );
      }
      // Each county's link is known by its address; a county's data go on it (not by position, which Plot may not keep).
      const byHref = new Map(counties.map((c) => [c.href, c]));
      for (const link of svg.querySelectorAll('a')) {
        const c = byHref.get(link.getAttribute('href') ?? '');
        if (!c) continue;
        link.setAttribute('data-code', c.code);
        link.setAttribute('data-class', c.classId);
        link.setAttribute('data-value', c.value);
      }
      dropOverlappingLabels(svg, (label) => labelRanks.get(label) ?? 0);
    }
  );
}

/**
 * The shapes with every point dropped that lies within a pixel of its neighbours' line at this width: the
 * reference is drawn for a province (about 200 m); a city's map needs about a kilometre.
 */
function simplifiedToScale(shapes: readonly CountyShape[], width: number): CountyShape[] {
  // Every map of a build draws the same published shapes at one of two widths: simplified once for each.
  const cached = simplifiedCache.get(shapes)?.get(width);
  if (cached) return cached;
  const result = simplify(shapes, width);
  if (!simplifiedCache.has(shapes)) simplifiedCache.set(shapes, new Map());
  simplifiedCache.get(shapes)!.set(width, result);
  return result;
}

const simplifiedCache = new WeakMap<readonly CountyShape[], Map<number, CountyShape[]>>();

function simplify(shapes: readonly CountyShape[], width: number): CountyShape[] {
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
