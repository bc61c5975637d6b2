import {
  CHANNEL_LABELS,
  DINGTALK_MARKDOWN_MAX_BYTES,
  MAX_DELIVERY_ATTEMPTS,
  WECOM_MARKDOWN_MAX_BYTES,
  deliverAfter,
  digestMarkdown,
  nextTokenAt,
  noticeMarkdown,
  planBatch,
  retryDelay,
  smsText,
  takeTokens,
  tokensLeft,
} from '@leitai/core';
import type { Database } from '../../db/client.js';
import { Drain } from '../../jobs/drain.js';
import { loadCalendar } from '../calendar/index.js';
import { ChannelError, sendToRobot, type EmailChannel, type SmsChannel } from './channels.js';
import {
  claimDue,
  lease,
  markFailure,
  markSent,
  postpone,
  robotById,
  setBucket,
  type DeliveryRow,
  type RobotRow,
} from './delivery-repo.js';
import { quietRules } from './delivery-settings.js';

/** The outside channels a worker may use; a missing one fails its messages to the dead letters. */
export interface DeliveryChannels {
  /** Posts to a group robot (sendToRobot; tests pass one bound to their fake). */
  robot: typeof sendToRobot;
  sms: SmsChannel | null;
  email: EmailChannel | null;
}

export interface DeliveryWorkerOptions {
  /** The worker's clock: due times, quiet hours, the robots' buckets. Tests pass their own. */
  now?: () => Date;
  /** The local zone's offset from UTC in minutes at a moment (quiet hours are local). */
  offsetMinutes?: (at: Date) => number;
  /** How long a claimed message is someone's before another worker may take it over. */
  leaseMs?: number;
  pollMs?: number;
  /** The app's public address, for links in messages. */
  publicUrl?: string | undefined;
  onError?: (err: unknown) => void;
  batch?: number;
}

/** One call to a channel: a message alone, or a digest standing for several. */
interface Send {
  rows: DeliveryRow[];
  digest: boolean;
  robot: RobotRow | null;
}

const shanghai = () => 480;

/**
 * Sends the queued deliveries. A pass claims the due rows (FOR UPDATE SKIP LOCKED, so instances share
 * the queue), holds back what the quiet hours or a robot's bucket do not allow yet (a burst beyond the
 * bucket is merged into one digest), leases the rest and commits; then calls the channels outside any
 * transaction and records each outcome: sent, retried after core's back-off, or dead after the last try.
 *
 * A restart loses nothing: a message is either still pending, or leased (taken over when the lease
 * ends), or recorded. A graceful stop waits for calls in flight, so nothing is sent twice; only a
 * process killed between a robot's answer and the record of it can send that one message again.
 */
export class DeliveryWorker {
  private readonly drainer = new Drain(() => this.runOnce());
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly now: () => Date;

