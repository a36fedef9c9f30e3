/**
 * The county maps of the site's pages: which class each county of the site
 * falls in, and the words of the legend and caption, from the published
 * indicator values and the published boundaries (boundaries.geojson).
 */
import type {FeatureCollection} from 'geojson';
import {type CountyShape, type MapClass, type MapCounty, countyMapSvg} from './county-map.ts';
import {formatValue} from '../lib/format-number.ts';
import {type Locale, t} from '../lib/i18n.ts';
import type {IndicatorIndex} from '../lib/indicator-index.ts';
import {HEADLINE_INDICATORS} from '../lib/indicator-index.ts';
import {placeName, shortPlaceName} from '../lib/place-name.ts';
import type {IndicatorValue, PublishedIndicator, PublishedRegion} from '../lib/published-data.ts';
import {readPublishedJson} from '../lib/published-data.ts';
import {regionUrl} from '../lib/site-urls.ts';
import {statusLabel} from './status-labels.ts';

/** A map ready for a page: its SVG, the words around it, and the counties it could not draw. */
export interface CountyMapFigure {
  svg: string;
  title: string;
  caption: string;
  /** The legend, each class with the number of counties in it. */
  legend: (MapClass & {count: number})[];
  /** Whether some county is hatched, and what hatching means here. */
  hatchNote: string | null;
  /** Counties of the site without a polygon: they are only in the table. */
  missing: PublishedRegion[];
}

