/**
 * What the disclosure audit reports: a published cell that is too small, or a
 * withheld cell an outsider can work out. A finding names the cell by its
 * keys only and never carries a value (STYLE.md, Errors).
 */

export type AuditCode = 'BELOW_THRESHOLD' | 'RECOVERABLE';

export interface AuditFinding {
  code: AuditCode;
  /** Published table: `indicator_values`, `monitoring` or `monitoring_flows`. */
  table: string;
  /**
   * Empty for the monitoring table, whose cells are keyed by `monitor_type` and `risk_flag`; the flow
   * (`entered`, `exited`, or `stayed` for the unpublished count of households monitored in both years) for
   * `monitoring_flows`.
   */
  indicator_id: string;
  region_code: string;
  year: number;
  /** Monitoring only: the monitor type of the row, empty for all types. */
  monitor_type?: string;
  /** Monitoring only: the risk feature of the row, empty for all. */
  risk_flag?: string;
  /** Why, in terms of keys and thresholds: never a value of the cell. */
  detail: string;
  /** RECOVERABLE from the ranges: the measures that disclose the cell (`numerator`, `expected`, `households` …). */
  measures?: string[];
}

/** The keys of a published cell, as a finding names it. */
export type CellKey = Omit<AuditFinding, 'code' | 'detail' | 'measures'>;

const KEYS = ['code', 'table', 'indicator_id', 'region_code', 'monitor_type', 'risk_flag', 'detail'] as const;

/** Orders findings by code, table, indicator, region, year, monitoring keys and detail. */
export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  for (const key of KEYS.slice(0, 4)) {
    const order = compareText(a[key] ?? '', b[key] ?? '');
    if (order !== 0) return order;
  }
  if (a.year !== b.year) return a.year - b.year;
  for (const key of KEYS.slice(4)) {
    const order = compareText(a[key] ?? '', b[key] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** Sorts findings deterministically and drops exact duplicates. */
export function sortFindings(findings: readonly AuditFinding[]): AuditFinding[] {
  const sorted = [...findings].sort(compareFindings);
  return sorted.filter((f, i) => i === 0 || compareFindings(sorted[i - 1]!, f) !== 0);
}

/**
 * One line naming the cell by its keys, for the build log:
 * `[RECOVERABLE] indicator_values monitored_share 360726101201 2021: …`.
 */
export function formatAuditFinding(f: AuditFinding): string {
  const cell = f.table === 'monitoring' ? `type=${f.monitor_type || '*'} risk=${f.risk_flag || '*'}` : f.indicator_id;
  return `[${f.code}] ${f.table} ${cell} ${f.region_code} ${f.year}: ${f.detail}`;
}

// Code-unit order, not locale order: the same on every machine.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
