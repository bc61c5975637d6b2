import { clockNow } from '../../jobs/clock.js';
import type { Db } from '../../db/client.js';
import { insertDeliveries, prefsOf, robotsOfUnits, unitsOfUsers, type NewDelivery } from './delivery-repo.js';
import type { NotificationInput } from './service.js';

/**
 * The outside deliveries of new notices, queued in the transaction that writes the notices (the
 * outbox's delivery of the event): they commit together or not at all, so a crash neither loses a
 * message nor queues one twice. Each unit's enabled robots get one message for the notices of the
 * unit's people; each person with SMS or email on gets their own. Nothing configured, nothing queued.
 */
export async function enqueueDeliveries(
  tx: Db,
  notice: NotificationInput,
  created: { id: number; userId: number }[],
): Promise<void> {
  if (created.length === 0) return;
  const userIds = created.map((c) => c.userId);
  const unitOf = await unitsOfUsers(tx, userIds);
  const byUnit = new Map<number, number[]>();
  for (const c of created) {
    const unit = unitOf.get(c.userId);
    if (unit !== undefined) byUnit.set(unit, [...(byUnit.get(unit) ?? []), c.id]);
  }
  const now = clockNow();
  const base = {
    title: notice.title,
    body: notice.body ?? '',
    link: notice.link ?? null,
    urgent: notice.urgent ?? false,
    notBefore: now,
  };
  const rows: NewDelivery[] = [];
  for (const robot of await robotsOfUnits(tx, [...byUnit.keys()]))
    rows.push({
      ...base,
      channel: robot.kind,
      robotId: robot.id,
      userId: null,
      address: null,
      notificationIds: byUnit.get(robot.unitId) ?? [],
    });
  const noticeOf = new Map(created.map((c) => [c.userId, c.id]));
  for (const p of await prefsOf(tx, userIds)) {
    const id = noticeOf.get(p.userId)!;
    if (p.smsOn && p.phone)
      rows.push({ ...base, channel: 'sms', robotId: null, userId: p.userId, address: p.phone, notificationIds: [id] });
    if (p.emailOn && p.email)
      rows.push({
        ...base,
        channel: 'email',
        robotId: null,
        userId: p.userId,
        address: p.email,
        notificationIds: [id],
      });
  }
  await insertDeliveries(tx, rows);
}