/** Sequential blues (ColorBrewer Blues), light to dark: steps of lightness that survive greyscale print and CVD. */
const BLUES: Record<number, string[]> = {
  2: ['#c6dbef', '#2171b5'],
  3: ['#deebf7', '#6baed6', '#08519c'],
  4: ['#eff3ff', '#9ecae1', '#4292c6', '#08519c'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']
};
const NOT_REPORTED = '#f3f4f6';

export const readCountyShapes = (): CountyShape[] =>
  (readPublishedJson<FeatureCollection>('boundaries.geojson').features as CountyShape[]) ?? [];

interface Drawn {
  county: PublishedRegion;
  classId: string;
  title: string;
  value: string;
  hatched?: boolean;
}

function figure(
  counties: readonly PublishedRegion[],
  drawn: Drawn[],
  classes: MapClass[],
  words: {title: string; lead: string; hatch: string | null; id: string; highlight?: string; counted?: boolean},
  locale: Locale
): CountyMapFigure {
  const shapes = readCountyShapes();
  const shaped = new Set(shapes.map((s) => s.properties.code));
  const onMap = drawn.filter((d) => shaped.has(d.county.code));
  const legend = classes
    .map((c) => ({...c, count: onMap.filter((d) => d.classId === c.id).length}))
    .filter((c) => c.count > 0);
  const missing = counties.filter((c) => !shaped.has(c.code));
  const outside = shapes.filter((s) => !counties.some((c) => c.code === s.properties.code)).length;
  if (outside > 0) legend.push({id: 'outside', label: t(locale, 'map.outside'), color: '#ffffff', count: outside});
  const counted = legend
    .map((c) => t(locale, 'map.classCount', {label: c.label, count: c.count}))
    .join(t(locale, 'map.listSeparator'));
  // A locator map's classes are this county and the others: counting them says nothing.
  const caption = `${words.lead}${words.counted === false ? '' : counted}${t(locale, 'map.captionEnd')}`;
  const mapCounties: MapCounty[] = onMap.map((d) => ({
    code: d.county.code,
    label: shortPlaceName(d.county.name, locale),
    href: regionUrl(d.county.code, locale),
    classId: d.classId,
    title: d.title,
    value: d.value,
    hatched: d.hatched
  }));
  const svg = countyMapSvg(shapes, mapCounties, classes, {
    title: words.title,
    description: caption,
    id: words.id,
    highlight: words.highlight,
    blankLabel: (shape) => shortPlaceName(shape.properties.name, locale)
  });
  const hatched = onMap.some((d) => d.hatched);
  return {svg, title: words.title, caption, legend, hatchNote: hatched ? words.hatch : null, missing};
}

/**
 * The home page's map: each county by how many of the four headline indicators met their target in `year`,
 * hatched where one of the four is withheld or rests on too few reports to judge.
 */
export function headlineMap(
  counties: readonly PublishedRegion[],
  index: IndicatorIndex,
  year: number,
  locale: Locale
): CountyMapFigure {
  const n = HEADLINE_INDICATORS.length;
  const classes: MapClass[] = Array.from({length: n + 1}, (_, met) => ({
    id: String(met),
    label: t(locale, 'map.headlineClass', {met, total: n}),
    color: BLUES[5]![met]!
  })).reverse();
  const drawn = counties.map((county) => {
    const values = HEADLINE_INDICATORS.map((id) => index.get(id, county.code, year));
    const met = values.filter((v) => v?.status === 'met').length;
    const unknown = values.filter((v) => !v || ['suppressed', 'incomplete'].includes(v.status)).length;
    const statuses = HEADLINE_INDICATORS.map((id, i) =>
      labelled(
        indicatorName(index.byId.get(id), locale),
        statusLabel(values[i]?.status ?? 'incomplete', locale),
        locale
      )
    );
    return {
      county,
      classId: String(met),
      value: String(met),
      hatched: unknown > 0,
      title: `${placeName(county.name, locale)}\n${statuses.join('\n')}`
    };
  });
  return figure(
    counties,
    drawn,
    classes,
    {
      id: 'headline-map',
      title: t(locale, 'map.headlineTitle', {year, total: n}),
      lead: t(locale, 'map.headlineLead', {year, total: n}),
      hatch: t(locale, 'map.headlineHatch')
    },
    locale
  );
}

/** "安远县：达标" / "Anyuan Xian: met". */
const labelled = (name: string, value: string, locale: Locale) =>
  t(locale, 'text.labelled', {label: name, text: value});

const indicatorName = (i: PublishedIndicator | undefined, locale: Locale) =>
  i ? (locale === 'en' ? i.name_en : i.name_zh) : '';

/**
 * Breaks of an indicator's value classes: the target is always one, so that "meets the target" is a class of its
 * own; the values on the wrong side of it are split at their tertiles (quartiles where there is no target).
 */
export function valueBreaks(values: readonly number[], target: number | null, lowerIsBetter: boolean): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  if (target === null) {
    const qs = [0.25, 0.5, 0.75].map((p) => quantile(sorted, p));
    return [...new Set(qs)];
  }
  const wrong = sorted.filter((v) => (lowerIsBetter ? v > target : v < target));
  const splits = wrong.length >= 3 ? [...new Set([1 / 3, 2 / 3].map((p) => quantile(wrong, p)))] : [];
  return [...new Set([...splits, target])].sort((a, b) => a - b);
}

/**
 * The class of a value among `breaks`: 0 below the first, breaks.length at or above the last. A value on a break
 * goes with the side that meets the target: up where higher is better, down where lower is.
 */
const classIndex = (value: number, breaks: readonly number[], lowerIsBetter: boolean) =>
  breaks.filter((b) => (lowerIsBetter ? value > b : value >= b)).length;

/**
 * An indicator page's map: each county's value in `year`, in classes whose breaks include the target; a withheld
 * value known to lie within one class (its band) is drawn in it, hatched; otherwise as withheld.
 */
