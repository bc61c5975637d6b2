import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { buildUnit, buildUser } from '../../test/factories.js';
import type { Database } from '../db/client.js';
import { notifications, outbox } from '../db/schema/index.js';
import { newNotices, noticeConsumer } from '../modules/notifications/index.js';
import { OutboxRelay, type EventConsumer } from './consumer.js';
import { emit } from './emit.js';
import { claimNext } from './repository.js';
import type { DomainEvent } from './types.js';

/** The outbox on this file's database (PGlite, or PostgreSQL in the server-pg project). */
let database: Database;
let unitId: number;
let reporterId: number;
let n = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  unitId = (await buildUnit(database.db, { name: '事件测试局' })).id;
  reporterId = (await buildUser(database.db, { unitId, roles: ['reporter'] })).id;
});
afterAll(() => database.close());

const reviewed = (): DomainEvent => ({
  type: 'report.reviewed',
  reportId: ++n,
  unitId,
  period: '2026-03',
  verdict: 'return',
  reason: `退回理由${n}`,
});
const noticesFor = async (reason: string) =>
  (await database.db.select().from(notifications).where(eq(notifications.userId, reporterId))).filter(
    (r) => r.body === `退回原因：${reason}`,
  );
const pending = async () => (await database.db.select().from(outbox)).filter((r) => r.doneAt === null);

describe('outbox', () => {
  it('keeps no event of a transaction that rolled back', async () => {
    const before = (await database.db.select().from(outbox)).length;
    await database.db
      .transaction(async (tx) => {
        await emit(tx, reviewed());
        throw new Error('the use case failed');
      })
      .catch(() => undefined);
    expect((await database.db.select().from(outbox)).length).toBe(before);
    expect(await new OutboxRelay(database, [noticeConsumer]).drain()).toBe(0);
  });

  it('delivers a committed event once, and not again after a restart', async () => {
    const e = reviewed();
    await database.db.transaction((tx) => emit(tx, e));
    expect(await new OutboxRelay(database, [noticeConsumer]).drain()).toBe(1);
    expect(await noticesFor(`退回理由${n}`)).toHaveLength(1);
    // A new relay (the app restarted) finds nothing left to do.
    expect(await new OutboxRelay(database, [noticeConsumer]).drain()).toBe(0);
    expect(await noticesFor(`退回理由${n}`)).toHaveLength(1);
  });

  it('delivers exactly once when the consumer dies mid-delivery and the app restarts', async () => {
    await database.db.transaction((tx) => emit(tx, reviewed()));
    const reason = `退回理由${n}`;
    // The process dies after the consumer wrote the notice but before the delivery committed.
    await database.db
      .transaction(async (tx) => {
        const entry = await claimNext(tx);
        await noticeConsumer.handle(tx, entry!.event);
        throw new Error('killed');
      })
      .catch(() => undefined);
    expect(await noticesFor(reason)).toHaveLength(0);
    expect(await pending()).toHaveLength(1);
    expect(await new OutboxRelay(database, [noticeConsumer]).drain()).toBe(1);
    expect(await noticesFor(reason)).toHaveLength(1);
    expect(await pending()).toHaveLength(0);
  });

  it('rolls back a failing consumer’s writes and retries the event later, in order with the rest', async () => {
    let fail = true;
    const flaky: EventConsumer = {
      name: 'flaky',
      topics: ['report.reviewed'],
      handle: async () => {
        if (fail) throw new Error('channel down');
      },
    };
    await database.db.transaction((tx) => emit(tx, reviewed()));
    const reason = `退回理由${n}`;
    const relay = new OutboxRelay(database, [noticeConsumer, flaky]);
    expect(await relay.drain()).toBe(1);
    expect(await noticesFor(reason)).toHaveLength(0);
    const [row] = await pending();
    expect(row).toMatchObject({ attempts: 1, lastError: expect.stringContaining('channel down') });
    // Due again now: the retry delivers it, the notice appears once.
    fail = false;
    await database.db
      .update(outbox)
      .set({ availableAt: new Date(0) })
      .where(eq(outbox.id, row!.id));
    expect(await relay.drain()).toBe(1);
    expect(await noticesFor(reason)).toHaveLength(1);
  });

  it('shares the work between two instances without delivering anything twice', async () => {
    const first = n + 1;
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 12; i++) await emit(tx, reviewed());
    });
    const delivered = await Promise.all([
      new OutboxRelay(database, [noticeConsumer]).drain(),
      new OutboxRelay(database, [noticeConsumer]).drain(),
    ]);
    expect(delivered[0]! + delivered[1]!).toBe(12);
    for (let i = first; i <= n; i++) expect(await noticesFor(`退回理由${i}`)).toHaveLength(1);
  });

  it('counts the notices an event would add: its recipients before delivery, none once told', async () => {
    const headId = (await buildUser(database.db, { unitId, roles: ['unit_head'] })).id;
    const reminder: DomainEvent = {
      type: 'report.reminder',
      periodId: 900 + ++n,
      unitId,
      period: '2026-03',
      deadline: '2026-04-07',
      reminder: { kind: 'overdue', daysOverdue: 2 },
    };
    // The unit's reporter and head; the organiser is not told of a unit's reminder.
    expect(await newNotices(database.db, reminder)).toBe(2);
    await database.db.transaction((tx) => emit(tx, reminder));
    expect(await new OutboxRelay(database, [noticeConsumer]).drain()).toBe(1);
    expect(await newNotices(database.db, reminder)).toBe(0);
    const mine = await database.db.select().from(notifications).where(eq(notifications.userId, headId));
    expect(mine.map((r) => [r.title, r.body])).toEqual([
      ['逾期未报：3 月调度', '3 月调度已过截止日期 2026-04-07 2 天，尚未报送，请尽快填报并报送'],
    ]);
    // Delivered again (a crash after the consumer ran): the dedupe key tells nobody twice.
    await noticeConsumer.handle(database.db, reminder);
    expect(await database.db.select().from(notifications).where(eq(notifications.userId, headId))).toHaveLength(1);
  });
});
