import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema/index.js';
import { lockDataFolder } from './data-lock.js';
import { emptyCluster, isNewDataFolder, unpackCluster } from './cluster.js';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type Schema = typeof schema;
/** The database handle services and repositories take: either driver, or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Receives NOTIFY payloads on a channel; returns a function that stops listening. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export interface Database {
  db: Db;
  /** Applies pending migrations; on PostgreSQL under an advisory lock, so instances starting together take turns. */
  migrate(): Promise<void>;
  kind: 'pglite' | 'postgres';
  listen: Listen;
  close(): Promise<void>;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (or in memory for 'memory://'). */
export async function openDatabase(opts: { url?: string | undefined; dataDir?: string }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  if (!opts.dataDir || opts.dataDir === 'memory://') {
    return wrapPglite(await PGlite.create({ loadDataDir: await emptyCluster() }));
  }
  const lock = lockDataFolder(opts.dataDir);
  try {
    if (isNewDataFolder(opts.dataDir)) await unpackCluster(opts.dataDir);
    const client = await PGlite.create({ dataDir: opts.dataDir });
    const database = wrapPglite(client);
    return { ...database, close: () => database.close().finally(() => lock.release()) };
  } catch (e) {
    lock.release();
    throw e;
  }
}

export function wrapPglite(client: PGlite): Database {
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { casing: 'snake_case' }), { migrationsFolder }),
    listen: async (channel, onPayload) => client.listen(channel, onPayload),
    close: () => client.close(),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  // An idle connection the server ends (restart, failover, a dropped test database) must not crash the
  // process: the pool replaces it on the next query.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  const listeners = new Set<pg.Client>();
  return {
    db: drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db,
    kind: 'postgres',
    migrate: async () => {
      const single = new pg.Pool({ connectionString: url, max: 1 });
      try {
        await single.query('SELECT pg_advisory_lock(7263001)');
        await migratePg(drizzlePg(single, { casing: 'snake_case' }), { migrationsFolder });
      } finally {
        await single.end();
      }
    },
    // LISTEN needs a dedicated connection: a pooled one would be handed to other queries.
    listen: async (channel, onPayload) => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', (err) => console.warn(`PostgreSQL LISTEN connection lost: ${err.message}`));
      await client.connect();
      listeners.add(client);
      client.on('notification', (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        if (listeners.delete(client)) await client.end();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
}

/** Rows of a raw SQL query. The row type is the caller's claim: raw SQL is not checked by Drizzle. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
