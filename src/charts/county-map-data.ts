/**
 * The county maps of the site's pages: which class each county of the site
 * falls in, and the words of the legend and caption, from the published
 * indicator values and the published boundaries (boundaries.geojson).
 */
import type {FeatureCollection} from 'geojson';
import {type CountyShape, type MapClass, type MapCounty, countyMapSvg} from './county-map.ts';
import {type Unit, formatValue} from '../lib/format-number.ts';
import {type TargetOperator, satisfiesTarget} from '../lib/targets.ts';
import {formatTarget} from './chart-data.ts';
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
  2: ['#9ecae1', '#08519c'],
  3: ['#c6dbef', '#4292c6', '#08306b'],
  4: ['#c6dbef', '#6baed6', '#2171b5', '#08306b'],
  5: ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b']
};

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
  words: {
    title: string;
    lead: string;
    hatch: string | null;
    id: string;
    highlight?: string;
    counted?: boolean;
    width?: number;
  },
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
        values[i] ? statusLabel(values[i].status, locale) : t(locale, 'map.notReported'),
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
 * Breaks between the classes of the values that miss a common target: their tertiles (none with fewer than three
 * values), so that the counties short of the target are told apart by how far. Without a target, the quartiles of
 * all values.
 */
export function valueBreaks(values: readonly number[], withTarget: boolean): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  if (!withTarget) return [...new Set([0.25, 0.5, 0.75].map(quantile))];
  return sorted.length >= 3 ? [...new Set([1 / 3, 2 / 3].map(quantile))] : [];
}

/** The class of a value among ascending `breaks`: 0 below the first, breaks.length at or above the last. */
const rangeIndex = (value: number, breaks: readonly number[]) => breaks.filter((b) => value >= b).length;

/** "≥ 95.0%", "≤ 5.0%", "0人": a target with its comparison. */
const targetText = (target: number, operator: TargetOperator | null, unit: Unit, locale: Locale) =>
  formatTarget(target, operator, unit, locale);

/**
 * An indicator page's map of `year`. Where the counties share one target, a county meets it or not by the target's
 * own comparison (≥, >, ≤, <, =) — the class "meets the target", darkest — and those that miss it are split by how
 * far, lighter the further; where targets differ by county, each is drawn as meeting its own target or not; without
 * a target, by the quartiles of the values. A withheld value whose band lies wholly in one class is drawn in it,
 * hatched; otherwise as withheld (hatched white). A county without a value is dotted ("not reported").
 */
export function indicatorMap(
  indicator: PublishedIndicator,
  counties: readonly PublishedRegion[],
  index: IndicatorIndex,
  year: number,
  locale: Locale
): CountyMapFigure {
  const values = counties.map((county) => ({county, v: index.get(indicator.id, county.code, year)}));
  const targeted = values.flatMap(({v}) =>
    v && v.target !== null ? [{target: v.target, operator: (v.target_operator ?? '>=') as TargetOperator}] : []
  );
  const kinds = new Set(targeted.map((x) => `${x.operator}|${x.target}`));
  const common = kinds.size === 1 ? targeted[0]! : null;
  const format = (x: number) => formatValue(x, indicator.unit, locale);
  const shownOf = (v: IndicatorValue | undefined) =>
    v && !v.suppressed && typeof v.value === 'number' ? v.value : null;
  const meets = (x: number, v: IndicatorValue) => satisfiesTarget(x, v.target_operator as TargetOperator, v.target!);
  // Which side of a common target is the wrong one: below it for ≥ and >, above it for ≤ and <.
  const missesHigh = common !== null && (common.operator === '<=' || common.operator === '<');
  let classes: MapClass[];
  let classOf: (x: number, v: IndicatorValue) => string;
  if (common) {
    const missing = values.flatMap(({v}) => {
      const x = shownOf(v);
      return x !== null && !meets(x, v!) ? [x] : [];
    });
    const breaks = valueBreaks(missing, true);
    const bounds = [-Infinity, ...breaks, Infinity];
    const ranges = bounds.slice(0, -1).map((low, i) => ({low, high: bounds[i + 1]!}));
    // The missing classes from the furthest from the target to the nearest, then the class that meets it.
    const ordered = missesHigh ? ranges.toReversed() : ranges;
    const palette = BLUES[Math.max(2, ordered.length + 1)]!;
    classes = [
      ...ordered.map(({low, high}, i) => ({
        id: `c${i}`,
        label:
          low === -Infinity && high === Infinity
            ? t(locale, 'map.missesTarget')
            : low === -Infinity
              ? t(locale, 'map.below', {high: format(high)})
              : high === Infinity
                ? t(locale, 'map.atLeast', {low: format(low)})
                : t(locale, 'map.between', {low: format(low), high: format(high)}),
        color: palette[i]!
      })),
      {
        id: 'met',
        label: t(locale, 'map.meetsTarget', {
          target: targetText(common.target, common.operator, indicator.unit, locale)
        }),
        color: palette[ordered.length]!
      }
    ];
    classOf = (x, v) => {
      if (meets(x, v)) return 'met';
      const i = rangeIndex(x, breaks);
      return `c${missesHigh ? ordered.length - 1 - i : i}`;
    };
  } else if (kinds.size > 1) {
    classes = [
      {id: 'c0', label: t(locale, 'map.missesOwnTarget'), color: BLUES[2]![0]!},
      {id: 'met', label: t(locale, 'map.meetsOwnTarget'), color: BLUES[2]![1]!}
    ];
    classOf = (x, v) => (v.target !== null && meets(x, v) ? 'met' : 'c0');
  } else {
    const breaks = valueBreaks(
      values.flatMap(({v}) => (shownOf(v) === null ? [] : [shownOf(v)!])),
      false
    );
    const bounds = [-Infinity, ...breaks, Infinity];
    const palette = BLUES[Math.max(2, bounds.length - 1)]!;
    classes = bounds.slice(0, -1).map((low, i) => {
      const high = bounds[i + 1]!;
      return {
        id: `c${i}`,
        label:
          low === -Infinity
            ? t(locale, 'map.below', {high: format(high)})
            : high === Infinity
              ? t(locale, 'map.atLeast', {low: format(low)})
              : t(locale, 'map.between', {low: format(low), high: format(high)}),
        color: palette[i]!
      };
    });
    classOf = (x) => `c${rangeIndex(x, breaks)}`;
  }
  classes.push(
    {id: 'withheld', label: t(locale, 'map.withheld'), color: '#ffffff', hatched: true},
    {id: 'none', label: t(locale, 'map.notReported'), color: '#ffffff', dotted: true}
  );
  const drawn: Drawn[] = values.map(({county, v}) => {
    const name = placeName(county.name, locale);
    const x = shownOf(v);
    if (v && x !== null)
      return {county, classId: classOf(x, v), value: String(x), title: labelled(name, format(x), locale)};
    if (v?.suppressed) {
      // A band drawn in a class only where both its ends fall in it.
      const ends = v.lower !== null && v.upper !== null ? [classOf(v.lower, v), classOf(v.upper, v)] : [];
      const band = ends.length === 2 && ends[0] === ends[1] ? ends[0]! : null;
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
        target: common
          ? targetText(common.target, common.operator, indicator.unit, locale)
          : t(locale, kinds.size > 1 ? 'map.targetsDiffer' : 'map.noTarget')
      }),
      hatch: t(locale, 'map.bandHatch')
    },
    locale
  );
}

/** A county page's map: the county, dark, among the other counties of the site (its city's or its province's). */
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
    value: '',
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
      counted: false,
      width: 320
    },
    locale
  );
}
