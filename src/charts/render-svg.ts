import * as Plot from '@observablehq/plot';
import {parseHTML} from 'linkedom';

const EMPTY_PAGE = '<!doctype html><html><body></body></html>';

/**
 * Renders Plot `options` to SVG markup at build time, in a server DOM
 * (linkedom), and sets `attributes` on the root `<svg>`. Each call gets a
 * fresh document, so no state leaks between charts; the output is
 * deterministic (Plot's class name is a fixed hash, and no mark here uses
 * clip paths or other generated ids: Astro renders pages four at a time,
 * so a counter's ids would follow the order they happen to finish). Throws if Plot returns a `<figure>`
 * (a legend, title or caption option), since pages expect a bare `<svg>`.
 * `decorate` may add what Plot cannot (data attributes, a pattern) before the
 * markup is written.
 */
export function renderSvg(
  options: Plot.PlotOptions,
  attributes: Record<string, string> = {},
  decorate?: (svg: SVGSVGElement) => void
): string {
  const {document} = parseHTML(EMPTY_PAGE);
  const node = Plot.plot({...options, document: document as unknown as Document});
  if (node.tagName.toLowerCase() !== 'svg') throw new Error(`chart is not a bare svg: ${node.tagName}`);
  // The namespace lets the same markup stand alone as an .svg file (a download, an <img src>).
  node.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  // Inside role="img" every child is presentational, and ARIA forbids names on them (axe:
  // aria-prohibited-attr); Plot labels each mark group ("line", "dot"), so those labels go.
  for (const child of node.querySelectorAll('[aria-label]')) child.removeAttribute('aria-label');
  decorate?.(node as unknown as SVGSVGElement);
  return node.outerHTML;
}
