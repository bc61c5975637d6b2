import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process per embedded data folder. PGlite keeps no lock of its own, and two processes writing one folder
 * lose acknowledged writes. The lock file names the owner's PID and its start time (so a PID reused after a
 * crash or a reboot is not mistaken for the owner); a lock whose owner is gone is taken over.
 */
export class DataFolderInUse extends Error {}

export interface DataLock {
  release(): void;
}

const LOCK_NAME = 'leitai.lock';

export function lockDataFolder(dataDir: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_NAME);
  const mine = JSON.stringify({ pid: process.pid, started: startTime(process.pid) });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return { release: () => releaseIfMine(path, mine) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const raw = readFileSafe(path);
    const held = raw === null ? null : parseLock(raw);
    if (held && isAlive(held)) {
      throw new DataFolderInUse(
        `The data folder ${dataDir} is in use by another Leitai process (PID ${held.pid}). ` +
          'Stop it first; command-line tools cannot open the embedded database while the server runs.',
      );
    }
    // The owner is gone (a crash): take the lock over. Re-read just before removing, so a lock another
    // starting process has just written is not removed.
    if (readFileSafe(path) === raw) unlinkQuiet(path);
  }
  throw new DataFolderInUse(`Could not take the lock on the data folder ${dataDir}; try again.`);
}

interface Held {
  pid: number;
  started: string | null;
}

function parseLock(raw: string): Held | null {
  try {
    const parsed = JSON.parse(raw) as Partial<Held>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, started: parsed.started ?? null } : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function isAlive(held: Held): boolean {
  if (held.pid === process.pid) return held.started === startTime(process.pid);
  try {
    process.kill(held.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTime(held.pid);
  return held.started === null || started === null || started === held.started;
}

/** The process's start time in clock ticks since boot (Linux), or null where /proc is not there. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces, so count from the closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function releaseIfMine(path: string, mine: string): void {
  if (readFileSafe(path) === mine) unlinkQuiet(path);
}

function readFileSafe(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
