/**
 * What an outsider knows after reading the published tables: the numbers
 * shown, the cells withheld, and the sums that tie them together. Numbers are
 * named by a measure reference (`monitored_share.numerator`,
 * `monitoring.households`), a region and a year; references that stand for
 * the same count (risk_elimination_rate's denominator is monitored_share's
 * numerator) share one variable, so a number withheld under one name and
 * shown under another counts as known.
 */
import type {AuditFinding, CellKey} from './audit-finding.ts';
import {NOT_DERIVED, boundSumConstraints} from './bound-sum-constraints.ts';
import type {SumConstraint} from './bound-sum-constraints.ts';

/** How the parts of a sum relate to its total, for the finding's wording. */
export type SumKind =
  | 'children'
  | 'monitor types'
  | 'entries and stayers'
  | 'exits and stayers'
  | 'numerator and complement'
  | 'reporting and not reporting'
  | 'risk feature and the rest';

const SUM_KINDS: readonly SumKind[] = [
  'children',
  'monitor types',
  'entries and stayers',
  'exits and stayers',
  'numerator and complement',
  'reporting and not reporting',
  'risk feature and the rest'
];
/** Ranges of fewer values than this are named in a finding; wider ones are no reason for it. */
const NARROW_ENOUGH_TO_NAME = 10;

/** Kinds that split one total in one way only, so that a second such sum of a total is the same sum. */
const ONE_PER_TOTAL = new Set<SumKind>(['children', 'monitor types', 'entries and stayers', 'exits and stayers']);

/** One measure of a withheld cell: its name in the finding and its reference. */
export interface WithheldMeasure {
  name: string;
  ref: string;
}

/**
 * How an outsider knows a number: `published` under another name, `zero`
 * because a table has no row for it, or `derived` from the sums, bands and
 * bounds (a range, exact when its bounds meet).
 */
export type KnownBy = 'published' | 'zero' | 'derived';

/** What an outsider can work out of one measure of a withheld cell: the range it lies in. */
export interface KnownMeasure {
  lower: number;
  /** `Infinity` when nothing bounds it from above. */
  upper: number;
  by: KnownBy;
}

/**
 * Which of the measures of a withheld cell an outsider can work out (by name)
 * disclose what the cell was withheld for: none when it is safe.
 */
export type Reveals = (known: Readonly<Record<string, KnownMeasure>>) => readonly string[];

// Within a measure and region, a variable sits at its year's offset from 2014 modulo 128 (the contract's
// years, 2014–2100, stay apart; the previous year of 2014, for the flows, wraps to the end).
const FIRST_YEAR = 2014;
const YEAR_SPAN = 128;

export class DisclosureLedger {
  readonly #classOf = new Map<string, number>();
  readonly #regionIndex = new Map<string, number>();
  // Per measure class, per region index, per year since FIRST_YEAR: the variable id (undefined for none yet).
  readonly #ids: number[][][] = [];
  // Per variable: the reference it was first named by (or published under), and its region.
  readonly #ref: string[] = [];
  readonly #region: string[] = [];
  // Per variable, by id: the number published for it (NaN for none), and whether any row names it.
  readonly #given: number[] = [];
  readonly #present: boolean[] = [];
  readonly #absent = new Map<number, CellKey>();
  readonly #certainAbsent = new Set<number>();
  // Per withheld cell its measures (the caller's list, shared by its cells) and where their ids start in #hiddenIds.
  readonly #withheld: {cell: CellKey; measures: readonly WithheldMeasure[]; start: number; reveals: Reveals}[] = [];
  readonly #hiddenIds: number[] = [];
  // The region of the last call of variable(): the tables come sorted by region, so most calls repeat it.
  #lastRegion = '';
  #lastRegionIndex = -1;
  // Per variable, a bit for each kind of sum of ONE_PER_TOTAL recorded with it as total.
  readonly #sumsOf: number[] = [];
  // Bounds an outsider reads off the tables besides their numbers (a band), per variable: lower, upper.
  readonly #bounds = new Map<number, [number, number]>();
  readonly #constraints: SumConstraint[] = [];
  readonly #kinds: SumKind[] = [];

