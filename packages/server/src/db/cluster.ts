import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { extract } from 'tar';

/**
 * An empty PGlite cluster, made once with `npm run db:cluster -w @leitai/server` and shipped. Creating one runs
 * initdb's own WebAssembly instance beside the server's: 19 s and a peak of 818 MiB on the development machine,
 * against 1.8 s and 414 MiB to unpack this copy. Every test run loads it (the PGlite globalSetup), so a PGlite
 * upgrade that cannot read it fails the tests, and the file is made again.
 */
export const CLUSTER_FILE = fileURLToPath(new URL('../../assets/pglite-cluster.tar.gz', import.meta.url));

/** The shipped empty cluster, or undefined (a checkout without it creates one the slow way). */
export async function emptyCluster(): Promise<Blob | undefined> {
  if (!existsSync(CLUSTER_FILE)) return undefined;
  return new Blob([await readFile(CLUSTER_FILE)]);
}

/** Whether a data folder holds no cluster yet, so the shipped one is unpacked into it. */
export const isNewDataFolder = (dataDir: string) => !existsSync(join(dataDir, 'PG_VERSION'));

/**
 * Unpacks the shipped cluster into a new data folder on disk, streamed, for PGlite to open as it finds it.
 * Handing PGlite the archive instead (`loadDataDir`) holds its 40 MB unpacked in memory beside the database:
 * 160 MiB more at a first start. PG_VERSION comes last, so a start cut short unpacks again. False when
 * there is no shipped cluster (PGlite then creates one).
 */
export async function unpackCluster(dataDir: string): Promise<boolean> {
  if (!existsSync(CLUSTER_FILE)) return false;
  const staging = join(dataDir, '.cluster-unpacking');
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await extract({ file: CLUSTER_FILE, cwd: staging });
  const entries = (await readdir(staging)).filter((e) => e !== 'PG_VERSION');
  for (const entry of [...entries, 'PG_VERSION']) {
    // Left by an unpacking cut short: without PG_VERSION they were never a cluster.
    await rm(join(dataDir, entry), { recursive: true, force: true });
    await rename(join(staging, entry), join(dataDir, entry));
  }
  await rm(staging, { recursive: true, force: true });
  return true;
}

/**
 * PostgreSQL's default of 128 MB, taken by an embedded database that serves one office, is a fifth of a first
 * start's memory; the rows an office works on fit in far less.
 */
const SHARED_BUFFERS = '32MB';

/** Writes CLUSTER_FILE from a new in-memory cluster of the installed PGlite. */
export async function makeClusterFile(): Promise<void> {
  const client = new PGlite();
  await client.waitReady;
  await client.exec(`ALTER SYSTEM SET shared_buffers = '${SHARED_BUFFERS}'`);
  await writeFile(CLUSTER_FILE, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await client.close();
}
