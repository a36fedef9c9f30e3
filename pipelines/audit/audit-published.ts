/**
 * The disclosure audit of a build (contract section 3): reads the published
 * tables as an outsider would, from the files alone, and reports every cell
 * that singles out households. It shares no code with the suppressor, so a
 * fault in one is caught by the other.
 */
import {sortFindings} from './audit-finding.ts';
import type {AuditFinding} from './audit-finding.ts';
import {auditIndicatorValues} from './audit-indicator-values.ts';
import {auditMonitoring} from './audit-monitoring.ts';
import {auditMonitoringFlows} from './audit-monitoring-flows.ts';
import {normalizeAuditOptions} from './audit-options.ts';
import type {AuditOptions} from './audit-options.ts';
import {DisclosureLedger} from './disclosure-ledger.ts';
import {readPublishedHierarchy} from './read-published-hierarchy.ts';

export type {AuditCode, AuditFinding} from './audit-finding.ts';
export {formatAuditFinding} from './audit-finding.ts';
export type {AuditOptions} from './audit-options.ts';
export {DEFAULT_AUDIT_OPTIONS} from './audit-options.ts';

/**
 * Returns the findings of the audit of the published folder `dataDir`
 * (`regions.csv`, `indicator_values.csv` and, when present, `monitoring.csv` and
 * `monitoring_flows.csv`),
 * sorted by code, table, indicator, region, year; empty when the output is
 * safe to publish. Options default to DEFAULT_AUDIT_OPTIONS (k = 5, 10 for
 * sensitive cells).
 *
 * - BELOW_THRESHOLD: a published cell with 1..k−1 households behind it (its
 *   denominator, or for sensitive rates its numerator or complement; people
 *   counts judged by the households they imply), and any risk-feature row at
 *   village level.
 * - RECOVERABLE: a withheld cell that shows a number or a status, and one
 *   whose counts, worked out as ranges from every published number, band
 *   and sum (parent = children at every level, all = sum of monitor types,
 *   the flows' stock = stayed + entered and last year's = stayed + exited,
 *   numerator + complement = denominator and the like), are pinned to one
 *   value or, where they may be 1..k−1, lie in a range narrower than ⌈k/2⌉
 *   (bound-sum-constraints.ts); and a region without a row whose count a
 *   sum reveals.
 *
 * Withheld cells that follow as zero are not reported (zero is published).
 * Throws when a table cannot be read, or a threshold is below 3.
 */
export async function auditPublished(dataDir: string, options: Partial<AuditOptions> = {}): Promise<AuditFinding[]> {
  const settings = normalizeAuditOptions(options);
  const hierarchy = await readPublishedHierarchy(dataDir);
  const ledger = new DisclosureLedger(settings.sharedMeasures);
  const findings: AuditFinding[] = [];
  await auditIndicatorValues(dataDir, hierarchy, settings, ledger, findings);
  const monitoringTotals = await auditMonitoring(dataDir, hierarchy, settings, ledger, findings);
  await auditMonitoringFlows(dataDir, hierarchy, settings, ledger, findings, monitoringTotals);
  findings.push(...ledger.recoverable());
  return sortFindings(findings);
}
