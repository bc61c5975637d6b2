import type { Db } from '../../db/client.js';
import { chainSettings } from './chain.js';
import { entryMac, storable, type EntryContent } from './hash.js';
import { appendEntry } from './repository.js';
import { entryWritten } from './sealer.js';

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
 * record commit together or not at all. It takes no lock: the sealer gives the entry its place in the
 * chain once the transaction has committed (sealer.ts).
 */
export async function recordAudit(tx: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
  const { algorithm, key } = chainSettings();
  const content = storable({
    at: new Date(),
    actorId: actor.id,
    actorName: actor.name,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
    unitId: event.unitId ?? null,
    // Round-trip through JSON so the MAC covers exactly what jsonb will store.
    before: event.before === undefined ? null : (JSON.parse(JSON.stringify(event.before)) as unknown),
    after: event.after === undefined ? null : (JSON.parse(JSON.stringify(event.after)) as unknown),
    address: actor.address,
  }) as EntryContent;
  const mac = entryMac(algorithm, content, key);
  const stored = await appendEntry(tx, { ...content, algorithm, mac });
  // Checked against the row as the database keeps it: an entry that would not verify is never written
  // (the change it records rolls back with it) rather than being chained as forged.
  if (entryMac(algorithm, stored, key) !== mac)
    throw new Error('audit entry would not verify as stored; the change is not made');
  entryWritten();
}
