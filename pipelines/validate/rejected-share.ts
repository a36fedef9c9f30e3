import type {Problem} from '../lib/error-codes.ts';
import type {FileAccount} from './rejection-log.ts';

/** Default limit on the share of a file's rows that may be rejected before the run stops (contract: 1%). */
export const DEFAULT_REJECTED_SHARE = 0.01;

/**
 * Returns an E_REJECTED_SHARE problem for every file whose rejected share is
 * above `threshold`: too many bad rows mean the export itself is wrong, and
 * publishing the rest would mislead.
 */
export function checkRejectedShare(files: FileAccount[], threshold = DEFAULT_REJECTED_SHARE): Problem[] {
  return files
    .filter((f) => f.rowsRead > 0 && f.rowsRejected / f.rowsRead > threshold)
    .map((f) => ({
      code: 'E_REJECTED_SHARE',
      file: f.file,
      params: {
        read: f.rowsRead,
        rejected: f.rowsRejected,
        share: `${((100 * f.rowsRejected) / f.rowsRead).toFixed(1)}%`,
        threshold: `${(100 * threshold).toFixed(1)}%`
      }
    }));
}
