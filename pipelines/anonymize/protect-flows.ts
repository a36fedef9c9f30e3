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
 * cell. With both flows of a withheld region hidden, an outsider knows at most
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
export function protectFlows(cells: readonly FlowCell[], k: number): ProtectedFlows[] {
  const out = cells.map((c) => {
    const stayed = c.stock - c.entered;
    const primary = isSmall(c.entered, k) || isSmall(c.exited, k) || isSmall(stayed, k);
    const linked = c.stockWithheld || c.previousWithheld;
    return {
      ...c,
      suppressed: primary ? 'primary' : linked ? 'complementary' : null
    } as ProtectedFlows;
  });
  // The entries and exits of a region-year stand or fall together, so protect them as one cell whose size is
  // the households that moved (a region-year with no flow hides nothing and is never a partner).
  const byYear = Map.groupBy(out, (c) => c.year);
  for (const group of byYear.values()) {
    const asCells = group.map((c) => ({
      indicator_id: 'monitoring_flows',
      region_code: c.region_code,
      parent_code: c.parent_code,
      year: c.year,
      value: null,
      numerator: null,
      denominator: null,
      numerator_households: c.entered + c.exited,
      denominator_households: null,
      suppressed: c.suppressed,
      flows: c
    }));
    const byCode = new Map(asCells.map((c) => [c.region_code, c]));
    protectHierarchy(asCells as ProtectedCell[], (c) =>
      c.parent_code === null ? undefined : byCode.get(c.parent_code)
    );
    for (const c of asCells) c.flows.suppressed = c.suppressed;
  }
  return out;
}
