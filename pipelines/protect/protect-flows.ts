/**
 * Disclosure control of the flows into and out of monitoring (contract
 * section 3, sensitive: k = 10). A region's flows of one year are tied to its
 * published stocks by the identity
 *
 *   stock(year) − stock(year − 1) = entered(year) − exited(year)
 *
 * and to the flows of its children by parent = sum(children). So the two
 * flows of a region and year are withheld together (one withheld flow would
 * follow from the other and the stocks), they are withheld whenever one of
 * the two stocks is (else that stock would follow from the flows), and the
 * withheld region-years are protected within every parent like any other
 * cell; `forced` names region-years (`region|year`) to withhold besides, as
 * partners the audit asks for ({@link flowPartners}). With both flows of a withheld region hidden, an outsider knows at most
 * their difference; the equations over the remaining unknowns reduce to the
 * region tree of the entries alone, where no equation with a single unknown
 * remains (see the methodology page).
 */
import {type ProtectedCell, isSmall, protectHierarchy} from './suppress-cells.ts';

/** The flows of one region (township and above) in one year, before disclosure control. */
export interface FlowCell {
  region_code: string;
  parent_code: string | null;
  year: number;
  /** Households monitored this year that were not monitored in this village the year before. */
  entered: number;
  /** Households monitored the year before that are not monitored in this village this year. */
  exited: number;
  /** Monitored households this year, and whether the monitoring table withholds that count. */
  stock: number;
  stockWithheld: boolean;
  /** Monitored households the year before, and whether it is withheld. */
  previousStock: number;
  previousWithheld: boolean;
}

/** A region-year of flows after disclosure control: both flows withheld or neither. */
export interface ProtectedFlows extends FlowCell {
  suppressed: 'primary' | 'complementary' | null;
}

/**
 * Returns `cells` with the reason each region-year's flows are withheld:
 * primary when a flow, or the households monitored in both years (stock −
 * entered), counts 1..k−1; complementary when a stock of the identity is
 * withheld, or to protect another withheld region-year within its parent.
 */
export function protectFlows(
  cells: readonly FlowCell[],
  k: number,
  forced: ReadonlySet<string> = new Set()
): ProtectedFlows[] {
  const out = cells.map((c) => {
    const stayed = c.stock - c.entered;
    const primary = isSmall(c.entered, k) || isSmall(c.exited, k) || isSmall(stayed, k);
    const linked = c.stockWithheld || c.previousWithheld || forced.has(flowKey(c));
    return {
      ...c,
      suppressed: primary ? 'primary' : linked ? 'complementary' : null
    } as ProtectedFlows;
  });
  // The entries and exits of a region-year stand or fall together, but each adds up on its own (a region that
  // had no entry pins its parent's entries as well as a published one): protect each flow's sums, the
  // withholding of either withholding both, until neither changes (a region-year with no flow of a kind hides
  // nothing of it and is never its partner).
  // A region-year whose stocks of both years are published has flows an outsider pins to within the households
  // that stayed, 0..min(stock, last year's): with fewer than ⌈k/2⌉ of those, withholding its flows protects
  // nothing, so it counts as known (never a partner, never an unknown of its parent's sum).
  const protection = Math.ceil(k / 2);
  const pinned = (c: ProtectedFlows) =>
    !c.stockWithheld && !c.previousWithheld && Math.min(c.stock, c.previousStock) < protection;
  const byYear = Map.groupBy(out, (c) => c.year);
  for (const group of byYear.values()) {
    const cellsOf = (flow: 'entered' | 'exited') => {
      const asCells = group.map((c) => ({
        indicator_id: 'monitoring_flows',
        region_code: c.region_code,
        parent_code: c.parent_code,
        year: c.year,
        value: null,
        numerator: null,
        denominator: null,
        numerator_households: pinned(c) ? 0 : c[flow],
        denominator_households: null,
        suppressed: c.suppressed,
        flows: c
      }));
      const byCode = new Map(asCells.map((c) => [c.region_code, c]));
      return {
        asCells,
        parentOf: (c: ProtectedCell) => (c.parent_code === null ? undefined : byCode.get(c.parent_code))
      };
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const flow of ['entered', 'exited'] as const) {
        const {asCells, parentOf} = cellsOf(flow);
        if (!protectHierarchy(asCells as ProtectedCell[], parentOf, protection)) continue;
        for (const c of asCells) c.flows.suppressed = c.suppressed;
        changed = true;
      }
    }
  }
  return out;
}

/** The key of a region-year of flows, as `forced` names it. */
export const flowKey = (c: {region_code: string; year: number}) => `${c.region_code}|${c.year}`;

/**
 * Partners that widen what an outsider can work out of the flows of the
 * region-years `found` once withheld: in the same year, the published
 * sibling that moved the most households (the parent when none is left) and
 * the published child that did. The audit asks for them where the stocks pin
 * a withheld region-year's flows to within a few households, which the sums
 * alone do not show.
 */
export function flowPartners(flows: readonly ProtectedFlows[], found: Iterable<{region_code: string; year: number}>) {
  const byKey = new Map(flows.map((c) => [flowKey(c), c]));
  const childrenOf = Map.groupBy(
    flows.filter((c) => c.parent_code !== null),
    (c) => `${c.parent_code}|${c.year}`
  );
  const moved = (c: ProtectedFlows) => c.entered + c.exited;
  const largestOpen = (cells: readonly ProtectedFlows[] | undefined, except?: ProtectedFlows) =>
    (cells ?? [])
      .filter((c) => c !== except && c.suppressed === null && moved(c) > 0)
      .reduce<ProtectedFlows | undefined>((best, c) => (!best || moved(c) > moved(best) ? c : best), undefined);
  const partners = new Set<string>();
  for (const key of new Set([...found].map(flowKey))) {
    const cell = byKey.get(key);
    if (!cell) continue;
    const parent = cell.parent_code === null ? undefined : byKey.get(`${cell.parent_code}|${cell.year}`);
    const sibling = parent
      ? (largestOpen(childrenOf.get(flowKey(parent)), cell) ?? (parent.suppressed === null ? parent : undefined))
      : undefined;
    const child = largestOpen(childrenOf.get(key));
    for (const partner of [sibling, child]) if (partner) partners.add(flowKey(partner));
  }
  return partners;
}
