/**
 * Douglas–Peucker simplification of a line (a polygon's ring): keeps the ends
 * and, recursively, the point farthest from the chord while it lies more than
 * `tolerance` from it. Used where boundaries are drawn small (a county map of
 * a few hundred pixels), so that a point closer than a fraction of a pixel to
 * its neighbours' line costs no bytes. Neighbouring rings are simplified apart:
 * their shared border may then differ by at most `tolerance` (less than the
 * white stroke between counties).
 */
export function simplifyRing(points: readonly (readonly number[])[], tolerance: number): number[][] {
  if (points.length < 3) return points.map((p) => [...p]);
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a] as [number, number];
    const [bx, by] = points[b] as [number, number];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let distance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = points[i] as [number, number];
      // Distance to the chord; to its first end where the chord is a point (a closed ring's ends coincide).
      const d = length > 0 ? Math.abs(dy * (x - ax) - dx * (y - ay)) / length : Math.hypot(x - ax, y - ay);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([a, farthest], [farthest, b]);
    }
  }
  return points.filter((_, i) => keep[i]).map((p) => [...p]);
}
