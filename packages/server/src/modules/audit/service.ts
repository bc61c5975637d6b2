import type { Db } from '../../db/client.js';
import { entryHash, GENESIS_HASH, type HashAlgorithm } from './hash.js';
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

let algorithm: HashAlgorithm = 'sha256';
/** Set once at start from configuration (AUDIT_HASH). */
export function setAuditAlgorithm(a: HashAlgorithm): void {
  algorithm = a;
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so the change and its
 * record commit together or not at all.
 */
export async function recordAudit(tx: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
  const last = await lockChainEnd(tx);
  const content = {
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
  };
  await appendEntry(tx, { ...content, hash: entryHash(algorithm, content), algorithm });
}
