/**
 * Runs a share of the site's PII scan (scan-files.ts) in a worker thread, so
 * that the scan of a city's 200,000 pages uses every core, and its garbage
 * stays off the heap of the thread that holds the render's modules.
 */
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';
import {type PiiLeak, type ScanShare, scanFiles} from './scan-files.ts';

// The key of the job in the worker's data: this module is also imported by threads that are not its worker
// (vitest runs tests in worker threads), and must do nothing there.
const JOB = 'gongshiPiiScanShare';

/** A share of the scan running in its thread. */
export interface WorkerScan {
  /** The leaks found; rejects with the worker's error, or when stopped. */
  leaks: Promise<PiiLeak[]>;
  /** Ends the thread (another share failed: the build stops and its folder goes). */
  stop(): void;
}

/** Scans `share` in a new worker thread. */
export function scanFilesInWorker(share: ScanShare): WorkerScan {
  const worker = new Worker(new URL(import.meta.url), {workerData: {[JOB]: share}});
  // Settled only once the thread has ended, so that its work folder can go.
  const leaks = new Promise<PiiLeak[]>((resolve, reject) => {
    let found: PiiLeak[] | undefined;
    let failed: {error: unknown} | undefined;
    worker.once('message', (message: PiiLeak[]) => (found = message));
    worker.once('error', (error) => (failed = {error}));
    worker.once('exit', (code) => {
      if (failed) reject(failed.error);
      else if (found) resolve(found);
      else
        reject(
          new Error(`a PII scan worker stopped (exit code ${code}) before its ${share.paths.length} files were scanned`)
        );
    });
  });
  return {leaks, stop: () => void worker.terminate()};
}

const share = isMainThread ? undefined : (workerData as Record<string, ScanShare> | null)?.[JOB];
if (share && parentPort) parentPort.postMessage(await scanFiles(share));
