import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/harness.js';
import { queryRows, type Database } from '../../db/client.js';
import { recordAudit } from './service.js';
import { verifyAuditChain } from './verify.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const actor = { id: null, name: 'test', address: '127.0.0.1' };

describe('audit chain', () => {
  it('verifies an intact chain and names the first tampered entry', async () => {
    const { db } = database;
    for (let i = 1; i <= 5; i++) {
      await db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'unit.update',
          targetType: 'unit',
          targetId: i,
          before: { name: `旧${i}`, n: 1.5 },
          after: { name: `新${i}`, tags: ['a', 'b'] },
        }),
      );
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 5 });

    // A DBA with the trigger disabled edits entry 3: the chain names it.
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await db.execute(sql`UPDATE audit_log SET after = '{"name":"篡改"}' WHERE seq = 3`);
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 3, checked: 2 });
  });

  it('refuses updates and deletes from the application', async () => {
    const { db } = database;
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });

  it('writes nothing when the surrounding transaction fails', async () => {
    const { db } = database;
    const countRows = async () =>
      (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log`))[0]?.n;
    const before = await countRows();
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, actor, { action: 'x', targetType: 'y' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await countRows()).toBe(before);
  });
});
