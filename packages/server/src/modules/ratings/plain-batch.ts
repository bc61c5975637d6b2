import { judgeArrivals, type ArrivalLimits } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { emit, emitScope } from '../../events/emit.js';
import { probeArrivals, writePlainRatings, type PlainWrite, type ProbeRow } from './repository.js';

/**
 * Group commit for plain ratings (good, no case number): those that arrive while a batch is being
 * written wait for the next one, which is checked in one statement and written in one more, so a hall's
 * burst of phones costs the database two round trips and one commit per batch, not per rating. A rating
 * that finds the writer idle goes in the same turn of the event loop: nobody waits for a timer. Each
 * caller gets its own rating's outcome only after its batch committed.
 */

/** A plain rating as the batch takes it: what is written, and the windows its counts look back over. */
export interface PlainArrival extends Omit<PlainWrite, 'pointId' | 'unitId' | 'held'> {
  code: string;
  windowStart: Date;
  historyStart: Date;
  hourStart: Date;
  /** The rules in force when it arrived (a batch is judged under one). */
  limits: ArrivalLimits;
}

export type PlainOutcome =
  | { kind: 'unknown' }
  | { kind: 'limited' }
  | { kind: 'duplicate' }
  | { kind: 'written'; held: string | null }
  /** Not written for a reason the batch cannot tell (a concurrent writer took its key): decide it alone. */
  | { kind: 'retry' };

export interface BatchOps {
  probe: typeof probeArrivals;
  write: typeof writePlainRatings;
}

/** Enough to fill a round trip, small enough that one batch's parameter stays a few tens of KB. */
const MAX_BATCH = 128;
/**
 * Batches written at once per instance. Two at once never share a point, a device or an address range:
 * nothing one judges is counted by the other, so every rating is still judged exactly as if all had come
 * one by one in their order (another instance's are seen as concurrent ones always were, at commit).
 */
const MAX_IN_FLIGHT = 2;

/** What a rating's verdict depends on: its point's, its device's and its range's earlier ratings. */
const keysOf = (a: PlainArrival): string[] => [`p${a.code}`, `d${a.deviceId}`, `r${a.rangeHash}`];

interface Pending {
  arrival: PlainArrival;
  resolve: (o: PlainOutcome) => void;
  reject: (e: unknown) => void;
}

/** Decides and writes one batch: the outcome of each arrival, in order. Throws when a statement failed. */
async function writeBatch(db: Db, ops: BatchOps, arrivals: readonly PlainArrival[]): Promise<PlainOutcome[]> {
  const probeRows: readonly ProbeRow[] = arrivals;
  const probed = await ops.probe(db, probeRows);
  const verdicts = judgeArrivals(
    arrivals.map((a, i) => {
      const p = probed[i]!;
      return {
        pointId: p.point?.active ? p.point.id : null,
        deviceId: a.deviceId,
        rangeHash: a.rangeHash,
        periodStart: a.periodStart,
        at: a.createdAt.getTime(),
        before: p.counts,
        taken: p.taken,
      };
    }),
    arrivals[0]!.limits,
  );
  const rows: PlainWrite[] = [];
  verdicts.forEach((v, i) => {
    const point = probed[i]!.point;
    if (v.kind !== 'write' || !point) return;
    const { code: _code, windowStart: _w, historyStart: _h, hourStart: _hr, limits: _l, ...values } = arrivals[i]!;
    rows.push({ ...values, pointId: point.id, unitId: point.unitId, held: v.held });
  });
  const held = rows.filter((r) => r.held !== null);
  // A held rating's event commits with it; a batch with none is one statement, atomic by itself.
  const written =
    held.length === 0
      ? await ops.write(db, rows)
      : await db.transaction(async (tx) => {
          const ids = await ops.write(tx, rows, true);
          for (const r of held) {
            const ratingId = ids.get(r.lookupCode);
            if (ratingId === undefined) continue;
            await emit(tx, {
              type: 'rating.held',
              ratingId,
              pointId: r.pointId,
              unitId: r.unitId,
              reason: r.held!,
              day: r.ratedOn,
            });
          }
          return ids;
        });
  return verdicts.map((v, i): PlainOutcome => {
    if (v.kind !== 'write') return v;
    return written.has(arrivals[i]!.lookupCode) ? { kind: 'written', held: v.held } : { kind: 'retry' };
  });
}

export interface PlainBatcher {
  submit(arrival: PlainArrival): Promise<PlainOutcome>;
}

export function createPlainBatcher(db: Db, ops: BatchOps = { probe: probeArrivals, write: writePlainRatings }) {
  let queue: Pending[] = [];
  let scheduled = false;
  /** The keys of the batches being written. */
  const writing = new Set<Set<string>>();

  // A failed batch (one bad row, a deadlock with another instance) is tried again one by one, in order,
  // so that the good ratings in it are neither lost nor refused; only a rating failing alone fails.
  async function run(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await writeBatch(
        db,
        ops,
        batch.map((p) => p.arrival),
      );
      batch.forEach((p, i) => p.resolve(outcomes[i]!));
      return;
    } catch (e) {
      if (batch.length === 1) return batch[0]!.reject(e);
    }
    for (const p of batch) {
      try {
        p.resolve((await writeBatch(db, ops, [p.arrival]))[0]!);
      } catch (e) {
        p.reject(e);
      }
    }
  }

  function kick(): void {
    while (writing.size < MAX_IN_FLIGHT && queue.length > 0) {
      // In order: a rating joins the batch unless it shares a key with a batch being written or with an
      // earlier rating left waiting (it must not overtake that one); a batch is judged under one set of rules.
      const blocked = new Set<string>();
      for (const keys of writing) for (const k of keys) blocked.add(k);
      const limits = queue[0]!.arrival.limits;
      const batch: Pending[] = [];
      const keys = new Set<string>();
      const waiting: Pending[] = [];
      for (const p of queue) {
        const ks = keysOf(p.arrival);
        if (batch.length < MAX_BATCH && p.arrival.limits === limits && !ks.some((k) => blocked.has(k))) {
          batch.push(p);
          for (const k of ks) keys.add(k);
        } else {
          waiting.push(p);
          for (const k of ks) blocked.add(k);
        }
      }
      if (batch.length === 0) return;
      queue = waiting;
      writing.add(keys);
      // Outside the request that happened to start it: a held rating's event belongs to its own request.
      emitScope.exit(() => {
        void run(batch).finally(() => {
          writing.delete(keys);
          kick();
        });
      });
    }
  }

  return {
    submit(arrival: PlainArrival): Promise<PlainOutcome> {
      return new Promise<PlainOutcome>((resolve, reject) => {
        queue.push({ arrival, resolve, reject });
        // Not at once but after the requests already read in this turn of the event loop (no timer: a lone
        // rating waits for nothing): PGlite runs a statement on this thread, so a batch started here would
        // leave every other request of the turn to a batch of its own.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            kick();
          });
        }
      });
    },
  } satisfies PlainBatcher;
}

const batchers = new WeakMap<object, PlainBatcher>();
/** The database handle's batcher (one per handle, as its prepared statements). */
export function plainBatcher(db: Db): PlainBatcher {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = createPlainBatcher(db)));
  return b;
}
