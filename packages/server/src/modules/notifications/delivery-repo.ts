import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deliveries, deliveryPrefs, deliveryRobots, users } from '../../db/schema/index.js';
import type { Channel } from '@leitai/core';

/** SQL of the outside deliveries: the queue, the robots, people's own channels. Rows map to the types below. */

export interface RobotRow {
  id: number;
  unitId: number;
  kind: 'wecom' | 'dingtalk';
  name: string;
  webhook: string;
  secret: string | null;
  keywords: string[];
  enabled: boolean;
  bucket: number[];
}

export interface PrefsRow {
  userId: number;
  phone: string | null;
  smsOn: boolean;
  email: string | null;
  emailOn: boolean;
}

export interface DeliveryRow {
  id: number;
  channel: Channel;
  robotId: number | null;
  userId: number | null;
  address: string | null;
  notificationIds: number[];
  title: string;
  body: string;
  link: string | null;
  urgent: boolean;
  state: 'pending' | 'sending' | 'sent' | 'dead';
  notBefore: Date;
  attempts: number;
  lastError: string | null;
  digest: boolean;
  sentAt: Date | null;
  createdAt: Date;
}

const robotCols = {
  id: deliveryRobots.id,
  unitId: deliveryRobots.unitId,
  kind: deliveryRobots.kind,
  name: deliveryRobots.name,
  webhook: deliveryRobots.webhook,
  secret: deliveryRobots.secret,
  keywords: deliveryRobots.keywords,
  enabled: deliveryRobots.enabled,
  bucket: deliveryRobots.bucket,
};
const toRobot = (r: { kind: string; bucket: unknown } & Omit<RobotRow, 'kind' | 'bucket'>): RobotRow => ({
  ...r,
  kind: r.kind === 'dingtalk' ? 'dingtalk' : 'wecom',
  bucket: Array.isArray(r.bucket) ? r.bucket.filter((t): t is number => typeof t === 'number') : [],
});

export async function robotsOfUnits(tx: Db, unitIds: number[]): Promise<RobotRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select(robotCols)
    .from(deliveryRobots)
    .where(and(inArray(deliveryRobots.unitId, unitIds), eq(deliveryRobots.enabled, true)));
  return rows.map(toRobot);
}

export async function allRobots(db: Db): Promise<RobotRow[]> {
  return (
    await db.select(robotCols).from(deliveryRobots).orderBy(asc(deliveryRobots.unitId), asc(deliveryRobots.id))
  ).map(toRobot);
}

export async function robotById(db: Db, id: number, lock = false): Promise<RobotRow | undefined> {
  const q = db.select(robotCols).from(deliveryRobots).where(eq(deliveryRobots.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ? toRobot(row) : undefined;
}

export async function insertRobot(tx: Db, r: Omit<RobotRow, 'id' | 'bucket'>): Promise<number> {
  const [row] = await tx.insert(deliveryRobots).values(r).returning({ id: deliveryRobots.id });
  return row!.id;
}

export async function updateRobot(tx: Db, id: number, patch: Partial<Omit<RobotRow, 'id' | 'bucket'>>): Promise<void> {
  await tx
    .update(deliveryRobots)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(deliveryRobots.id, id));
}

export async function deleteRobot(tx: Db, id: number): Promise<void> {
  await tx.delete(deliveryRobots).where(eq(deliveryRobots.id, id));
}

export async function setBucket(tx: Db, id: number, bucket: number[]): Promise<void> {
  await tx.update(deliveryRobots).set({ bucket }).where(eq(deliveryRobots.id, id));
}

export async function prefsOf(db: Db, userIds: number[]): Promise<PrefsRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: deliveryPrefs.userId,
      phone: deliveryPrefs.phone,
      smsOn: deliveryPrefs.smsOn,
      email: deliveryPrefs.email,
      emailOn: deliveryPrefs.emailOn,
    })
    .from(deliveryPrefs)
    .where(inArray(deliveryPrefs.userId, userIds));
}

export async function upsertPrefs(tx: Db, p: PrefsRow): Promise<void> {
  const { userId: _key, ...rest } = p;
  await tx
    .insert(deliveryPrefs)
    .values(p)
    .onConflictDoUpdate({ target: deliveryPrefs.userId, set: { ...rest, updatedAt: new Date() } });
}

export async function unitsOfUsers(tx: Db, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, unitId: users.unitId }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.unitId]));
}

