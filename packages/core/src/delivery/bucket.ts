/**
 * The rate limit of a group robot (企业微信 and 钉钉 both allow 20 messages a minute per robot): a token
 * bucket whose tokens come back one window after they were spent. Its state is the times of the sends
 * still inside the window, so "never more than `capacity` sends in any window" holds exactly, which a
 * bucket refilled at a steady rate (up to twice the capacity in a window) would not promise.
 */
export interface RobotLimit {
  capacity: number;
  windowMs: number;
}

/** 20 messages a minute: the documented limit of both robots. */
export const ROBOT_LIMIT: RobotLimit = { capacity: 20, windowMs: 60_000 };

/** Send times (ms since the epoch) within the last window, ascending. */
export type RobotBucket = readonly number[];

/** The sends of `bucket` still counting at `now` (spent after now − window). */
const live = (bucket: RobotBucket, now: number, limit: RobotLimit) => bucket.filter((t) => t > now - limit.windowMs);

/** How many messages may go at `now`. */
export function tokensLeft(bucket: RobotBucket, now: number, limit: RobotLimit = ROBOT_LIMIT): number {
  return Math.max(0, limit.capacity - live(bucket, now, limit).length);
}

/** When the next token comes back (`now` when one is there already). */
export function nextTokenAt(bucket: RobotBucket, now: number, limit: RobotLimit = ROBOT_LIMIT): number {
  const spent = live(bucket, now, limit).sort((a, b) => a - b);
  if (spent.length < limit.capacity) return now;
  return spent[spent.length - limit.capacity]! + limit.windowMs;
}

/**
 * Takes up to `wanted` tokens at `now`: how many it got and the bucket after. A time before the
 * bucket's last send (a clock stepped back) counts as that last send, so a step back frees nothing.
 */
export function takeTokens(
  bucket: RobotBucket,
  now: number,
  wanted: number,
  limit: RobotLimit = ROBOT_LIMIT,
): { taken: number; bucket: number[] } {
  const last = bucket.length > 0 ? Math.max(...bucket) : -Infinity;
  const at = Math.max(now, last);
  const spent = live(bucket, at, limit).sort((a, b) => a - b);
  const taken = Math.max(0, Math.min(Math.floor(wanted), limit.capacity - spent.length));
  return { taken, bucket: [...spent, ...Array.from({ length: taken }, () => at)] };
}

/**
 * What to send of `pending` messages with `tokens` tokens: each alone while they fit; when the burst
 * is larger, all but the last token go alone and the last carries one digest of the rest. With no
 * token, nothing goes now.
 */
export function planBatch(pending: number, tokens: number): { singles: number; digest: number } {
  if (pending <= 0 || tokens <= 0) return { singles: 0, digest: 0 };
  if (pending <= tokens) return { singles: pending, digest: 0 };
  return { singles: tokens - 1, digest: pending - tokens + 1 };
}
