import { parentPort } from 'node:worker_threads';
import { parseSheet, type SheetColumn } from './sheet.js';

/** A parse worker's job: the upload's bytes, the template's columns and the row cap. */
export interface ParseJob {
  bytes: Uint8Array;
  columns: SheetColumn[];
  maxRows: number;
}

// One job at a time: the pool sends the next only after this one answered.
parentPort?.on('message', (job: ParseJob) => {
  const buffer = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  parseSheet(buffer, job.columns, job.maxRows).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
});