export type NewDelivery = Pick<
  DeliveryRow,
  'channel' | 'robotId' | 'userId' | 'address' | 'notificationIds' | 'title' | 'body' | 'link' | 'urgent' | 'notBefore'
>;

export async function insertDeliveries(tx: Db, rows: NewDelivery[]): Promise<void> {
  if (rows.length > 0) await tx.insert(deliveries).values(rows);
}

const deliveryCols = {
  id: deliveries.id,
  channel: deliveries.channel,
  robotId: deliveries.robotId,
  userId: deliveries.userId,
  address: deliveries.address,
  notificationIds: deliveries.notificationIds,
  title: deliveries.title,
  body: deliveries.body,
  link: deliveries.link,
  urgent: deliveries.urgent,
  state: deliveries.state,
  notBefore: deliveries.notBefore,
  attempts: deliveries.attempts,
  lastError: deliveries.lastError,
  digest: deliveries.digest,
  sentAt: deliveries.sentAt,
  createdAt: deliveries.createdAt,
};
// The columns hold only the values the worker writes (core's Channel, the four states).
const toDelivery = (r: Record<keyof typeof deliveryCols, unknown>) => r as unknown as DeliveryRow;

/**
 * Due deliveries no other transaction holds, locked until this one ends: pending ones whose time has
 * come, and sending ones whose lease ran out (their worker died mid-call).
 */
export async function claimDue(tx: Db, now: Date, limit: number): Promise<DeliveryRow[]> {
  const rows = await tx
    .select(deliveryCols)
    .from(deliveries)
    .where(
      or(
        and(eq(deliveries.state, 'pending'), lte(deliveries.notBefore, now)),
        and(eq(deliveries.state, 'sending'), lte(deliveries.leaseUntil, now)),
      ),
    )
    .orderBy(asc(deliveries.notBefore), asc(deliveries.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map(toDelivery);
}

export async function postpone(tx: Db, ids: number[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(deliveries)
    .set({ state: 'pending', notBefore: until, leaseUntil: null })
    .where(inArray(deliveries.id, ids));
}

export async function lease(tx: Db, ids: number[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(deliveries)
    .set({ state: 'sending', leaseUntil: until, attempts: sql`${deliveries.attempts} + 1` })
    .where(inArray(deliveries.id, ids));
}

/** Marks leased deliveries sent; one whose lease another worker took over meanwhile is left alone. */
export async function markSent(tx: Db, ids: number[], at: Date, digest: boolean): Promise<void> {
  await tx
    .update(deliveries)
    .set({ state: 'sent', sentAt: at, leaseUntil: null, digest, lastError: null })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.state, 'sending')));
}

export async function markFailure(tx: Db, ids: number[], error: string, retryAt: Date | null): Promise<void> {
  await tx
    .update(deliveries)
    .set({
      state: retryAt ? 'pending' : 'dead',
      notBefore: retryAt ?? sql`${deliveries.notBefore}`,
      leaseUntil: null,
      lastError: error.slice(0, 500),
    })
    .where(and(inArray(deliveries.id, ids), eq(deliveries.state, 'sending')));
}

export async function deadLetters(db: Db, limit: number): Promise<DeliveryRow[]> {
  const rows = await db
    .select(deliveryCols)
    .from(deliveries)
    .where(eq(deliveries.state, 'dead'))
    .orderBy(desc(deliveries.id))
    .limit(limit);
  return rows.map(toDelivery);
}

export async function deliveryById(db: Db, id: number): Promise<DeliveryRow | undefined> {
  const [row] = await db.select(deliveryCols).from(deliveries).where(eq(deliveries.id, id));
  return row ? toDelivery(row) : undefined;
}

/** A dead letter back in the queue, due at `at`, with a fresh count of attempts. */
export async function requeue(tx: Db, id: number, at: Date): Promise<boolean> {
  const rows = await tx
    .update(deliveries)
    .set({ state: 'pending', notBefore: at, attempts: 0, leaseUntil: null })
    .where(and(eq(deliveries.id, id), eq(deliveries.state, 'dead')))
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/** The deliveries carrying any of the notices: their receipts. */
export async function deliveriesOfNotices(db: Db, noticeIds: number[]): Promise<DeliveryRow[]> {
  if (noticeIds.length === 0) return [];
  const list = sql.join(
    noticeIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db
    .select(deliveryCols)
    .from(deliveries)
    .where(sql`${deliveries.notificationIds} && ARRAY[${list}]::integer[]`)
    .orderBy(asc(deliveries.id));
  return rows.map(toDelivery);
}
