/**
 * Runs a share of the site's PII scan (scan-files.ts) in a worker thread, so
 * that the scan of a city's 200,000 pages uses every core.
 */
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';
import {type PiiLeak, type ScanShare, scanFiles} from './scan-files.ts';

// The key of the job in the worker's data: this module is also imported by threads that are not its worker
// (vitest runs tests in worker threads), and must do nothing there.
const JOB = 'gongshiPiiScanShare';

/** Scans `share` in a new worker thread; rejects with the worker's error. */
export function scanFilesInWorker(share: ScanShare): Promise<PiiLeak[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {workerData: {[JOB]: share}});
    let leaks: PiiLeak[] | undefined;
    worker.once('message', (found: PiiLeak[]) => (leaks = found));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (leaks) resolve(leaks);
      else
        reject(
          new Error(`a PII scan worker stopped (exit code ${code}) before its ${share.paths.length} files were scanned`)
        );
    });
  });
}

const share = isMainThread ? undefined : (workerData as Record<string, ScanShare> | null)?.[JOB];
if (share && parentPort) parentPort.postMessage(await scanFiles(share));
