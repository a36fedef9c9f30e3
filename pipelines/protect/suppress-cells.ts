/**
 * Small-cell and complementary suppression of indicator values (contract
 * section 3; Handbook on Statistical Disclosure Control, ch. 4). Works on
 * plain rows so that the rule is testable for all inputs (property tests).
 */

/** One indicator value of one region and year, before disclosure control. */
export interface Cell {
  indicator_id: string;
  region_code: string;
  parent_code: string | null;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  numerator_households: number | null;
  denominator_households: number | null;
  /**
   * Names of the additive measures behind numerator and denominator (e.g. `hh_reg`). Indicators that
   * share a measure publish the same number, so it is withheld or published for all of them at once.
   * Default: measures private to the indicator.
   */
  numerator_measure?: string | null;
  denominator_measure?: string | null;
  /**
   * Coverage (contract v2): the units that reported what the indicator needs and the units it expects, each
   * a count of households for a household-based indicator, with the measures they are (e.g. `hh_reg`).
   * Published where their measure is not withheld; a small one (1..k−1 households) never is.
   */
  reporting?: number | null;
  expected?: number | null;
  reporting_measure?: string | null;
  expected_measure?: string | null;
}

export interface DisclosurePolicy {
  /** Minimum households behind a published count or rate (default 5). */
  k: number;
  /** Minimum for sensitive cells (default 10). */
  kSensitive: number;
  /** Indicators whose numerator and complement are also protected. */
  sensitive: ReadonlySet<string>;
  /** Indicators built from household records; the others (villages, projects) are public data. */
  householdBased: ReadonlySet<string>;
  /** Indicators whose numerator and denominator add up from children to parent. */
  additive: ReadonlySet<string>;
}

export type SuppressionReason = 'primary' | 'complementary';

/** A cell after disclosure control: withheld cells carry why. */
export interface ProtectedCell extends Cell {
  suppressed: SuppressionReason | null;
}

/** Whether a count of households is small enough to identify someone: 1..k−1 (zero is published). */
export const isSmall = (households: number | null, k: number) =>
  households !== null && households > 0 && households < k;

/**
 * Returns whether a cell must be withheld on its own: a rate whose denominator
 * covers fewer than k households, a count (no denominator) of 1..k−1
 * households, and for sensitive indicators also a numerator or complement of
 * 1..k−1 households.
 */
export function needsPrimarySuppression(cell: Cell, policy: DisclosurePolicy): boolean {
  if (!policy.householdBased.has(cell.indicator_id)) return false;
  // Nothing to hide in a cell with no value (a first year's growth, a zero denominator).
  if (cell.value === null && cell.numerator === null) return false;
  const sensitive = policy.sensitive.has(cell.indicator_id);
  const k = sensitive ? policy.kSensitive : policy.k;
  const {numerator_households: nh, denominator_households: dh} = cell;
  if (dh === null) return isSmall(nh, k);
  if (dh < k && (dh > 0 || cell.value !== null)) return true;
  return sensitive && (isSmall(nh, k) || (nh !== null && isSmall(dh - nh, k)));
}

/**
 * The key (`measure|year|region`) of the measure behind a cell's denominator, as the withheld measures name it:
 * its named measure (`hh_reg`), else one private to its indicator.
 */
export const denominatorKey = (cell: Cell): string =>
  `${cell.denominator_measure ?? `${cell.indicator_id}:denominator`}|${cell.year}|${cell.region_code}`;

/** The measures behind a cell. */
export type MeasureRole = 'numerator' | 'denominator' | 'reporting' | 'expected';

/** A number published (or withheld) for a region and year: one measure, shared by the indicators using it. */
interface MeasureCell {
  /** `measure|year|region`, as other tables name it. */
  key: string;
  region_code: string;
  parent_code: string | null;
  /** Households behind the number: the size by which partners are chosen; 0 hides nothing. */
  households: number;
  /** The width its range must keep when withheld: ⌈k/2⌉ households, for the most sensitive cell using it. */
  protection: number;
  hidden: boolean;
  /**
   * Whether its being withheld tells an outsider that it holds a household at least: true unless it is withheld
   * only as the numerator of rates whose denominator is small, which are withheld whatever their numerator
   * (none included).
   */
  atLeastOne: boolean;
  /** Its measure and year's equations, by position among them. */
  equations: number;
}

