import { Drain } from '../jobs/drain.js';
import type { Database, Db } from '../db/client.js';
import { OUTBOX_CHANNEL } from './emit.js';
import { claimBatch, markDone, markFailed, type OutboxEntry } from './repository.js';

/** Events delivered in one transaction at most. */
const BATCH = 50;
import type { DomainEvent, EventType } from './types.js';

/** Something that acts on events: the bell's notices, the realtime NOTIFY, later outside channels. */
export interface EventConsumer {
  name: string;
  /** The event types it wants ('all' for every one). */
  topics: readonly EventType[] | 'all';
  /** Runs inside the delivery's transaction: what it writes commits with the event's "done" mark. */
  handle(tx: Db, event: DomainEvent): Promise<void>;
}

export interface RelayOptions {
  /** How often pending events are looked for without a wake-up (retries, missed NOTIFYs). */
  pollMs?: number;
  /** Deliveries tried before an event is put aside with its error. */
  maxAttempts?: number;
  /** A delivery that failed (with its entry), or a drain that could not run at all. */
  onError?: (err: unknown, entry?: OutboxEntry) => void;
}

/**
 * Delivers the outbox to its consumers, a batch of events per transaction: claim the oldest pending rows (FOR
 * UPDATE SKIP LOCKED, so instances share the work and never take the same row), run every consumer of
 * each one's type, mark them done, commit. A crash or restart before the commit leaves the row pending, and
 * it is delivered again in full; after the commit it is never delivered again. A consumer that throws
 * rolls back its own writes (a savepoint) and the event is retried later with a growing pause.
 */
export class OutboxRelay {
  private readonly byTopic = new Map<string, EventConsumer[]>();
  private readonly drainer = new Drain(() => this.deliverBatch());
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = true;

  constructor(
    private readonly database: Pick<Database, 'db' | 'listen'>,
    consumers: readonly EventConsumer[],
    private readonly opts: RelayOptions = {},
  ) {
    for (const c of consumers) this.register(c);
  }

  register(consumer: EventConsumer): void {
    const key = (t: string) => this.byTopic.set(t, [...(this.byTopic.get(t) ?? []), consumer]);
    if (consumer.topics === 'all') key('*');
    else for (const t of consumer.topics) key(t);
  }

  private consumersOf(type: EventType): EventConsumer[] {
    return [...(this.byTopic.get('*') ?? []), ...(this.byTopic.get(type) ?? [])];
  }

  /** Delivers one pending event; false when there is none free. */
  async deliverOne(): Promise<boolean> {
    return (await this.deliverBatch(1)) > 0;
  }

  /**
   * Delivers up to `limit` pending events in one transaction, each in a savepoint of its own: a burst (a
   * hall of judges' scores) costs one commit, and the realtime NOTIFYs of one topic within it are one.
   * Returns how many it took.
   */
  async deliverBatch(limit = BATCH): Promise<number> {
    return this.database.db.transaction(async (tx) => {
      const entries = await claimBatch(tx, limit);
      const done: number[] = [];
      for (const entry of entries) {
        try {
          await tx.transaction(async (sp) => {
            for (const c of this.consumersOf(entry.event.type)) await c.handle(sp, entry.event);
          });
          done.push(entry.id);
        } catch (err) {
          const attempts = entry.attempts + 1;
          const max = this.opts.maxAttempts ?? 10;
          const retryAt = attempts >= max ? null : new Date(Date.now() + Math.min(2 ** attempts, 600) * 1000);
          await markFailed(tx, entry.id, err instanceof Error ? (err.stack ?? err.message) : String(err), retryAt);
          this.opts.onError?.(err, entry);
        }
      }
      await markDone(tx, done);
      return entries.length;
    });
  }

  /**
   * Delivers until nothing is pending; returns how many it took. Calls while a drain runs join it
   * and make it look once more, so an event committed meanwhile is not left for the next poll.
   */
  drain(): Promise<number> {
    return this.drainer.run();
  }

  /** Listens for new events (NOTIFY at commit) and polls for retries. */
  async start(): Promise<void> {
    this.stopped = false;
    const kick = () => {
      if (!this.stopped) this.drain().catch((err: unknown) => this.opts.onError?.(err));
    };
    this.unlisten = await this.database.listen(OUTBOX_CHANNEL, kick);
    this.timer = setInterval(kick, this.opts.pollMs ?? 5_000);
    this.timer.unref();
    kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.unlisten) await this.unlisten();
    this.unlisten = null;
    await this.drainer.settled();
  }
}