  constructor(
    private readonly database: Pick<Database, 'db'>,
    private readonly channels: DeliveryChannels,
    private readonly opts: DeliveryWorkerOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /** One pass: returns how many messages it tried to send. */
  async runOnce(): Promise<number> {
    const { db } = this.database;
    const now = this.now();
    const calendar = await loadCalendar(db);
    const rules = await quietRules(db);
    const offset = (this.opts.offsetMinutes ?? shanghai)(now);
    const leaseUntil = new Date(now.getTime() + (this.opts.leaseMs ?? 120_000));
    const sends = await db.transaction(async (tx) => {
      const due = await claimDue(tx, now, this.opts.batch ?? 200);
      const out: Send[] = [];
      const byRobot = new Map<number, DeliveryRow[]>();
      for (const row of due) {
        const at = deliverAfter(now.getTime(), calendar, rules, row.urgent, offset);
        if (at > now.getTime()) await postpone(tx, [row.id], new Date(at));
        else if (row.robotId !== null) byRobot.set(row.robotId, [...(byRobot.get(row.robotId) ?? []), row]);
        else out.push({ rows: [row], digest: false, robot: null });
      }
      for (const [robotId, rows] of byRobot) {
        const robot = await robotById(tx, robotId, true);
        if (!robot) continue; // deleted meanwhile: its rows went with it (cascade)
        const t = now.getTime();
        const plan = planBatch(rows.length, tokensLeft(robot.bucket, t));
        const used = plan.singles + (plan.digest > 0 ? 1 : 0);
        const { bucket } = takeTokens(robot.bucket, t, used);
        await setBucket(tx, robot.id, bucket);
        for (const row of rows.slice(0, plan.singles)) out.push({ rows: [row], digest: false, robot });
        if (plan.digest > 0)
          out.push({ rows: rows.slice(plan.singles, plan.singles + plan.digest), digest: plan.digest > 1, robot });
        const waiting = rows.slice(plan.singles + plan.digest);
        await postpone(
          tx,
          waiting.map((r) => r.id),
          new Date(nextTokenAt(bucket, t)),
        );
      }
      await lease(
        tx,
        out.flatMap((s) => s.rows.map((r) => r.id)),
        leaseUntil,
      );
      return out;
    });
    for (const send of sends) await this.deliver(send, now);
    return sends.length;
  }

  private async deliver(send: Send, now: Date): Promise<void> {
    const { db } = this.database;
    const ids = send.rows.map((r) => r.id);
    try {
      await this.call(send, now);
      await db.transaction((tx) => markSent(tx, ids, this.now(), send.digest));
    } catch (err) {
      const e =
        err instanceof ChannelError
          ? err
          : new ChannelError(`发送失败（${err instanceof Error ? err.name : 'unknown'}）`);
      const attempts = Math.max(...send.rows.map((r) => r.attempts)) + 1;
      const delay = e.rateLimited
        ? 60_000
        : e.permanent || attempts >= MAX_DELIVERY_ATTEMPTS
          ? null
          : retryDelay(attempts);
      const at = this.now().getTime();
      await db.transaction((tx) => markFailure(tx, ids, e.message, delay === null ? null : new Date(at + delay)));
      if (!(err instanceof ChannelError)) this.opts.onError?.(err);
    }
  }

  private async call(send: Send, now: Date): Promise<void> {
    const first = send.rows[0]!;
    const base = this.opts.publicUrl ?? null;
    if (send.robot) {
      const max = send.robot.kind === 'wecom' ? WECOM_MARKDOWN_MAX_BYTES : DINGTALK_MARKDOWN_MAX_BYTES;
      const markdown = send.digest ? digestMarkdown(send.rows, base, max) : noticeMarkdown(first, base, max);
      const title = send.digest ? `通知汇总（${send.rows.length} 条）` : first.title;
      await this.channels.robot(send.robot, { title, markdown }, now.getTime());
      return;
    }
    if (first.channel === 'sms') {
      const sms = this.channels.sms;
      if (!sms?.delivers || !first.address) throw new ChannelError(`${CHANNEL_LABELS.sms}通道未配置`, true);
      await sms.send({ phone: first.address, text: smsText(first) });
      return;
    }
    if (first.channel === 'email') {
      const email = this.channels.email;
      if (!email || !first.address) throw new ChannelError(`${CHANNEL_LABELS.email}通道未配置`, true);
      const url = first.link && base ? `\n\n${base.replace(/\/+$/, '')}${first.link}` : '';
      await email.send({ to: first.address, subject: first.title, text: `${first.body}${url}` });
      return;
    }
    throw new ChannelError(`未知通道 ${first.channel}`, true);
  }

  /** Runs passes until one finds nothing due; calls meanwhile join it and make it look once more. */
  drain(): Promise<number> {
    return this.drainer.run();
  }

  /** Wakes the worker (after the outbox queued something); never throws. */
  kick(): void {
    if (!this.stopped) this.drain().catch((err: unknown) => this.opts.onError?.(err));
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.opts.pollMs ?? 5_000);
    this.timer.unref();
    this.kick();
  }

  /** Stops polling and waits for the calls in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.drainer.settled();
  }
}
