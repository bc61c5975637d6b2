/**
 * Realtime: one hub per app instance fans PostgreSQL NOTIFY out to server-sent event streams. Modules
 * register topics through their face: a prefix ('arena' for 'arena:12'), how to load a topic's
 * snapshot, and which domain events change which topics. The realtime consumer of the outbox turns
 * those events into NOTIFY inside the delivery's transaction, so listeners see committed state only.
 */
import type { Database, Db } from '../db/client.js';
import type { EventConsumer } from '../events/consumer.js';
import type { DomainEvent } from '../events/types.js';
import { RealtimeHub } from './hub.js';
import { notifyTopic } from './notify.js';

export { RealtimeHub } from './hub.js';
export { openEventStream } from './sse.js';
export { notifyTopic } from './notify.js';

export interface RealtimeTopic {
  /** Topics of this kind are named `${prefix}:${id}`. */
  prefix: string;
  /** What a subscriber receives: the current snapshot of the topic with this id, or null if none. */
  load(db: Db, id: string): Promise<{ event: string; data: unknown } | null>;
  /** The topics (full names) an event changes. */
  topicsOf(event: DomainEvent): string[];
}

export function createHub(
  database: Pick<Database, 'db' | 'listen'>,
  topics: readonly RealtimeTopic[],
  onError: (err: unknown) => void,
): RealtimeHub {
  const byPrefix = new Map(topics.map((t) => [t.prefix, t]));
  return new RealtimeHub(
    database.listen,
    async (topic) => {
      const at = topic.indexOf(':');
      const kind = at < 0 ? undefined : byPrefix.get(topic.slice(0, at));
      return kind ? kind.load(database.db, topic.slice(at + 1)) : null;
    },
    { onError },
  );
}

/** The outbox consumer that tells every instance's hub which topics an event changed. */
export function realtimeConsumer(topics: readonly RealtimeTopic[]): EventConsumer {
  return {
    name: 'realtime',
    topics: 'all',
    handle: async (tx, event) => {
      for (const topic of new Set(topics.flatMap((t) => t.topicsOf(event)))) await notifyTopic(tx, topic);
    },
  };
}
