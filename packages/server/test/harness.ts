import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, wrapPglite, type Database } from '../src/db/client.js';

/**
 * Database tests run on a fresh in-memory PGlite per test file, or, in the `server-pg` project
 * (TEST_DATABASE_URL set), on a PostgreSQL database cloned from a migrated template.
 */
export const onPostgres = process.env.LEITAI_TEST_DB === 'postgres';
// LEITAI_TEST_TEMPLATE lets two checkouts run their PostgreSQL tests side by side.
export const TEMPLATE_DB = process.env.LEITAI_TEST_TEMPLATE ?? 'leitai_test_template';

export function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<Database> {
  if (!onPostgres) {
    // A copy of the data folder the project's globalSetup migrated once: a new PGlite runs initdb and 21
    // migrations, several seconds per file on a loaded 2-core machine; loading the copy takes about one.
    const template = process.env.LEITAI_PGLITE_TEMPLATE;
    const database = template
      ? wrapPglite(await PGlite.create({ loadDataDir: new Blob([await readFile(template)]) }))
      : await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return database;
  }
  const name = `leitai_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ url: serverUrl(name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl('postgres') });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** Used by the server-pg project's globalSetup: (re)creates the migrated template once per run. */
export async function prepareTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ url: serverUrl(TEMPLATE_DB) });
  await database.migrate();
  await database.close();
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(overrides), database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Used by the server project's globalSetup: migrates one in-memory PGlite and writes its data folder to a file
 * that every test file's database is loaded from. Returns the file, to be removed at teardown.
 */
export async function preparePgliteTemplate(): Promise<string> {
  const client = await PGlite.create();
  await wrapPglite(client).migrate();
  const file = join(tmpdir(), `leitai-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await client.close();
  return file;
}
