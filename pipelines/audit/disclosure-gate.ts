import {PipelineError} from '../lib/pipeline-error.ts';
import {auditPublished, formatAuditFinding} from './audit-published.ts';

/**
 * The release's disclosure gate: audits the published tables in `dataDir`
 * from the files alone and throws E_DISCLOSURE, with the first finding, when
 * any cell is below its threshold or recoverable within too narrow a range.
 */
export async function assertNothingDisclosed(dataDir: string, thresholds: {k: number; kSensitive: number}) {
  const findings = await auditPublished(dataDir, thresholds);
  if (findings.length) {
    throw new PipelineError({
      code: 'E_DISCLOSURE',
      file: 'indicator_values.csv',
      params: {count: findings.length, first: formatAuditFinding(findings[0]!)}
    });
  }
}
