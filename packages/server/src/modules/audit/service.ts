import type { Db } from '../../db/client.js';
import { chainSettings } from './chain.js';
import { entryHash, GENESIS_HASH, storable, type ChainedContent } from './hash.js';
import { appendEntry, lockChainEnd } from './repository.js';

/** Who did it, from where. Anonymous actors (a judge by code, the public) carry a descriptive name. */
export interface AuditActor {
  id: number | null;
  name: string;
  address: string | null;
}

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so the change and its
 * record commit together or not at all.
 */
export async function recordAudit(tx: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
  const { algorithm, key } = chainSettings();
  const last = await lockChainEnd(tx);
  const content = storable({
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
    unitId: event.unitId ?? null,
    // Round-trip through JSON so the hash covers exactly what jsonb will store.
    before: event.before === undefined ? null : (JSON.parse(JSON.stringify(event.before)) as unknown),
    after: event.after === undefined ? null : (JSON.parse(JSON.stringify(event.after)) as unknown),
    address: actor.address,
    prevHash: last?.hash ?? GENESIS_HASH,
  }) as ChainedContent;
  const hash = entryHash(algorithm, content, key);
  const stored = await appendEntry(tx, { ...content, hash, algorithm });
  // The hash is checked against the row as the database keeps it: an entry that would not verify
  // is never written (the change it records rolls back with it) rather than breaking the chain.
  if (entryHash(algorithm, stored, key) !== hash)
    throw new Error(`audit entry ${content.seq} would not verify as stored; the change is not made`);
}
