import type { Db } from '../../db/client.js';
import { pointByCode, type PointRow } from './repository.js';

/**
 * The point a QR code names, kept a few seconds per database: a hall's burst of phones reads it once,
 * not a thousand times. An edit here clears it at once; another instance sees it within the TTL.
 */
const TTL_MS = 5_000;
const cache = new WeakMap<object, Map<string, { at: number; value: Promise<PointRow | undefined> }>>();

export function pointOfCode(db: Db, code: string): Promise<PointRow | undefined> {
  let byCode = cache.get(db);
  if (!byCode) cache.set(db, (byCode = new Map()));
  const hit = byCode.get(code);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  if (byCode.size > 10_000) byCode.clear(); // unknown codes must not grow it without bound
  const value = pointByCode(db, code);
  byCode.set(code, { at: Date.now(), value });
  value.catch(() => byCode.delete(code));
  return value;
}

export const forgetPoints = (db: Db): void => void cache.delete(db);
