import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Db } from '../../db/client.js';
import { chainSettings } from './chain.js';
import { chainEnd } from './repository.js';

/**
 * A signed note of the chain's end (its last sequence number and hash), kept outside the database: a file of
 * JSON lines, and the server's log. Whoever can rewrite the tables can drop the newest entries and leave a
 * chain that links; a checkpoint the database cannot change shows they were there.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

const mac = (key: Buffer, c: Checkpoint) =>
  createHmac('sha256', key).update(`${c.seq}\n${c.hash}\n${c.at}`).digest('hex');

export const signCheckpoint = (key: Buffer, c: Checkpoint): string => JSON.stringify({ ...c, mac: mac(key, c) });

/** The file's checkpoints whose signature holds, and the line numbers of those whose does not. */
export async function readCheckpoints(
  file: string,
  key: Buffer,
): Promise<{ checkpoints: Checkpoint[]; forgedLines: number[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], forgedLines: [] };
    throw e;
  }
  const checkpoints: Checkpoint[] = [];
  const forgedLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const c = JSON.parse(line) as Checkpoint & { mac: string };
      const want = Buffer.from(mac(key, { seq: c.seq, hash: c.hash, at: c.at }), 'hex');
      const got = Buffer.from(String(c.mac), 'hex');
      if (Number.isSafeInteger(c.seq) && got.length === want.length && timingSafeEqual(got, want))
        checkpoints.push({ seq: c.seq, hash: c.hash, at: c.at });
      else forgedLines.push(i + 1);
    } catch {
      forgedLines.push(i + 1);
    }
  });
  return { checkpoints, forgedLines };
}

/**
 * Appends a checkpoint when the chain has grown since `last`; returns the chain's end. Only committed
 * entries are seen, so a checkpoint never names an entry that could still roll back.
 */
export async function writeCheckpoint(
  db: Db,
  last: number | undefined,
  log?: (line: string) => void,
): Promise<number | undefined> {
  const { key, checkpointFile } = chainSettings();
  const end = await chainEnd(db);
  if (!checkpointFile || !end || end.seq === last) return end?.seq ?? last;
  const line = signCheckpoint(key, { seq: end.seq, hash: end.hash, at: new Date().toISOString() });
  await mkdir(dirname(checkpointFile), { recursive: true });
  await appendFile(checkpointFile, `${line}\n`, { mode: 0o600 });
  log?.(line);
  return end.seq;
}

/** Writes a checkpoint every `intervalMs` while the server runs, and a last one when it stops. */
export function startCheckpoints(
  db: Db,
  opts: { intervalMs?: number; log?: (line: string) => void; onError?: (err: unknown) => void } = {},
): { stop(): Promise<void> } {
  let last: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running
      .then(async () => {
        last = await writeCheckpoint(db, last, opts.log);
      })
      .catch((err: unknown) => opts.onError?.(err));
    return running;
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await tick();
    },
  };
}
