import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { REALTIME_CHANNEL } from './hub.js';

/**
 * Tells every app instance that a topic changed. Inside a transaction PostgreSQL delivers the
 * notification at commit (and never on rollback), so listeners only ever see committed state.
 */
export async function notifyTopic(tx: Db, topic: string): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${REALTIME_CHANNEL}, ${topic})`);
}
