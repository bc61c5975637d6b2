import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, wrapPglite, type Database } from '../src/db/client.js';
import { CLUSTER_FILE, emptyCluster } from '../src/db/cluster.js';
import { configureAuditChain } from '../src/modules/audit/index.js';

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
      ? await loadPglite(await readFile(template))
      : await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return database;
  }
  return clonePostgres(TEMPLATE_DB);
}

async function loadPglite(dataDir: Buffer): Promise<Database> {
  return wrapPglite(await PGlite.create({ loadDataDir: new Blob([dataDir]) }));
}

async function clonePostgres(template: string): Promise<Database> {
  const name = `leitai_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
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

/** What the demo is seeded with; a test that means "now" passes `testNow()`, so its copy can be shared. */
export interface DemoSeed {
  today: Date;
  secret?: string;
}

/** The instant the run started (set by the globalSetup), for demo tests that mean "today". */
export function testNow(): Date {
  const now = process.env.LEITAI_TEST_NOW;
  return now ? new Date(now) : new Date();
}

/**
 * A test app on the demo district, as `npm start` builds it: the audit chain configured, the demo seeded, then
 * the app. The seeding (10–20 s) happens once per run and seed; every test file gets its own copy of the result.
 */
export async function createDemoTestApp(seed: DemoSeed, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  configureAuditChain({ hash: config.auditHash, key: config.auditKey, checkpointFile: config.auditCheckpointFile });
  return startApp(config, await demoDatabase(seed));
}

const seedKey = (seed: DemoSeed) =>
  createHash('sha256')
    .update(`${seed.today.toISOString()}|${seed.secret ?? ''}`)
    .digest('hex')
    .slice(0, 12);

async function seedInto(database: Database, seed: DemoSeed): Promise<void> {
  // Imported here: most test files never seed the demo.
  const { seedDemoIfEmpty } = await import('../src/demo/index.js');
  await seedDemoIfEmpty(database.db, { ...seed, log: () => undefined });
}

async function demoDatabase(seed: DemoSeed): Promise<Database> {
  const key = seedKey(seed);
  if (!onPostgres) {
    // Two workers may both seed the same key at once; each writes its own file and the rename keeps one.
    const folder = process.env.LEITAI_DEMO_CACHE;
    const file = folder && join(folder, `demo-${key}.tar`);
    const saved = file ? await readFile(file).catch(() => null) : null;
    if (saved) return loadPglite(saved);
    const client = await PGlite.create({
      loadDataDir: new Blob([await readFile(process.env.LEITAI_PGLITE_TEMPLATE!)]),
    });
    const database = wrapPglite(client);
    await seedInto(database, seed);
    if (file) {
      await writeFile(`${file}.${process.pid}`, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
      await rename(`${file}.${process.pid}`, file);
    }
    return database;
  }
  // The demo template of this seed, made once per run under a lock (globalSetup dropped the last run's).
  const template = `${TEMPLATE_DB}_demo_${key}`;
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(7263002)');
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template} TEMPLATE ${TEMPLATE_DB}`);
      const database = await openDatabase({ url: serverUrl(template) });
      try {
        await seedInto(database, seed);
      } finally {
        await database.close();
      }
    }
  } finally {
    await admin.end();
  }
  return clonePostgres(template);
}

/** Used by the server-pg project's globalSetup: (re)creates the migrated template once per run. */
export async function prepareTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  const demos = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `${TEMPLATE_DB}_demo_%`,
  ]);
  for (const { datname } of demos.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
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
  return startApp(testConfig(overrides), await createTestDatabase());
}

async function startApp(config: Config, database: Database): Promise<TestApp> {
  const app = await buildApp({ config, database });
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
  // From the shipped empty cluster, as every new data folder starts: a PGlite that cannot read it fails here.
  const cluster = await emptyCluster();
  if (!cluster) throw new Error(`${CLUSTER_FILE} is missing: npm run db:cluster -w @leitai/server`);
  const client = await PGlite.create({ loadDataDir: cluster });
  await wrapPglite(client).migrate();
  const file = join(tmpdir(), `leitai-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await client.close();
  return file;
}
