/**
 * Retries of a failed delivery: a growing pause, then the dead-letter list, where the office sees the
 * message and its error and may send it again.
 */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000, 3_600_000];

/** Attempts before a delivery is set aside (the first try and one per delay). */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After the `attempts`-th failed try: the pause before the next, or null when it goes to the dead letters. */
export function retryDelay(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) return RETRY_DELAYS_MS[0]!;
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}
