import type {MultiPolygon, Polygon} from 'geojson';

/** Width of a character in ems: a Han character (or any full-width one) is square, Latin letters about 0.6 em. */
const charWidth = (char: string) => (/[\u2e80-\uffef]/u.test(char) ? 1 : 0.6);

/** The plane area of a shape in square degrees: enough to rank shapes by size, which is all it is used for. */
export function shapeArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let area = 0;
  for (const [outer] of polygons) {
    if (!outer) continue;
    let twice = 0;
    for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
      twice += (outer[j]![0]! + outer[i]![0]!) * (outer[j]![1]! - outer[i]![1]!);
    }
    area += Math.abs(twice) / 2;
  }
  return area;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Removes the name labels of a rendered map that would print over one another. A province's map names a hundred
 * counties, and the small districts of each city crowd around its centre: drawn all, their names cover each other
 * and none can be read. Labels are placed greedily, the highest `rank` first (the largest county, whose name has
 * room inside it; the page's own county first of all), and one whose box overlaps a placed one is left out. The
 * county is still drawn, linked and titled, and the table beside the map names it.
 *
 * Labels are the `<text>` elements of the map's text marks, each `translate(x,y)`-positioned, middle-anchored and
 * vertically centred (Plot's text mark), under a group carrying the font size.
 */
export function dropOverlappingLabels(svg: Element, rank: (label: string) => number): void {
  const labels = [...svg.querySelectorAll('g[font-size] > text')].flatMap((text) => {
    const at = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(text.getAttribute('transform') ?? '');
    if (!at) return [];
    const size = Number(text.parentElement!.getAttribute('font-size'));
    const label = text.textContent ?? '';
    // The glyphs' ink, not the white halo around it: halos may overlap (white on white), letters may not.
    const halfWidth = ([...label].reduce((sum, char) => sum + charWidth(char), 0) * size) / 2;
    const halfHeight = size * 0.45;
    const [x, y] = [Number(at[1]), Number(at[2])];
    const box = {left: x - halfWidth, right: x + halfWidth, top: y - halfHeight, bottom: y + halfHeight};
    return [{text, box, rank: rank(label)}];
  });
  const placed: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  // Ties (equal ranks) keep document order, so the same map always keeps the same labels.
  for (const label of labels.toSorted((a, b) => b.rank - a.rank)) {
    if (placed.some((box) => overlaps(box, label.box))) label.text.remove();
    else placed.push(label.box);
  }
}
