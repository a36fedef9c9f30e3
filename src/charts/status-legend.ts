import * as Plot from '@observablehq/plot';
import {textWidth} from './chart-data.ts';
import {type Status, statusColor} from './palette.ts';

/** One entry of an in-chart legend: a status swatch and its words. */
export interface LegendEntry {
  status: Status;
  label: string;
}

const SWATCH_RADIUS = 4.5;
const GAP = 16;

/**
 * Returns Plot marks drawing a one-line status legend inside the chart, from
 * the frame's bottom-left corner moved down by `dy` pixels (into the bottom
 * margin). Plot's own colour legend is HTML beside the SVG; this one stays
 * part of the image, so a page or a downloaded SVG always carries its key.
 */
export function statusLegendMarks(entries: readonly LegendEntry[], dy: number): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  let dx = SWATCH_RADIUS;
  for (const {status, label} of entries) {
    marks.push(
      Plot.dot([status], {
        frameAnchor: 'bottom-left',
        dx,
        dy,
        r: SWATCH_RADIUS,
        fill: statusColor(status),
        ariaHidden: 'true'
      }),
      Plot.text([label], {
        frameAnchor: 'bottom-left',
        dx: dx + SWATCH_RADIUS + 4,
        dy,
        text: (d: string) => d,
        textAnchor: 'start',
        lineAnchor: 'middle',
        ariaHidden: 'true'
      })
    );
    dx += SWATCH_RADIUS * 2 + 4 + textWidth(label) + GAP;
  }
  return marks;
}
