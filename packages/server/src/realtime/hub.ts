import type { Listen } from '../db/client.js';

/** The one PostgreSQL channel every instance listens on; payloads are topic names (e.g. `arena:12`). */
export const REALTIME_CHANNEL = 'leitai_realtime';

/** Builds what subscribers of a topic receive after a change: one load per instance, not per client. */
export type TopicLoader = (topic: string) => Promise<{ event: string; data: unknown } | null>;

export interface Subscriber {
  /** Writes one SSE frame; must not throw. */
  write(frame: string): void;
  close(): void;
}

export const sseFrame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Fans one LISTEN connection out to many SSE clients. A NOTIFY for a topic makes the hub load the
 * topic's snapshot once and write it to every local subscriber; notifications arriving while a load
 * runs coalesce into one more load, started no sooner than `minIntervalMs` after the last one.
 */
export class RealtimeHub {
  private readonly topics = new Map<string, Set<Subscriber>>();
  private readonly loading = new Map<string, { again: boolean }>();
  /** The latest snapshot per topic, so a hall of screens connecting at once costs one load, not one each. */
  private readonly cache = new Map<string, { event: string; data: unknown }>();
  /** Bumped on every notification: a load that started before a change must not fill the cache. */
  private generation = 0;
  private unlisten: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly listen: Listen,
    private readonly loader: TopicLoader,
    private readonly opts: { heartbeatMs?: number; minIntervalMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  /** Starts listening (once); later calls wait for the first. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.unlisten = await this.listen(REALTIME_CHANNEL, (topic) => this.changed(topic));
      // Comments keep proxies from closing idle streams and let clients notice a dead connection.
      this.heartbeat = setInterval(() => this.broadcastAll(': ping\n\n'), this.opts.heartbeatMs ?? 15_000);
      this.heartbeat.unref();
    })();
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const subs of this.topics.values()) for (const s of subs) s.close();
    this.topics.clear();
    this.cache.clear();
    if (this.unlisten) await this.unlisten();
    this.unlisten = null;
    this.starting = null;
  }

  /** The topic's current snapshot: cached while the hub listens, else loaded (and cached if nothing changed meanwhile). */
  async snapshot(topic: string): Promise<{ event: string; data: unknown } | null> {
    const hit = this.cache.get(topic);
    if (hit) return hit;
    const generation = this.generation;
    const loaded = await this.loader(topic);
    if (loaded && generation === this.generation && this.unlisten !== null && this.topics.has(topic))
      this.cache.set(topic, loaded);
    return loaded;
  }

  subscribe(topic: string, sub: Subscriber): () => void {
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    set.add(sub);
    return () => {
      set.delete(sub);
      if (set.size === 0) {
        this.topics.delete(topic);
        this.cache.delete(topic);
      }
    };
  }

  subscriberCount(topic?: string): number {
    if (topic !== undefined) return this.topics.get(topic)?.size ?? 0;
    let n = 0;
    for (const s of this.topics.values()) n += s.size;
    return n;
  }

  /** Called for each NOTIFY; public so a test can drive the hub without a database. */
  changed(topic: string): void {
    this.generation += 1;
    this.cache.delete(topic);
    if (!this.topics.has(topic)) return;
    const running = this.loading.get(topic);
    if (running) {
      running.again = true;
      return;
    }
    const mark = { again: false };
    this.loading.set(topic, mark);
    void this.reload(topic, mark);
  }

  private async reload(topic: string, mark: { again: boolean }): Promise<void> {
    try {
      do {
        mark.again = false;
        const started = Date.now();
        const snapshot = await this.loader(topic);
        if (snapshot && !mark.again && this.topics.has(topic)) this.cache.set(topic, snapshot);
        if (snapshot) this.broadcast(topic, sseFrame(snapshot.event, snapshot.data));
        // In a burst (300 judges submitting at once) reload at most every minIntervalMs: each reload
        // costs queries and a write to every client, and nobody reads ten frames a second.
        const wait = (this.opts.minIntervalMs ?? 100) - (Date.now() - started);
        if (mark.again && wait > 0) await new Promise((r) => setTimeout(r, wait));
      } while (mark.again);
    } catch (err) {
      this.opts.onError?.(err);
    } finally {
      this.loading.delete(topic);
    }
  }

  private broadcast(topic: string, frame: string): void {
    for (const s of this.topics.get(topic) ?? []) s.write(frame);
  }

  private broadcastAll(frame: string): void {
    for (const subs of this.topics.values()) for (const s of subs) s.write(frame);
  }
}