/**
 * Applies primary suppression (`isPrimary`, by default the contract's rules),
 * then complementary suppression on the additive measures behind the cells:
 * for every measure and year, in each equation parent = sum(children), no
 * withheld number may be the only unknown (else it is recovered by
 * subtraction, or by addition for a parent whose children are all
 * published). A lone unknown child gets the smallest published sibling
 * withheld too, or the parent when no sibling is left (never a total before
 * its children); a lone unknown parent gets its smallest child withheld.
 * A cell is withheld when either of its measures is. `forced` names measures
 * (`measure|year|region`) that another table withholds.
 */
export function suppressCells(
  cells: readonly Cell[],
  policy: DisclosurePolicy,
  isPrimary: (cell: Cell) => boolean = (cell) => needsPrimarySuppression(cell, policy),
  forced: ReadonlySet<string> = new Set()
): ProtectedCell[] {
  return protectCells(cells, policy, isPrimary, forced).cells;
}

/**
 * As {@link suppressCells}, and also returns the withheld measures as
 * `measure|year|region` keys, for other tables that publish the same numbers.
 * A withheld rate's denominator is not among them while another indicator
 * publishes it.
 */
export function protectCells(
  cells: readonly Cell[],
  policy: DisclosurePolicy,
  isPrimary: (cell: Cell) => boolean = (cell) => needsPrimarySuppression(cell, policy),
  forced: ReadonlySet<string> = new Set()
): {cells: ProtectedCell[]; hiddenMeasures: Set<string>} {
  const {reasons, hiddenMeasures} = suppressionReasons(cells, policy, isPrimary, forced);
  return {cells: cells.map((c, i) => ({...c, suppressed: reasons[i]!})), hiddenMeasures};
}

/**
 * As {@link protectCells}, giving each cell's reason by position instead of
 * copies of the cells. For several passes over the same cells with a growing
 * `forced`, build one {@link MeasureEquations} and call its `protect`.
 */
export function suppressionReasons(
  cells: readonly Cell[],
  policy: DisclosurePolicy,
  isPrimary: (cell: Cell) => boolean = (cell) => needsPrimarySuppression(cell, policy),
  forced: ReadonlySet<string> = new Set()
): {reasons: (SuppressionReason | null)[]; hiddenMeasures: Set<string>; coverageHidden: boolean[]} {
  return new MeasureEquations(cells, policy, isPrimary).protect(forced);
}

/**
 * The cells' primary suppression and the additive measures behind them, with
 * their equations parent = sum(children) per measure and year: everything
 * that does not depend on what other tables withhold. The build protects
 * 600,000 cells once per pass until indicator_values and monitoring agree;
 * building this once leaves each pass only the withholding itself.
 */
export class MeasureEquations {
  /** Each cell's primary reason, by position. */
  readonly #primary: (SuppressionReason | null)[];
  /** The measure behind each cell's numerator and denominator, when complementary suppression may withhold it. */
  readonly #numerators: (MeasureCell | undefined)[];
  readonly #denominators: (MeasureCell | undefined)[];
  /** The household counts behind each cell's coverage, when it has them: reporting and expected. */
  readonly #reporting: (MeasureCell | undefined)[];
  readonly #expected: (MeasureCell | undefined)[];
  /** The cells that have coverage counts, by position. */
  readonly #covered: number[] = [];
  /** Every measure cell, by measure, year and region, each in the order first met. */
  readonly #measureCells: MeasureCell[] = [];
  /** Per measure and year, in the order first met: each parent with its children. */
  readonly #equations: Map<MeasureCell, MeasureCell[]>[] = [];
  /** Primary suppression withholds a cell's denominator too when that is the small count. */
  readonly #hidesDenominator: boolean[];
  /** Every measure cell by its key, made on the first pass that forces any. */
  #byKey: Map<string, MeasureCell> | undefined;
  /** Coverage counts withheld from the start: they are small. */
  readonly #smallCoverage: MeasureCell[];
  /** Each cell's position by `indicator|region|year`, made on the first call of {@link measuresOf}. */
  #cellIndex: Map<string, number> | undefined;
  readonly #cells: readonly Cell[];

