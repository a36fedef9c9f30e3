/**
 * Writes the bulk zip in a worker thread. Deflating tens of megabytes of CSV
 * in JavaScript takes seconds; in a worker it runs on the second core while
 * the build's own thread audits the published tables, instead of after them.
 * The worker runs writeDataZip itself, so the bytes are the same.
 */
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';
import {type ZipEntry, writeDataZip} from './write-data-zip.ts';

interface ZipJob {
  target: string;
  entries: readonly ZipEntry[];
}
// The key of the job in the worker's data: this module is also imported by threads that are not its worker
// (vitest runs tests in worker threads), and must do nothing there.
const JOB = 'gongshiZipJob';

/** Writes the archive of writeDataZip in a worker thread; settles when the file is complete. */
export function writeDataZipInWorker(target: string, entries: readonly ZipEntry[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {workerData: {[JOB]: {target, entries} satisfies ZipJob}});
    let written = false;
    worker.once('message', () => (written = true));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (written) resolve();
      else reject(new Error(`the zip worker stopped (exit code ${code}) before writing ${target}`));
    });
  });
}

const job = isMainThread ? undefined : (workerData as Record<string, ZipJob> | null)?.[JOB];
if (job && parentPort) {
  const {target, entries} = job;
  await writeDataZip(target, entries);
  parentPort.postMessage('written');
}
