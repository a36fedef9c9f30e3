import type {ErrorCode, Problem} from '../lib/error-codes.ts';
import type {IngestResult} from '../ingest/read-input-table.ts';
import {maskPersonalNumbers} from './mask-personal-numbers.ts';

/** The accounting of one input file: every row read is accepted or rejected. */
export interface FileAccount {
  file: string;
  present: boolean;
  encoding: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  unknownColumns: string[];
  rejectedByCode: Partial<Record<ErrorCode, number>>;
  /** A required file with a header and no rows, let through by `--allow-empty`. */
  allowedEmpty: boolean;
  /** Empty (not reported) cells of the accepted rows, per measure column that has any. */
  notReported: Record<string, number>;
}

/** Rejected rows of one input file that name one region (the raw code as written), with their problems by code. */
export interface RegionRejections {
  file: string;
  /** The row's region or village code as read; rows without one are not listed here. */
  regionCode: string;
  rows: number;
  byCode: Partial<Record<ErrorCode, number>>;
}

/** Problems kept per file for the report; counts stay exact beyond it. */
export const MAX_PROBLEMS_PER_FILE = 10_000;

/**
 * Collects rejections and row counts per input file. Problems are counted by
 * code without limit and kept in full up to MAX_PROBLEMS_PER_FILE per file, so
 * a badly broken export cannot exhaust memory.
 */
export class RejectionLog {
  readonly #files = new Map<string, FileAccount>();
  readonly #problems = new Map<string, Problem[]>();
  readonly #byRegion = new Map<string, RegionRejections>();
  readonly #faults: Problem[] = [];
  synthetic = false;

  #account(file: string): FileAccount {
    let account = this.#files.get(file);
    if (!account) {
      account = {
        file,
        present: false,
        encoding: null,
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        unknownColumns: [],
        rejectedByCode: {},
        allowedEmpty: false,
        notReported: {}
      };
      this.#files.set(file, account);
    }
    return account;
  }

  /** Records what ingest read of a file, including the rows it rejected itself. */
  read(file: string, result: IngestResult | null): void {
    const account = this.#account(file);
    if (!result) return;
    account.present = !result.missing;
    account.encoding = result.encoding;
    account.rowsRead = result.rowsRead;
    account.rowsRejected += result.rowsRejected;
    account.unknownColumns = result.unknownColumns;
    this.synthetic ||= result.synthetic;
  }

  /**
   * Records one problem without counting a row (ingest counts its own
   * rejected rows); an ID or phone number in its value is masked.
   */
  problem(problem: Problem): void {
    const account = this.#account(problem.file);
    account.rejectedByCode[problem.code] = (account.rejectedByCode[problem.code] ?? 0) + 1;
    const kept = this.#problems.get(problem.file) ?? [];
    if (kept.length < MAX_PROBLEMS_PER_FILE) {
      kept.push(problem.value === undefined ? problem : {...problem, value: maskPersonalNumbers(problem.value)});
    }
    this.#problems.set(problem.file, kept);
  }

  /**
   * Records one rejected row with all its problems; `regionCode`, the row's
   * region or village code as read (when it has one), lets the data-quality
   * page count rejections per county.
   */
  rejectRow(file: string, problems: Problem[], regionCode?: string | null): void {
    this.#account(file).rowsRejected++;
    problems.forEach((p) => this.problem(p));
    if (!regionCode) return;
    const key = `${file}\u0000${regionCode}`;
    let entry = this.#byRegion.get(key);
    if (!entry) this.#byRegion.set(key, (entry = {file, regionCode, rows: 0, byCode: {}}));
    entry.rows++;
    for (const p of problems) entry.byCode[p.code] = (entry.byCode[p.code] ?? 0) + 1;
  }

  /** Rejected rows that named a region code, per file and code, in the order first met. */
  rejectionsByRegion(): RegionRejections[] {
    return [...this.#byRegion.values()];
  }

  /**
   * Records a fault that makes the input unpublishable without rejecting a
   * row: a project cannot be left out of a disclosure, it must be corrected.
   */
  fault(problem: Problem): void {
    this.#faults.push(problem);
  }

  /** The faults recorded, in order. */
  faults(): Problem[] {
    return [...this.#faults];
  }

  /** Records that a required file without rows was let through on purpose (`--allow-empty`). */
  allowEmpty(file: string): void {
    this.#account(file).allowedEmpty = true;
  }

  /** Records how many accepted rows left a measure column empty (not reported). */
  notReported(file: string, column: string, cells: number): void {
    if (cells > 0) this.#account(file).notReported[column] = cells;
  }

  /** Records how many rows of a file were accepted in the end. */
  accept(file: string, rows: number): void {
    this.#account(file).rowsAccepted = rows;
  }

  files(): FileAccount[] {
    return [...this.#files.values()];
  }

  /** Kept problems, by file in reading order, then by line. */
  problems(): Problem[] {
    return [...this.#problems.values()].flatMap((list) => [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }

  /** Throws if any file's rows do not add up: that would be a bug of ours, never of the input. */
  assertBalanced(): void {
    for (const a of this.#files.values()) {
      if (a.rowsRead !== a.rowsAccepted + a.rowsRejected) {
        throw new Error(`row accounting broken for ${a.file}: ${a.rowsRead} ≠ ${a.rowsAccepted} + ${a.rowsRejected}`);
      }
    }
  }
}
