import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, onPostgres, serverUrl } from '../../../test/harness.js';
import { openDatabase, queryRows, type Database } from '../../db/client.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordAudit } from './service.js';
import { verifyAuditChain as verifyOnly } from './verify.js';
import { sealAll } from './sealer.js';
import { chainSettings, configureAuditChain } from './chain.js';
import { writeCheckpoint } from './checkpoints.js';
import { entryHash, type ChainedContent } from './hash.js';
import { entriesAfter } from './repository.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const actor = { id: null, name: 'test', address: '127.0.0.1' };

async function withFresh(test: (db: Database['db']) => Promise<void>): Promise<void> {
  const fresh = await createTestDatabase();
  try {
    await test(fresh.db);
  } finally {
    await fresh.close();
  }
}

/** As the server does it: what has committed is sealed, then the chain walked. */
const verifyAuditChain: typeof verifyOnly = async (db, opts) => {
  await sealAll(db);
  return verifyOnly(db, opts);
};

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
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 5, checkpoints: 0 });

    // A DBA with the trigger disabled edits entry 3: the chain names it.
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await db.execute(sql`UPDATE audit_log SET after = '{"name":"篡改"}' WHERE seq = 3`);
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, brokenSeq: 3, reason: 'hash', checked: 5, brokenCount: 1 });
  });

  it('refuses updates and deletes from the application', async () => {
    const { db } = database;
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    // The sealer's one change is refused on a sealed entry, and on an unsealed one that changes its content.
    await expect(db.execute(sql`UPDATE audit_log SET hash = 'x' WHERE seq = 1`)).rejects.toThrow();
    await db.transaction((tx) => recordAudit(tx, actor, { action: 'x', targetType: 'y' }));
    await expect(
      db.execute(sql`UPDATE audit_log SET seq = 1000, prev_hash = 'p', hash = 'h', action = 'z' WHERE seq IS NULL`),
    ).rejects.toThrow();
    await sealAll(db);
  });

  it('takes no lock: writers side by side, some rolled back, make a dense chain in the order they wrote', async () => {
    await withFresh(async (db) => {
      const writes = Array.from({ length: 40 }, (_, i) =>
        db
          .transaction(async (tx) => {
            await recordAudit(tx, actor, { action: 'score.update', targetType: 'score', targetId: i });
            if (i % 5 === 0) throw new Error('rolled back');
          })
          .catch(() => undefined),
      );
      await Promise.all(writes);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 32, checkpoints: 0 });
      const rows = await queryRows<{ seq: string; id: string }>(db, sql`SELECT seq, id FROM audit_log ORDER BY seq`);
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
      // Sealed in the order written: ids rise with seq.
      const ids = rows.map((r) => Number(r.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    });
  });

  it('chains a row inserted without the key as forged, names it, and the chain goes on past it', async () => {
    await withFresh(async (db) => {
      await db.transaction((tx) => recordAudit(tx, actor, { action: 'before.forged', targetType: 'y' }));
      await db.execute(
        sql`INSERT INTO audit_log (at, actor_name, action, target_type, algorithm, mac) VALUES (now(), '伪造', 'score.update', 'score', 'hmac-sha256', ${'0'.repeat(64)})`,
      );
      await db.transaction((tx) => recordAudit(tx, actor, { action: 'after.forged', targetType: 'y' }));
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        checked: 3,
        breaks: [{ seq: 2, reason: 'forged' }],
      });
    });
  });

  it('names an entry held back from the chain long after it was written', async () => {
    await withFresh(async (db) => {
      await db.transaction((tx) => recordAudit(tx, actor, { action: 'x', targetType: 'y' }));
      await db.execute(sql`INSERT INTO audit_log (at, actor_name, action, target_type, algorithm)
        VALUES (now() - interval '2 minutes', '截留', 'x', 'y', 'hmac-sha256')`);
      const [held] = await queryRows<{ id: string }>(db, sql`SELECT id FROM audit_log WHERE actor_name = '截留'`);
      // Walked without sealing, as if the sealer had been stopped: the fresh entry is not named, the old one is.
      expect(await verifyOnly(db)).toMatchObject({
        ok: false,
        breaks: [{ seq: Number(held!.id), reason: 'unsealed' }],
      });
    });
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

/** What someone who owns the tables (but not the key) can do: rewrite entries and recompute their hashes. */
async function rewrite(
  db: Database['db'],
  from: number,
  edit: (c: ChainedContent) => ChainedContent,
  sign: (c: ChainedContent) => { hash: string; algorithm: string },
) {
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  let prevHash: string | undefined;
  for (const row of await entriesAfter(db, from - 1, 1000)) {
    const { hash: _h, algorithm: _a, ...content } = row;
    const next = edit({ ...content, prevHash: prevHash ?? content.prevHash });
    const signed = sign(next);
    await db.execute(
      sql`UPDATE audit_log SET after = ${JSON.stringify(next.after)}::jsonb, prev_hash = ${next.prevHash}, hash = ${signed.hash}, algorithm = ${signed.algorithm} WHERE seq = ${row.seq}`,
    );
    prevHash = signed.hash;
  }
  await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
}

describe('audit chain against its owner', () => {
  let own: Database;
  beforeAll(async () => {
    own = await createTestDatabase();
    for (let i = 1; i <= 6; i++)
      await own.db.transaction((tx) =>
        recordAudit(tx, actor, { action: 'score.update', targetType: 'score', targetId: i, after: { score: 90 + i } }),
      );
  });
  afterAll(async () => own.close());

  it('hashes what the database stores: a lone surrogate or a rare character does not break the chain', async () => {
    const fresh = await createTestDatabase();
    const { db } = fresh;
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { id: null, name: '\ud800', address: null },
        { action: 'auth.login_failed', targetType: 'user', after: { username: 'a\udc00b', k: '𠀀' } },
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 1 });
    await fresh.close();
  });

  it('goes on past a break and lists every broken entry', async () => {
    await rewrite(
      own.db,
      2,
      (c) => c,
      (c) => ({ hash: entryHash('hmac-sha256', c, chainSettings().key), algorithm: 'hmac-sha256' }),
    );
    expect(await verifyAuditChain(own.db)).toMatchObject({ ok: true, checked: 6 });
    // Two separate edits (entries 2 and 5) without recomputing: both are named.
    await own.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await own.db.execute(sql`UPDATE audit_log SET after = '{"score":100}' WHERE seq IN (2, 5)`);
    await own.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const result = await verifyAuditChain(own.db);
    expect(result).toMatchObject({ ok: false, brokenCount: 2, checked: 6 });
    expect(!result.ok && result.breaks).toEqual([
      { seq: 2, reason: 'hash' },
      { seq: 5, reason: 'hash' },
    ]);
  });

  it('catches a recomputed chain: unkeyed (a downgrade) or keyed with a guessed key', async () => {
    await rewrite(
      own.db,
      4,
      (c) => ({ ...c, after: { score: 60 } }),
      (c) => ({ hash: entryHash('sha256', c), algorithm: 'sha256' }),
    );
    const unkeyed = await verifyAuditChain(own.db);
    expect(!unkeyed.ok && unkeyed.breaks.filter((b) => b.seq >= 4)).toEqual([
      { seq: 4, reason: 'unkeyed' },
      { seq: 5, reason: 'unkeyed' },
      { seq: 6, reason: 'unkeyed' },
    ]);
    const guessed = Buffer.from('a guess at the key, 32 characters long');
    await rewrite(
      own.db,
      4,
      (c) => c,
      (c) => ({ hash: entryHash('hmac-sha256', c, guessed), algorithm: 'hmac-sha256' }),
    );
    const keyed = await verifyAuditChain(own.db);
    expect(!keyed.ok && keyed.breaks.filter((b) => b.seq >= 4).map((b) => b.reason)).toEqual(['hash', 'hash', 'hash']);
  });

  it('a signed checkpoint outside the database shows the newest entries were dropped, and a forged one is named', async () => {
    const fresh = await createTestDatabase();
    const { db } = fresh;
    const dir = await mkdtemp(join(tmpdir(), 'leitai-cp-'));
    const file = join(dir, 'checkpoints.jsonl');
    const saved = chainSettings();
    configureAuditChain({ hash: 'sha256', key: saved.key, checkpointFile: file });
    try {
      for (let i = 1; i <= 4; i++)
        await db.transaction((tx) => recordAudit(tx, actor, { action: 'x', targetType: 'y', targetId: i }));
      await sealAll(db);
      expect(await writeCheckpoint(db, undefined)).toBe(4);
      expect(await writeCheckpoint(db, 4)).toBe(4); // nothing new: no second line
      expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(1);
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 4, checkpoints: 1 });

      // The owner deletes the two newest entries: what is left links perfectly, but the checkpoint saw entry 4.
      await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      await db.execute(sql`DELETE FROM audit_log WHERE seq > 2`);
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, breaks: [{ seq: 4, reason: 'truncated' }] });

      // A checkpoint line written without the key is refused, not believed.
      const forged = JSON.stringify({
        seq: 2,
        hash: 'f'.repeat(64),
        at: new Date().toISOString(),
        mac: '0'.repeat(64),
      });
      await writeFile(file, `${await readFile(file, 'utf8')}${forged}\n`);
      const result = await verifyAuditChain(db);
      expect(!result.ok && result.breaks).toEqual([
        { seq: 4, reason: 'truncated' },
        { seq: 2, reason: 'forged_checkpoint' },
      ]);
    } finally {
      configureAuditChain({ hash: 'sha256', key: saved.key, checkpointFile: saved.checkpointFile });
      await fresh.close();
    }
  });
});

