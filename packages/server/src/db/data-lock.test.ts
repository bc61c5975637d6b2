import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderInUse, lockDataFolder } from './data-lock.js';
import { openDatabase } from './client.js';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'leitai-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('one process per embedded data folder', () => {
  it('refuses to open a held folder before touching it, and frees the folder on release', async () => {
    const dir = folder();
    const held = lockDataFolder(dir);
    // openDatabase takes the lock before PGlite opens anything, so this fails at once.
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataFolderInUse);
    expect(() => lockDataFolder(dir)).toThrow(/in use by another Leitai process/);
    held.release();
    lockDataFolder(dir).release();
  });

  it('refuses a folder locked by another live process', () => {
    const dir = folder();
    const parentStat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const started = parentStat.slice(parentStat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(dir, 'leitai.lock'), JSON.stringify({ pid: process.ppid, started }));
    expect(() => lockDataFolder(dir)).toThrow(`PID ${process.ppid}`);
  });

  it('takes over the lock of a process that is gone, or of a PID now used by another process', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, 'leitai.lock'), JSON.stringify({ pid: gone, started: '1' }));
    lockDataFolder(dir).release();
    // The parent is alive, but it did not start at tick 1: its PID was reused, the lock is stale.
    writeFileSync(join(dir, 'leitai.lock'), JSON.stringify({ pid: process.ppid, started: '1' }));
    const lock = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, 'leitai.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
