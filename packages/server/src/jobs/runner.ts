import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { IsoDate } from '@leitai/core';
import type { Db } from '../db/client.js';
import { jobRuns } from '../db/schema/index.js';
import { shanghaiNow } from './clock.js';

/** A job that runs once per day (Asia/Shanghai). `run` gets the claiming transaction and returns a one-line summary. */
export interface DailyJob {
  name: string;
  /** Hour (0–23, Asia/Shanghai) from which the day's run may start. */
  atHour: number;
  /** `now` is the runner's clock (tests pass their own), for a job whose cut-off is a span of time. */
  run(tx: Db, day: IsoDate, now?: Date): Promise<string>;
}

export const INSTANCE = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Runs the job for `day` unless some instance already has. The claim (a job_runs row keyed by job and
 * day) is inserted in the same transaction as the job's work: if the process dies half-way both roll
 * back and the next tick runs the job again; a second instance inserting the same key waits for the
 * first transaction and then finds the key taken. So the job's effects happen exactly once per day.
 */
export async function runDailyJob(
  db: Db,
  job: DailyJob,
  day: IsoDate,
  instance = INSTANCE,
  now = new Date(),
): Promise<{ ran: boolean; result?: string }> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(jobRuns)
      .values({ job: job.name, day, instance })
      .onConflictDoNothing()
      .returning({ job: jobRuns.job });
    if (claimed.length === 0) return { ran: false };
    const result = await job.run(tx, day, now);
    await tx
      .update(jobRuns)
      .set({ result })
      .where(and(eq(jobRuns.job, job.name), eq(jobRuns.day, day)));
    return { ran: true, result };
  });
}

export interface JobRunner {
  /** Runs whatever is due now; the timer calls it, tests call it directly. */
  tick(): Promise<void>;
  stop(): void;
}

/** Checks every `intervalMs` (and once at start) whether today's run of each job is due. */
export function startJobRunner(
  db: Db,
  jobs: readonly DailyJob[],
  opts: {
    intervalMs?: number;
    now?: () => Date;
    log?: (msg: string) => void;
    onError?: (job: string, err: unknown) => void;
  } = {},
): JobRunner {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      const at = now();
      const { date, hour } = shanghaiNow(at);
      for (const job of jobs) {
        if (hour < job.atHour) continue;
        try {
          const out = await runDailyJob(db, job, date, INSTANCE, at);
          if (out.ran) opts.log?.(`job ${job.name} ${date}: ${out.result ?? ''}`);
        } catch (err) {
          opts.onError?.(job.name, err);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return { tick, stop: () => clearInterval(timer) };
}