  /** `sharedMeasures`: groups of references that denote the same count for the same region and year. */
  constructor(sharedMeasures: readonly (readonly string[])[] = []) {
    for (const group of sharedMeasures) {
      const index = this.#classIndex(group[0]!);
      for (const ref of group) this.#classOf.set(ref, index);
    }
  }

  /** The variable id of measure `ref` of `region` in `year`. */
  variable(ref: string, region: string, year: number): number {
    let regionIndex = region === this.#lastRegion ? this.#lastRegionIndex : this.#regionIndex.get(region);
    if (regionIndex === undefined) this.#regionIndex.set(region, (regionIndex = this.#regionIndex.size));
    this.#lastRegion = region;
    this.#lastRegionIndex = regionIndex;
    const byRegion = (this.#ids[this.#classIndex(ref)] ??= []);
    const byYear = (byRegion[regionIndex] ??= []);
    const slot = (year - FIRST_YEAR) & (YEAR_SPAN - 1);
    let id = byYear[slot];
    if (id === undefined) {
      id = this.#ref.length;
      byYear[slot] = id;
      this.#ref.push(ref);
      this.#region.push(region);
      this.#given.push(NaN);
      this.#present.push(false);
      this.#sumsOf.push(0);
    }
    return id;
  }

  /** Records a published number. */
  published(ref: string, region: string, year: number, value: number): void {
    const id = this.variable(ref, region, year);
    this.#present[id] = true;
    if (Number.isNaN(this.#given[id])) {
      this.#given[id] = value;
      this.#ref[id] = ref;
    }
  }

  /** Records a withheld cell, the measures it hides, and what of them must stay hidden. */
  withheld(cell: CellKey, measures: readonly WithheldMeasure[], reveals: Reveals): void {
    const start = this.#hiddenIds.length;
    for (const {ref} of measures) {
      const id = this.variable(ref, cell.region_code, cell.year);
      this.#present[id] = true;
      this.#hiddenIds.push(id);
    }
    this.#withheld.push({cell, measures, start, reveals});
  }

  /**
   * Records a cell that has no row. The tables have no row for a region whose
   * population (the denominator) is empty, so an outsider reads its
   * denominator as zero even where the same count is withheld under another
   * name (`certain`), and its numerator as zero unless the count is shown or
   * withheld elsewhere (monitored_share counts edge households that are not
   * in its denominator).
   */
  absent(ref: string, cell: CellKey, certain: boolean): number {
    const id = this.variable(ref, cell.region_code, cell.year);
    if (!this.#absent.has(id)) this.#absent.set(id, cell);
    if (certain) this.#certainAbsent.add(id);
    return id;
  }

  /**
   * Records that `total` is the sum of `parts` (variable ids). A total has one
   * breakdown into children, monitor types, stayers and entries, or stayers
   * and exits, so a second sum of such a kind for it (from a measure shared by
   * two indicators) is the same sum and counts once; the splits into a
   * numerator and its complement, or reporting units and the others, differ
   * by their first part.
   */
  sum(total: number, parts: number[], kind: SumKind): void {
    if (ONE_PER_TOTAL.has(kind)) {
      const bit = 1 << SUM_KINDS.indexOf(kind);
      if (this.#sumsOf[total]! & bit) return;
      this.#sumsOf[total]! |= bit;
    }
    this.#constraints.push({total, parts});
    this.#kinds.push(kind);
  }

  /** Records that measure `ref` of `region` in `year` lies within `lower`..`upper` (a published band). */
  bounded(ref: string, region: string, year: number, lower: number, upper: number): void {
    const id = this.variable(ref, region, year);
    const [l, u] = this.#bounds.get(id) ?? [0, Infinity];
    this.#bounds.set(id, [Math.max(l, lower), Math.min(u, upper)]);
  }

  /**
   * Works out the range of every count from the numbers, bands and sums, and
   * returns a RECOVERABLE finding for every withheld cell whose measures'
   * ranges disclose it (as its `reveals` judges), and for every region
   * without a row whose count is nonetheless revealed by a sum that does not
   * add up.
   */
  recoverable(): AuditFinding[] {
    const count = this.#ref.length;
    const lower = new Float64Array(count);
    const upper = new Float64Array(count).fill(Infinity);
    const zeros = new Set<number>();
    for (const id of this.#absent.keys()) {
      if (!Number.isNaN(this.#given[id]!) || (this.#present[id] && !this.#certainAbsent.has(id))) continue;
      upper[id] = 0;
      zeros.add(id);
    }
    for (const [id, [l, u]] of this.#bounds) {
      lower[id] = Math.max(lower[id]!, l);
      upper[id] = Math.min(upper[id]!, u);
    }
    this.#given.forEach((v, id) => {
      if (!Number.isNaN(v)) lower[id] = upper[id] = v;
    });
    const ranges = boundSumConstraints(count, lower, upper, this.#constraints);
    const findings: AuditFinding[] = [];
    for (const {cell, measures, start, reveals} of this.#withheld) {
      const known: Record<string, KnownMeasure> = {};
      for (let m = 0; m < measures.length; m++) {
        const id = this.#hiddenIds[start + m]!;
        const by: KnownBy = !Number.isNaN(this.#given[id]!) ? 'published' : zeros.has(id) ? 'zero' : 'derived';
        known[measures[m]!.name] = {lower: ranges.lower[id]!, upper: ranges.upper[id]!, by};
      }
      const disclosed = reveals(known);
      if (disclosed.length === 0) continue;
      // How each measure follows, in words, for the few cells that are found.
      const how = measures.flatMap(({name}, m) => {
        const id = this.#hiddenIds[start + m]!;
        const {by, lower, upper} = known[name]!;
        if (by === 'zero') return [`${name} = zero (no row)`];
        if (by === 'published') return [`${name} = published ${this.#ref[id]!.replace('.', ' ')}`];
        // A wide range says nothing worth printing; a number of a withheld cell is never printed.
        return upper > 0 && upper - lower < NARROW_ENOUGH_TO_NAME ? [`${name} ${this.#describe(id, ranges)}`] : [];
      });
      findings.push({code: 'RECOVERABLE', ...cell, detail: how.join('; '), measures: [...disclosed]});
    }
    for (const index of ranges.unbalanced) {
      const {total, parts} = this.#constraints[index]!;
      const missing = parts.filter((id) => zeros.has(id));
      if (missing.length === 0) continue;
      const kind = this.#kinds[index]!;
      const finding: AuditFinding =
        missing.length === 1
          ? {
              code: 'RECOVERABLE',
              ...this.#absent.get(missing[0]!)!,
              detail: `no row, yet ${this.#explain(missing[0]!, index)} is not zero`
            }
          : {
              code: 'RECOVERABLE',
              ...this.#absent.get(missing[0]!)!,
              region_code: this.#region[total]!,
              detail: `${this.#ref[total]!.split('.').pop()} − its ${kind} with a row is not zero: it reveals ${kind} without a row`
            };
      findings.push(finding);
    }
    return findings;
  }

  /** How a derived range follows, in words, without its numbers: `= sum of its children`, `within 3 values (…)`. */
  #describe(
    id: number,
    ranges: {lower: Float64Array; upper: Float64Array; lowerFrom: Int32Array; upperFrom: Int32Array}
  ): string {
    const width = ranges.upper[id]! - ranges.lower[id]!;
    const sources = [...new Set([ranges.lowerFrom[id]!, ranges.upperFrom[id]!])]
      .filter((index) => index !== NOT_DERIVED)
      .map((index) => this.#explain(id, index));
    const why = sources.length > 0 ? sources.join(' and ') : 'a published band';
    if (width < 0) return `contradicted (${why})`;
    return width === 0 ? `= ${why}` : `within ${width + 1} values (${why})`;
  }

  /** How variable `id` follows from constraint `index`: as its total, or as the total minus the other parts. */
  #explain(id: number, index: number): string {
    const constraint = this.#constraints[index]!;
    const kind = this.#kinds[index]!;
    if (constraint.total === id) return `sum of its ${kind}`;
    const of = kind === 'children' ? this.#region[constraint.total]! : 'the total';
    return `${of} − its other ${kind}`;
  }

  #classIndex(ref: string): number {
    let index = this.#classOf.get(ref);
    if (index === undefined) this.#classOf.set(ref, (index = this.#classOf.size));
    return index;
  }
}
