import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '@leitai/server';

/**
 * A scratch database for a bench: with DATABASE_URL a PostgreSQL database `<name>_<pid>` created beside it
 * and dropped after; without, a temporary PGlite data folder. `env` is how a server process opens it.
 */
export async function scratch(name: string): Promise<{
  open: () => Promise<Database>;
  drop: () => Promise<void>;
  where: 'PGlite' | 'PostgreSQL';
  env: Record<string, string>;
  url?: string;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), `${name.replaceAll('_', '-')}-`));
    return {
      open: () => openDatabase({ dataDir: dir }),
      where: 'PGlite',
      env: { LEITAI_BENCH_DIR: dir, LEITAI_DATA_DIR: dir },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const db = `${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${db}`;
  return {
    open: () => openDatabase({ url: u.toString() }),
    where: 'PostgreSQL',
    env: { LEITAI_BENCH_URL: u.toString(), DATABASE_URL: u.toString() },
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await a.end();
    },
  };
}
