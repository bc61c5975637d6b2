import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataFolder } from '../db/data-lock.js';

/**
 * Backup and restore for an office's IT staff. PostgreSQL: `pg_dump` in its custom format and `pg_restore`
 * (the server's own tools, so any PostgreSQL administrator can read the file). The embedded database: PGlite's
 * own dump of its data folder (a .tar.gz), taken under the folder's lock, so it is consistent and never taken
 * while a server is writing — stop the server first (the command says so if it is running).
 */
export type Target = { url: string } | { dataDir: string };

export async function backup(target: Target, file: string): Promise<{ bytes: number }> {
  if ('url' in target) {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, target.url]);
    return { bytes: (await readFile(file)).length };
  }
  if (!existsSync(target.dataDir) || readdirSync(target.dataDir).length === 0)
    throw new Error(`There is no embedded database in ${target.dataDir} to back up.`);
  const lock = lockDataFolder(target.dataDir);
  try {
    const client = new PGlite(target.dataDir);
    await client.waitReady;
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    const bytes = Buffer.from(await dump.arrayBuffer());
    await writeFile(file, bytes);
    return { bytes: bytes.length };
  } finally {
    lock.release();
  }
}

/** Restores into an empty database (or an empty or absent data folder); never over existing data. */
export async function restore(target: Target, file: string): Promise<void> {
  const content = await readFile(file);
  if ('url' in target) {
    if (content.subarray(0, 5).toString() !== 'PGDMP')
      throw new Error(`${file} is not a PostgreSQL backup (pg_dump custom format).`);
    await refuseNonEmpty(target.url);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, file]);
    return;
  }
  if (content[0] !== 0x1f || content[1] !== 0x8b) throw new Error(`${file} is not a backup of the embedded database.`);
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0)
    throw new Error(`${target.dataDir} is not empty: restore into a new folder (or move this one aside first).`);
  const lock = lockDataFolder(target.dataDir);
  try {
    const client = new PGlite(target.dataDir, { loadDataDir: new Blob([content]) });
    await client.waitReady;
    await client.close();
  } finally {
    lock.release();
  }
}

async function refuseNonEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    if (Number(rows[0]?.n) > 0)
      throw new Error('The target database is not empty: restore into a new, empty database.');
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (e) =>
      reject(new Error(`${command} could not be run (${e.message}); is PostgreSQL's client installed?`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