  constructor(
    cells: readonly Cell[],
    policy: DisclosurePolicy,
    isPrimary: (cell: Cell) => boolean = (cell) => needsPrimarySuppression(cell, policy)
  ) {
    const n = cells.length;
    this.#cells = cells;
    this.#primary = new Array<SuppressionReason | null>(n);
    this.#numerators = new Array<MeasureCell | undefined>(n);
    this.#denominators = new Array<MeasureCell | undefined>(n);
    this.#hidesDenominator = new Array<boolean>(n);
    this.#reporting = new Array<MeasureCell | undefined>(n);
    this.#expected = new Array<MeasureCell | undefined>(n);
    /** Coverage counts of 1..k−1 households are small cells of their own, whatever the value beside them. */
    const smallCoverage: MeasureCell[] = [];
    // measure -> year -> region -> the number: nested maps, so that no key text is built per cell.
    const measures = new Map<string, Map<number, Map<string, MeasureCell>>>();
    const protectable = (c: Cell) => policy.householdBased.has(c.indicator_id) && policy.additive.has(c.indicator_id);
    const privateMeasures = new Map<string, [string, string]>();
    const measureNames = (c: Cell): [string, string] => {
      let names = privateMeasures.get(c.indicator_id);
      if (!names)
        privateMeasures.set(c.indicator_id, (names = [`${c.indicator_id}:numerator`, `${c.indicator_id}:denominator`]));
      return [c.numerator_measure ?? names[0], c.denominator_measure ?? names[1]];
    };
    const measureCell = (measure: string, cell: Cell, households: number): MeasureCell => {
      const protection = Math.ceil((policy.sensitive.has(cell.indicator_id) ? policy.kSensitive : policy.k) / 2);
      let byYear = measures.get(measure);
      if (!byYear) measures.set(measure, (byYear = new Map()));
      let group = byYear.get(cell.year);
      if (!group) byYear.set(cell.year, (group = new Map()));
      let m = group.get(cell.region_code);
      if (!m) {
        m = {
          key: `${measure}|${cell.year}|${cell.region_code}`,
          region_code: cell.region_code,
          parent_code: cell.parent_code,
          households,
          protection,
          hidden: false,
          atLeastOne: false,
          equations: -1
        };
        group.set(cell.region_code, m);
      } else {
        if (households > m.households) m.households = households;
        if (protection > m.protection) m.protection = protection;
      }
      return m;
    };
    for (let i = 0; i < n; i++) {
      const c = cells[i]!;
      this.#primary[i] = isPrimary(c) ? 'primary' : null;
      // A sensitive rate withheld for its numerator leaves its denominator (shared by others) published.
      this.#hidesDenominator[i] = isSmall(
        c.denominator_households,
        policy.sensitive.has(c.indicator_id) ? policy.kSensitive : policy.k
      );
      const k = policy.sensitive.has(c.indicator_id) ? policy.kSensitive : policy.k;
      // A cell that expects no unit (where its indicator does not apply) has no coverage to protect, nor one
      // whose coverage is not published (no measures named). Coverage counts households, so they add up.
      const [reportingCount, expectedCount] = [c.reporting ?? null, c.expected ?? 0];
      const covered =
        policy.householdBased.has(c.indicator_id) &&
        reportingCount !== null &&
        expectedCount > 0 &&
        !!c.reporting_measure &&
        !!c.expected_measure;
      if (covered) {
        const reporting = measureCell(c.reporting_measure!, c, reportingCount);
        const expected = measureCell(c.expected_measure!, c, expectedCount);
        if (isSmall(reportingCount, k)) smallCoverage.push(reporting);
        if (isSmall(expectedCount, k)) smallCoverage.push(expected);
        this.#reporting[i] = reporting;
        this.#expected[i] = expected;
        this.#covered.push(i);
      }
      if (!protectable(c)) continue;
      const [numeratorMeasure, denominatorMeasure] = measureNames(c);
      if (c.numerator_households !== null) {
        this.#numerators[i] = measureCell(numeratorMeasure, c, c.numerator_households);
      }
      if (c.denominator_households !== null) {
        this.#denominators[i] = measureCell(denominatorMeasure, c, c.denominator_households);
      }
    }
    this.#smallCoverage = smallCoverage;
    for (const byYear of measures.values()) {
      for (const group of byYear.values()) {
        for (const m of group.values()) m.equations = this.#equations.length;
        this.#measureCells.push(...group.values());
        const children = Map.groupBy(
          [...group.values()].filter((m) => m.parent_code !== null && group.has(m.parent_code)),
          (m) => group.get(m.parent_code!)!
        );
        this.#equations.push(children);
      }
    }
  }

  /**
   * The measures behind the cell of `indicator`, `region` and `year` that
   * complementary suppression may withhold (`measure|year|region`), of those
   * named in `which` (all by default), for a caller that learns a cell needs
   * more protection.
   */
  measuresOf(
    indicator: string,
    region: string,
    year: number,
    which: readonly MeasureRole[] = ['numerator', 'denominator', 'reporting', 'expected']
  ): string[] {
    this.#cellIndex ??= new Map(this.#cells.map((c, i) => [`${c.indicator_id}|${c.region_code}|${c.year}`, i]));
    const i = this.#cellIndex.get(`${indicator}|${region}|${year}`);
    if (i === undefined) return [];
    const roles = {
      numerator: this.#numerators[i],
      denominator: this.#denominators[i],
      reporting: this.#reporting[i],
      expected: this.#expected[i]
    };
    return which.flatMap((role) => (roles[role] ? [roles[role].key] : []));
  }

  /**
   * Partners that widen what an outsider can work out of the measures `keys`
   * (`measure|year|region`) once withheld: in the sum of each measure's
   * parent, its largest published sibling (the parent when none is left); in
   * the sum of its children, its largest published child. The audit asks for
   * them when bounds still pin a withheld count (a sibling whose households
   * are otherwise known, a coverage count that bounds a numerator). With
   * `parent` false, a measure with no published sibling gets no partner in
   * its parent's sum (the caller has a cheaper remedy).
   */
  partnersFor(keys: Iterable<string>, {parent: toParent = true}: {parent?: boolean} = {}): Set<string> {
    this.#byKey ??= new Map(this.#measureCells.map((m) => [m.key, m]));
    const partners = new Set<string>();
    const open = (m: MeasureCell) => !m.hidden && m.households > 0;
    for (const key of keys) {
      const m = this.#byKey.get(key);
      if (!m) continue;
      const equations = this.#equations[m.equations]!;
      const parent = m.parent_code === null ? undefined : this.#byKey.get(siblingKey(m.key, m.parent_code));
      const siblings = parent ? equations.get(parent) : undefined;
      if (siblings) {
        const partner =
          largestMeasure(siblings, (c) => c !== m && open(c)) ?? (toParent && open(parent!) ? parent : undefined);
        if (partner) partners.add(partner.key);
      }
      const child = largestMeasure(equations.get(m) ?? [], open);
      if (child) partners.add(child.key);
    }
    return partners;
  }

  /**
   * Withholds as {@link suppressCells} describes, with the measures named in
   * `forced` (`measure|year|region`) withheld from the start. Returns each
   * cell's reason by position and the withheld measures.
   */
  protect(forced: ReadonlySet<string> = new Set()): {
    reasons: (SuppressionReason | null)[];
    hiddenMeasures: Set<string>;
    coverageHidden: boolean[];
  } {
    for (const m of this.#measureCells) m.hidden = m.atLeastOne = false;
    const withhold = (m: MeasureCell, atLeastOne = true) => {
      m.hidden = true;
      if (atLeastOne) m.atLeastOne = true;
    };
    // `forced` names a few thousand counts of a million: look each up rather than every count in it.
    if (forced.size > 0) {
      this.#byKey ??= new Map(this.#measureCells.map((m) => [m.key, m]));
      for (const key of forced) {
        const m = this.#byKey.get(key);
        if (m) withhold(m);
      }
    }
    for (const m of this.#smallCoverage) withhold(m);
    const reasons = [...this.#primary];
    for (let i = 0; i < reasons.length; i++) {
      if (reasons[i] === null) continue;
      // A rate withheld for its small denominator would be withheld with no household in its numerator too.
      const numerator = this.#numerators[i];
      if (numerator) withhold(numerator, !this.#hidesDenominator[i]);
      const denominator = this.#denominators[i];
      if (denominator && this.#hidesDenominator[i]) withhold(denominator);
    }
    // A cell's reporting units never exceed its expected ones: a withheld expected count is withheld with its
    // reporting count, whose value would bound it from below (and tell it where every unit reported); a
    // withheld reporting count is withheld with an expected count that equals it. A count shown beside a
    // withheld one that it merely bounds is left to the interval audit. Each withholding may call for partners
    // in the sums, until nothing changes.
    // After the first round only the equations of a newly withheld count need another look.
    for (let touched: Iterable<number> = this.#equations.keys(); ;) {
      for (const e of touched) protectEquations(this.#equations[e]!);
      const linked = new Set<number>();
      for (const i of this.#covered) {
        const reporting = this.#reporting[i]!;
        const expected = this.#expected[i]!;
        if (reporting.hidden === expected.hidden) continue;
        if (expected.hidden || reporting.households === expected.households) {
          withhold(reporting);
          withhold(expected);
          linked.add(reporting.equations).add(expected.equations);
        }
      }
      if (linked.size === 0) break;
      touched = linked;
    }
    for (let i = 0; i < reasons.length; i++) {
      if (!reasons[i] && (this.#numerators[i]?.hidden || this.#denominators[i]?.hidden)) {
        reasons[i] = 'complementary';
      }
    }
    // A withheld cell shows no coverage either; a published one hides it where a count behind it is withheld.
    const coverageHidden = reasons.map((reason) => reason !== null);
    for (const i of this.#covered) {
      if (this.#reporting[i]!.hidden || this.#expected[i]!.hidden) coverageHidden[i] = true;
    }
    const hiddenMeasures = new Set<string>();
    for (const m of this.#measureCells) if (m.hidden) hiddenMeasures.add(m.key);
    return {reasons, hiddenMeasures, coverageHidden};
  }
}

/**
 * Complementary suppression over the equations parent = sum(children) of one
 * measure and year, until stable: no withheld number may be the only unknown
 * of an equation, and the withheld children of a published parent must hold
 * the protection level between them beyond one household for each that an
 * outsider knows to hold one (else he knows each of them to within fewer
 * households: two withheld villages of 2 and 3 under a published township
 * lie in 1–4; a numerator withheld for its small denominator may be none).
 * A lone unknown child gets the smallest published sibling withheld too, a
 * group too small the smallest sibling that makes it large enough (the
 * largest, if none does), or the parent when no sibling is left (never a
 * total before its children); a lone unknown parent gets its smallest child
 * withheld.
 */
function protectEquations(children: Map<MeasureCell, MeasureCell[]>): void {
  const unknown = (m: MeasureCell) => m.hidden && m.households > 0;
  const open = (m: MeasureCell) => !m.hidden && m.households > 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const [parent, kids] of children) {
      // The unknowns: counted without building a list (millions of equations).
      let lone: MeasureCell | undefined = unknown(parent) ? parent : undefined;
      let unknowns = lone ? 1 : 0;
      // The withheld parts an outsider knows to hold a household at least.
      let nonEmpty = 0;
      let withheldHouseholds = 0;
      let protection = 0;
      for (const kid of kids) {
        if (!unknown(kid)) continue;
        lone = kid;
        unknowns++;
        if (kid.atLeastOne) nonEmpty++;
        withheldHouseholds += kid.households;
        protection = Math.max(protection, kid.protection);
      }
      let partner: MeasureCell | undefined;
      if (unknowns === 1) {
        partner =
          lone === parent
            ? smallestMeasure(kids, open)
            : (smallestMeasure(kids, (k) => k !== lone && open(k)) ?? (open(parent) ? parent : undefined));
      } else if (unknowns > 1 && !unknown(parent) && withheldHouseholds < protection + nonEmpty) {
        // A withheld part known to hold a household at least lies, with n such parts sharing S households,
        // within 1..S − n + 1: S − n values wide (parts that may hold none widen nothing below one).
        const short = protection + nonEmpty - withheldHouseholds;
        partner =
          smallestMeasure(kids, (k) => open(k) && k.households >= short) ??
          largestMeasure(kids, open) ??
          (open(parent) ? parent : undefined);
      }
      if (!partner) continue;
      // A partner is chosen among counts with a household at least.
      partner.hidden = partner.atLeastOne = true;
      changed = true;
    }
  }
}

/** The key of the same measure and year as `key` (`measure|year|region`) for region `region`. */
const siblingKey = (key: string, region: string) => `${key.slice(0, key.lastIndexOf('|'))}|${region}`;

/** The largest of `cells` that pass `eligible` (most households, then lowest code), if any. */
const largestMeasure = (cells: MeasureCell[], eligible: (m: MeasureCell) => boolean) =>
  extremeMeasure(cells, eligible, 1);

/** The smallest of `cells` that pass `eligible` (fewest households, then lowest code), if any. */
const smallestMeasure = (cells: MeasureCell[], eligible: (m: MeasureCell) => boolean) =>
  extremeMeasure(cells, eligible, -1);

/** The cell of `cells` passing `eligible` whose households times `sign` is greatest (ties: lowest code). */
function extremeMeasure(
  cells: MeasureCell[],
  eligible: (m: MeasureCell) => boolean,
  sign: 1 | -1
): MeasureCell | undefined {
  let best: MeasureCell | undefined;
  for (const c of cells) {
    if (!eligible(c)) continue;
    const by = best ? sign * (c.households - best.households) : 1;
    if (by > 0 || (by === 0 && c.region_code < best!.region_code)) best = c;
  }
  return best;
}

/**
 * Complementary suppression over one additive hierarchy of cells (the parts
 * of one total), until stable, with the same rules as for measures: in every
 * equation total = sum(parts), no withheld cell with something in it may be
 * the only unknown, and the withheld parts of a published total must hold
 * `protection` households between them. Returns whether anything changed.
 */
export function protectHierarchy(
  cells: readonly ProtectedCell[],
  parentOf: (cell: ProtectedCell) => ProtectedCell | undefined,
  protection = 0
): boolean {
  const children = Map.groupBy(
    cells.filter((cell) => parentOf(cell)),
    (cell) => parentOf(cell)!
  );
  const unknown = (c: ProtectedCell) => c.suppressed !== null && hasCount(c);
  const open = (c: ProtectedCell) => c.suppressed === null && hasCount(c);
  // How far a withheld cell can move: its own size where nothing below it is published, else as far as its
  // withheld parts can (its published parts are fixed: a county whose townships are published but one is known
  // down to that one's households).
  const slack = (c: ProtectedCell): number => {
    const parts = children.get(c);
    if (!parts) return size(c);
    let sum = 0;
    for (const part of parts) if (unknown(part)) sum += slack(part);
    return Math.min(sum, size(c));
  };
  let any = false;
  for (let changed = true; changed;) {
    changed = false;
    for (const [parent, parts] of children) {
      const unknowns = [parent, ...parts].filter(unknown);
      let partner: ProtectedCell | undefined;
      if (unknowns.length === 1) {
        partner =
          unknowns[0] === parent
            ? smallest(parts.filter(open))
            : (smallest(parts.filter((c) => c !== unknowns[0] && open(c))) ?? (open(parent) ? parent : undefined));
      } else if (unknowns.length > 1 && !unknown(parent)) {
        // Each withheld part holds a household at least: n parts sharing S lie within S − n values each.
        const short = protection + unknowns.length - unknowns.reduce((sum, c) => sum + slack(c), 0);
        if (short > 0) {
          const candidates = parts.filter(open);
          partner =
            smallest(candidates.filter((c) => size(c) >= short)) ??
            largest(candidates) ??
            (open(parent) ? parent : undefined);
        }
      }
      if (!partner) continue;
      partner.suppressed = 'complementary';
      changed = any = true;
    }
  }
  return any;
}

/** The households behind a cell: the size by which partners are chosen. */
const size = (c: Cell) => c.denominator_households ?? c.numerator_households ?? 0;

/** A cell whose withholding hides something (a zero-household cell recovers nothing). */
const hasCount = (cell: Cell) => size(cell) > 0;

/** The largest of `cells` (the first of equals). */
const largest = (cells: ProtectedCell[]) =>
  cells.reduce<ProtectedCell | undefined>((best, c) => (!best || size(c) > size(best) ? c : best), undefined);

function smallest(cells: ProtectedCell[]): ProtectedCell | undefined {
  return cells.reduce<ProtectedCell | undefined>(
    (best, c) =>
      !best || size(c) < size(best) || (size(c) === size(best) && c.region_code < best.region_code) ? c : best,
    undefined
  );
}
