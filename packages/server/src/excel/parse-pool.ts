import { Worker } from 'node:worker_threads';
import type { ParseJob } from './parse-worker.js';
import type { ParsedSheet, SheetColumn } from './sheet.js';

/**
 * Excel uploads are parsed off the event loop, in worker threads with a heap limit and a time limit: a large or
 * hostile file (a zip bomb, a merged range over the whole sheet) costs a worker, never the requests of everyone
 * else. At most `POOL` parses run at once (the rest wait their turn); an idle worker is kept a little while so a
 * run of imports does not pay the worker's start (about a second: it loads exceljs) each time.
 */
export interface ParseLimits {
  /** Rows holding data beyond which the file is refused. */
  maxRows: number;
  /** The worker's old-generation heap (MB); past it the worker is stopped and the file refused. */
  maxMemoryMb: number;
  timeoutMs: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxRows: 20_000, maxMemoryMb: 512, timeoutMs: 60_000 };

const POOL = 2;
const IDLE_MS = 30_000;

interface Slot {
  worker: Worker;
  memoryMb: number;
  idleTimer?: NodeJS.Timeout;
}

const idle: Slot[] = [];
let running = 0;
const waiting: (() => void)[] = [];

const tooBig = (limits: ParseLimits) => ({
  rows: [],
  problems: [
    {
      row: 0,
      column: '',
      message: `文件过大或结构过于复杂（读取需要超过 ${limits.maxMemoryMb} MB 内存或 ${Math.round(limits.timeoutMs / 1000)} 秒），无法读取，请删去多余的行列、合并单元格和格式，或分成几份分批导入`,
    },
  ],
});

/**
 * The worker's entry. Under tsx (how the server and the tests run) a worker does not inherit the TypeScript
 * loader on Node 20, so a two-line bootstrap (`parse-worker-boot.mjs`) registers it; built JavaScript needs none.
 */
function spawn(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./parse-worker.js', import.meta.url), { resourceLimits });
  return new Worker(new URL('./parse-worker-boot.mjs', import.meta.url), { resourceLimits });
}

function take(memoryMb: number): Slot {
  const i = idle.findIndex((s) => s.memoryMb === memoryMb);
  if (i >= 0) {
    const [slot] = idle.splice(i, 1);
    clearTimeout(slot!.idleTimer);
    return slot!;
  }
  const slot: Slot = { worker: spawn(memoryMb), memoryMb };
  // A worker that dies while idle must not be handed the next file.
  slot.worker.once('exit', () => {
    const i = idle.indexOf(slot);
    if (i >= 0) idle.splice(i, 1);
  });
  return slot;
}

function giveBack(slot: Slot): void {
  slot.idleTimer = setTimeout(() => void slot.worker.terminate(), IDLE_MS);
  slot.idleTimer.unref();
  slot.worker.unref();
  idle.push(slot);
}

async function acquire(): Promise<void> {
  if (running < POOL) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/**
 * Parses in a worker. A file that breaks a limit, or that exceljs cannot read, comes back as a problem (a 422 for
 * the importer); only a worker that fails for another reason (it could not start) throws.
 */
export async function parseInWorker<H extends string>(
  buffer: Buffer,
  columns: readonly SheetColumn<H>[],
  limits: ParseLimits,
): Promise<ParsedSheet<H>> {
  await acquire();
  const slot = take(limits.maxMemoryMb);
  slot.worker.ref();
  try {
    return await new Promise<ParsedSheet<H>>((resolve, reject) => {
      let settled = false;
      const done = (result: ParsedSheet<H> | Error, reusable: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reusable) giveBack(slot);
        else void slot.worker.terminate();
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const onMessage = (m: { ok: true; result: ParsedSheet<H> } | { ok: false; message: string }) =>
        done(
          m.ok
            ? m.result
            : { rows: [], problems: [{ row: 0, column: '', message: '无法读取文件，请上传由模板填写的 .xlsx 文件' }] },
          true,
        );
      // Past the heap limit the file is refused; any other failure (the worker not starting) is the server's.
      const onError = (err: Error & { code?: string }) =>
        done(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(limits) : err, false);
      const onExit = () => done(tooBig(limits), false);
      const timer = setTimeout(() => done(tooBig(limits), false), limits.timeoutMs);
      slot.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      const job: ParseJob = { bytes: buffer, columns: columns.map((c) => ({ ...c })), maxRows: limits.maxRows };
      slot.worker.postMessage(job);
    });
  } finally {
    release();
  }
}
