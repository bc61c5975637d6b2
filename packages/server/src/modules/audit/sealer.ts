import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { chainSettings } from './chain.js';
import { entryHash, entryMac, FORGED_PREFIX, GENESIS_HASH, type ChainedContent } from './hash.js';
import { CHAIN_LOCK, chainEnd, sealEntries, unsealed } from './repository.js';

/**
 * The chain is sealed after commit, not by the writers: a writer inserts its entry with a MAC and takes no
 * lock, and the sealer, alone under the chain's lock in a short transaction of its own, gives committed
 * entries their place (`seq`) and links (`prev_hash`, `hash`) in the order they were written. An entry
 * whose transaction rolled back never becomes visible, so it leaves no gap in the chain; one that commits
 * late is chained in a later round. An entry whose MAC does not hold (inserted by someone without the key)
 * is chained as forged: the chain links through it and verify names it.
 */
export async function sealOnce(db: Db, batch = 1000): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK}) AS locked`,
    );
    if (!lock?.locked) return 0; // another instance is sealing; it will take these too
    const rows = await unsealed(tx, batch);
    if (rows.length === 0) return 0;
    const { key } = chainSettings();
    let last = (await chainEnd(tx)) ?? { seq: 0, hash: GENESIS_HASH };
    const links = rows.map(({ id, mac, ...content }) => {
      const { algorithm, ...own } = content;
      const chained: ChainedContent = { ...own, seq: last.seq + 1, prevHash: last.hash };
      const hash = entryHash(algorithm, chained, key);
      const genuine = mac !== null && mac === entryMac(algorithm, own, key);
      last = { seq: chained.seq, hash: genuine ? hash : `${FORGED_PREFIX}${hash}` };
      return { id, seq: last.seq, prevHash: chained.prevHash, hash: last.hash };
    });
    await sealEntries(tx, links);
    return rows.length;
  });
}

/** Seals until nothing committed is left unsealed. */
export async function sealAll(db: Db, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealOnce(db, batch);
    total += n;
    if (n < batch) return total;
  }
}

const sealers = new Set<() => void>();
let soon: NodeJS.Timeout | undefined;

/**
 * Called by the writer: wakes this process's sealer shortly, by when the writer's transaction has most
 * likely committed (if not, the next wake or sweep takes it). Not a NOTIFY: PostgreSQL serialises the commits
 * of every transaction that notifies, which would bring back the queue this design removes.
 */
export function entryWritten(): void {
  if (soon || sealers.size === 0) return;
  soon = setTimeout(() => {
    soon = undefined;
    for (const wake of sealers) wake();
  }, WAKE_DELAY_MS);
  soon.unref();
}
const WAKE_DELAY_MS = 20;

/**
 * Runs the sealer while the server runs: woken after this process's audited writes, and every `sweepMs` for
 * entries other instances' sealers have not taken (one that stopped). Several instances may run one each:
 * the chain's lock lets one seal at a time.
 */
export function startSealer(
  database: Database,
  opts: { sweepMs?: number; onError?: (err: unknown) => void } = {},
): { stop(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const wake = () => {
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      try {
        await sealAll(database.db);
      } catch (err) {
        opts.onError?.(err);
      }
    });
  };
  sealers.add(wake);
  const timer = setInterval(wake, opts.sweepMs ?? 1_000);
  timer.unref();
  wake();
  return {
    /** Resolves when every entry committed so far is sealed (tests, and before a checkpoint). */
    async idle() {
      wake();
      await running;
    },
    async stop() {
      clearInterval(timer);
      sealers.delete(wake);
      wake();
      await running;
    },
  };
}
