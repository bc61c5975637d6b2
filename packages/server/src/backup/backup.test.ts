import { afterEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { auditLog, units } from '../db/schema/index.js';
import { recordAudit, verifyAuditChain } from '../modules/audit/index.js';
import { buildUnit } from '../../test/factories.js';
import { onPostgres, serverUrl, TEMPLATE_DB } from '../../test/harness.js';
import { backup, restore, type Target } from './index.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'leitai-backup-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

async function fill(database: Database): Promise<void> {
  const { db } = database;
  const unit = await buildUnit(db, { name: '城阳区发改局' });
  for (let i = 0; i < 3; i++) {
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { id: null, name: 'test', address: '127.0.0.1' },
        {
          action: 'unit.update',
          targetType: 'unit',
          targetId: unit.id,
          before: { n: i },
          after: { n: i + 1 },
        },
      ),
    );
  }
}

async function contents(database: Database) {
  const [[u], [a]] = await Promise.all([
    database.db.select({ n: count() }).from(units),
    database.db.select({ n: count() }).from(auditLog),
  ]);
  return { units: u!.n, audit: a!.n, chain: await verifyAuditChain(database.db) };
}

async function roundTrip(source: Target, target: Target, file: string) {
  const open = (t: Target) => openDatabase('url' in t ? { url: t.url } : { dataDir: t.dataDir });
  const original = await open(source);
  await original.migrate();
  await fill(original);
  const before = await contents(original);
  await original.close();

  await backup(source, file);
  await restore(target, file);
  const restored = await open(target);
  const after = await contents(restored);
  await restored.close();
  expect(before.chain).toMatchObject({ ok: true });
  expect(after).toEqual(before);
  await expect(restore(target, file)).rejects.toThrow(/not empty/);
}

describe('backup and restore', () => {
  // Two on-disk PGlite folders are created and opened several times: slow on a busy machine.
  it.skipIf(onPostgres)(
    'round-trips the embedded database with its audit chain intact',
    { timeout: 240_000 },
    async () => {
      const dir = tmp();
      await roundTrip({ dataDir: join(dir, 'data') }, { dataDir: join(dir, 'restored') }, join(dir, 'b.tar.gz'));
    },
  );

  it.skipIf(!onPostgres)('round-trips a PostgreSQL database through pg_dump and pg_restore', async () => {
    const admin = new pg.Client({ connectionString: serverUrl('postgres') });
    await admin.connect();
    const names = [`leitai_bk_${process.pid}_a`, `leitai_bk_${process.pid}_b`];
    await admin.query(`CREATE DATABASE ${names[0]} TEMPLATE ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${names[1]}`);
    cleanups.push(async () => {
      for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.end();
    });
    const dir = tmp();
    await roundTrip({ url: serverUrl(names[0]!) }, { url: serverUrl(names[1]!) }, join(dir, 'b.dump'));
  });
});