export function indicatorMap(
  indicator: PublishedIndicator,
  counties: readonly PublishedRegion[],
  index: IndicatorIndex,
  year: number,
  locale: Locale
): CountyMapFigure {
  const values = counties.map((county) => ({county, v: index.get(indicator.id, county.code, year)}));
  const target = values.find(({v}) => v?.target !== null && v?.target !== undefined)?.v?.target ?? null;
  const lowerIsBetter = indicator.direction === 'lower_is_better';
  const known = values.map(({v}) => v?.value).filter((x): x is number => typeof x === 'number');
  const breaks = valueBreaks(known, target, lowerIsBetter);
  const format = (x: number) => formatValue(x, indicator.unit, locale);
  const bounds = [-Infinity, ...breaks, Infinity];
  const palette = BLUES[Math.max(2, bounds.length - 1)]!;
  const classes: MapClass[] = bounds.slice(0, -1).map((low, i) => {
    const high = bounds[i + 1]!;
    const label =
      low === -Infinity
        ? t(locale, lowerIsBetter ? 'map.atMost' : 'map.below', {high: format(high)})
        : high === Infinity
          ? t(locale, lowerIsBetter ? 'map.above' : 'map.atLeast', {low: format(low)})
          : t(locale, 'map.between', {low: format(low), high: format(high)});
    const isTarget = target !== null && (lowerIsBetter ? high === target : low === target);
    // Darker is better: meeting the target is the darkest class (the lightest where lower is better).
    const colour = lowerIsBetter ? palette[palette.length - 1 - i]! : palette[i]!;
    return {id: `c${i}`, label: isTarget ? t(locale, 'map.targetClass', {label}) : label, color: colour};
  });
  classes.push(
    {id: 'withheld', label: t(locale, 'map.withheld'), color: '#ffffff'},
    {id: 'none', label: t(locale, 'map.notReported'), color: NOT_REPORTED}
  );
  const drawn: Drawn[] = values.map(({county, v}) => {
    const name = placeName(county.name, locale);
    if (v && typeof v.value === 'number' && !v.suppressed) {
      return {
        county,
        classId: `c${classIndex(v.value, breaks, lowerIsBetter)}`,
        value: String(v.value),
        title: labelled(name, format(v.value), locale)
      };
    }
    if (v?.suppressed) {
      const band = bandClass(v, breaks, lowerIsBetter);
      return {
        county,
        classId: band ?? 'withheld',
        value: '',
        hatched: true,
        title: labelled(name, t(locale, 'map.withheld'), locale)
      };
    }
    return {county, classId: 'none', value: '', title: labelled(name, t(locale, 'map.notReported'), locale)};
  });
  const name = indicatorName(indicator, locale);
  return figure(
    counties,
    drawn,
    classes,
    {
      id: `map-${indicator.id}-${year}`,
      title: t(locale, 'map.indicatorTitle', {name, year}),
      lead: t(locale, 'map.indicatorLead', {
        name,
        year,
        target: target === null ? t(locale, 'map.noTarget') : format(target)
      }),
      hatch: t(locale, 'map.bandHatch')
    },
    locale
  );
}

/** The class a withheld value's band lies in wholly, if one. */
function bandClass(v: IndicatorValue, breaks: readonly number[], lowerIsBetter: boolean): string | null {
  if (v.lower === null || v.upper === null) return null;
  const low = classIndex(v.lower, breaks, lowerIsBetter);
  return low === classIndex(v.upper, breaks, lowerIsBetter) ? `c${low}` : null;
}

/** A county page's map: the county, dark, among the other counties of its city. */
export function locatorMap(
  county: PublishedRegion,
  counties: readonly PublishedRegion[],
  parentName: string,
  locale: Locale
): CountyMapFigure {
  const here = placeName(county.name, locale);
  const classes: MapClass[] = [
    {id: 'here', label: here, color: '#08519c'},
    {id: 'other', label: t(locale, 'map.otherCounties'), color: '#e5e7eb'}
  ];
  const drawn = counties.map((c) => ({
    county: c,
    classId: c.code === county.code ? 'here' : 'other',
    value: c.code,
    title: placeName(c.name, locale)
  }));
  return figure(
    counties,
    drawn,
    classes,
    {
      id: 'locator-map',
      title: t(locale, 'map.locatorTitle', {name: here, parent: parentName}),
      lead: t(locale, 'map.locatorLead', {name: here, parent: parentName}),
      hatch: null,
      highlight: county.code,
      counted: false
    },
    locale
  );
}