describe.runIf(onPostgres)('the application as a role that does not own its tables (docs/security.md)', () => {
  it('appends and reads the audit log, but can neither change it nor switch off its trigger', async () => {
    const owned = await createTestDatabase();
    const [{ name }] = (await queryRows<{ name: string }>(owned.db, sql`SELECT current_database() AS name`)) as [
      { name: string },
    ];
    const role = `leitai_app_${process.pid}`;
    // The grants of docs/security.md, as the owner would run them.
    for (const statement of [
      `CREATE ROLE ${role} LOGIN`,
      `GRANT CONNECT ON DATABASE ${name} TO ${role}`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role}`,
      `GRANT UPDATE (seq, prev_hash, hash) ON audit_log TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    ])
      await owned.db.execute(sql.raw(statement));
    const url = new URL(serverUrl(name));
    url.username = role;
    const app = await openDatabase({ url: url.toString() });
    try {
      await app.db.transaction((tx) => recordAudit(tx, actor, { action: 'x', targetType: 'y' }));
      expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, checked: 1 });
      await expect(app.db.execute(sql`UPDATE audit_log SET action = 'forged'`)).rejects.toMatchObject({
        // Refused by the grant itself, before the trigger is reached.
        cause: { message: expect.stringMatching(/permission denied for table audit_log/) },
      });
      await expect(
        app.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`),
      ).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/must be owner/) },
      });
      await expect(app.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    } finally {
      await app.close();
      await owned.close();
      const admin = await openDatabase({ url: serverUrl('postgres') });
      await admin.db.execute(sql.raw(`DROP ROLE IF EXISTS ${role}`));
      await admin.close();
    }
  });
});
