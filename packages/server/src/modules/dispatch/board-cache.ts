import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { boardStamp } from '../../db/schema/index.js';

/**
 * Computed boards, kept while nothing they were computed from has changed. The database keeps one
 * version number that every committed change to the board's inputs raises (migration 0032's deferred
 * triggers on reports, figures, targets, indicators, periods, units and categories), so an entry is
 * checked with one small read and every instance sees every other's writes. The version is read before
 * the inputs: an entry is never older than the version it is filed under (at worst it is newer, and is
 * computed once more).
 */
const LIMIT = 8;

interface Entry<T> {
  version: number;
  value: Promise<T>;
}

// Per database: one process may hold several (the tests do), whose versions mean nothing to each other.
const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

export async function boardVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: boardStamp.version }).from(boardStamp).where(eq(boardStamp.id, 1));
  return row?.version ?? 0;
}

/** The value for `key` at the current version: kept, or computed once however many ask at the same time. */
export async function cached<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await boardVersion(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && hit.version >= version) {
    // Most recently used last, so the oldest is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value;
  }
  const value = compute();
  const entry: Entry<T> = { version, value };
  cache.set(key, entry);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  // A failed computation is not kept.
  value.catch(() => cache.get(key) === entry && cache.delete(key));
  return value;
}
