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
import {GIVEN, UNKNOWN, solveSumConstraints} from './solve-sum-constraints.ts';
import type {SumConstraint} from './solve-sum-constraints.ts';

/** How the parts of a sum relate to its total, for the finding's wording. */
export type SumKind = 'children' | 'monitor types' | 'entries and stayers' | 'exits and stayers';

const SUM_KINDS: readonly SumKind[] = ['children', 'monitor types', 'entries and stayers', 'exits and stayers'];

/** One measure of a withheld cell: its name in the finding and its reference. */
export interface WithheldMeasure {
  name: string;
  ref: string;
}

/**
 * How an outsider knows a number: `published` under another name, `zero`
 * because a table has no row for it, or `solved` from a sum.
 */
export type KnownBy = 'published' | 'zero' | 'solved';

/** What an outsider can work out of one measure of a withheld cell. */
export interface KnownMeasure {
  value: number;
  by: KnownBy;
}

/**
 * Whether the measures of a withheld cell an outsider can work out (by name;
 * the others are absent) disclose what the cell was withheld for.
 */
export type Reveals = (known: Readonly<Record<string, KnownMeasure>>) => boolean;

// Within a measure, a variable's key is its region's index times 128 plus its year modulo 128 (the
// contract's years, 2014–2100, stay apart): a small integer, which a Map hashes fastest.
const YEAR_SPAN = 128;

export class DisclosureLedger {
  readonly #classOf = new Map<string, number>();
  readonly #regionIndex = new Map<string, number>();
  readonly #ids: Map<number, number>[] = [];
  // Per variable: the reference it was first named by (or published under), and its region.
  readonly #ref: string[] = [];
  readonly #region: string[] = [];
  readonly #given = new Map<number, number>();
  readonly #present = new Set<number>();
  readonly #absent = new Map<number, CellKey>();
  readonly #certainAbsent = new Set<number>();
  readonly #withheld: {cell: CellKey; measures: {name: string; id: number}[]; reveals: Reveals}[] = [];
  readonly #constraintKeys = new Set<number>();
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
    let regionIndex = this.#regionIndex.get(region);
    if (regionIndex === undefined) this.#regionIndex.set(region, (regionIndex = this.#regionIndex.size));
    const ids = (this.#ids[this.#classIndex(ref)] ??= new Map());
    const key = regionIndex * YEAR_SPAN + (year & (YEAR_SPAN - 1));
    let id = ids.get(key);
    if (id === undefined) {
      id = this.#ref.length;
      ids.set(key, id);
      this.#ref.push(ref);
      this.#region.push(region);
    }
    return id;
  }

  /** Records a published number. */
  published(ref: string, region: string, year: number, value: number): void {
    const id = this.variable(ref, region, year);
    this.#present.add(id);
    if (!this.#given.has(id)) {
      this.#given.set(id, value);
      this.#ref[id] = ref;
    }
  }

  /** Records a withheld cell, the measures it hides, and what of them must stay hidden. */
  withheld(cell: CellKey, measures: readonly WithheldMeasure[], reveals: Reveals): void {
    const ids = measures.map(({name, ref}) => {
      const id = this.variable(ref, cell.region_code, cell.year);
      this.#present.add(id);
      return {name, id};
    });
    this.#withheld.push({cell, measures: ids, reveals});
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
   * breakdown of each kind (its children, its monitor types, its stayers and
   * entries, last year's stayers and exits), so a second sum
   * of the same kind for it (from a measure shared by two indicators) is the
   * same sum and counts once.
   */
  sum(total: number, parts: number[], kind: SumKind): void {
    const key = total * SUM_KINDS.length + SUM_KINDS.indexOf(kind);
    if (this.#constraintKeys.has(key)) return;
    this.#constraintKeys.add(key);
    this.#constraints.push({total, parts});
    this.#kinds.push(kind);
  }

  /**
   * Solves the sums and returns a RECOVERABLE finding for every withheld cell
   * whose measures that are known or follow from the sums disclose it (as its
   * `reveals` judges), and for every region without a row whose count is
   * nonetheless revealed by a sum that does not add up.
   */
  recoverable(): AuditFinding[] {
    const given = new Map(this.#given);
    const zeros = new Set<number>();
    for (const id of this.#absent.keys()) {
      if (given.has(id) || (this.#present.has(id) && !this.#certainAbsent.has(id))) continue;
      given.set(id, 0);
      zeros.add(id);
    }
    const {value, from, unbalanced} = solveSumConstraints(this.#ref.length, given, this.#constraints);
    const findings: AuditFinding[] = [];
    for (const {cell, measures, reveals} of this.#withheld) {
      const known: Record<string, KnownMeasure> = {};
      const how: string[] = [];
      for (const {name, id} of measures) {
        if (from[id] === UNKNOWN) continue;
        const by: KnownBy = from[id] !== GIVEN ? 'solved' : zeros.has(id) ? 'zero' : 'published';
        known[name] = {value: value[id]!, by};
        if (by === 'solved') how.push(`${name} = ${this.#explain(id, from[id]!)}`);
        else how.push(`${name} = ${by === 'zero' ? 'zero (no row)' : `published ${this.#ref[id]!.replace('.', ' ')}`}`);
      }
      if (how.length > 0 && reveals(known)) findings.push({code: 'RECOVERABLE', ...cell, detail: how.join('; ')});
    }
    for (const index of unbalanced) {
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
