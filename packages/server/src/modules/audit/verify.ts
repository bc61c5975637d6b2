import type { BreakReason, ChainBreak, AuditVerifyResult } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { chainSettings } from './chain.js';
import { readCheckpoints, type Checkpoint } from './checkpoints.js';
import { entryHash, FORGED_PREFIX, isKeyed } from './hash.js';
import { entriesAfter, staleUnsealed } from './repository.js';

/** Breaks listed in full up to this many; `brokenCount` counts them all. */
const LISTED = 200;

/**
 * Walks the whole chain and lists every break rather than stopping at the first: one damaged entry must
 * not hide later tampering. The first entry kept may link to a purged predecessor, so its prevHash is
 * taken as given. Checkpoints (signed, outside the database) catch the newest entries being dropped.
 */
export async function verifyAuditChain(
  db: Db,
  opts: { key?: Buffer; checkpointFile?: string | null; batchSize?: number; unsealedAfterMs?: number } = {},
): Promise<AuditVerifyResult> {
  const settings = chainSettings();
  const key = opts.key ?? settings.key;
  const file = opts.checkpointFile === undefined ? settings.checkpointFile : opts.checkpointFile;
  const { checkpoints, forgedLines } = file ? await readCheckpoints(file, key) : { checkpoints: [], forgedLines: [] };
  const expected = new Map<number, Checkpoint>(checkpoints.map((c) => [c.seq, c]));
  const breaks: ChainBreak[] = [];
  let brokenCount = 0;
  const broke = (seq: number, reason: BreakReason) => {
    brokenCount++;
    if (breaks.length < LISTED) breaks.push({ seq, reason });
  };

  let checked = 0;
  let prev: { seq: number; hash: string } | undefined;
  let keyedSeen = false;
  for (;;) {
    const rows = await entriesAfter(db, prev?.seq ?? 0, opts.batchSize ?? 5000);
    if (rows.length === 0) break;
    for (const row of rows) {
      const { hash, algorithm, ...content } = row;
      if (prev) for (let s = prev.seq + 1; s < row.seq; s++) broke(s, 'missing');
      if (prev && row.prevHash !== prev.hash) broke(row.seq, 'link');
      if (hash.startsWith(FORGED_PREFIX)) broke(row.seq, 'forged');
      else if (keyedSeen && !isKeyed(algorithm)) broke(row.seq, 'unkeyed');
      else if (entryHash(algorithm, content, key) !== hash) broke(row.seq, 'hash');
      const c = expected.get(row.seq);
      if (c && c.hash !== hash) broke(row.seq, 'checkpoint');
      keyedSeen ||= isKeyed(algorithm);
      checked++;
      prev = { seq: row.seq, hash };
    }
  }
  // A checkpoint past the chain's end saw entries that are no longer there.
  const newest = checkpoints.reduce((m, c) => Math.max(m, c.seq), 0);
  if (newest > (prev?.seq ?? 0)) broke(newest, 'truncated');

  // Entries the sealer should long have chained (their seq is the entry's id): deleted before a
  // sealer could see them is not detectable, but held back from the chain is.
  for (const id of await staleUnsealed(db, opts.unsealedAfterMs ?? 60_000)) broke(id, 'unsealed');
  // Entries in order, then the checkpoint file's bad lines (their seq is a line number).
  for (const line of forgedLines) broke(line, 'forged_checkpoint');
  const counted = { checked, checkpoints: checkpoints.length };
  if (brokenCount === 0) return { ok: true, ...counted };
  return { ok: false, ...counted, brokenSeq: breaks[0]!.seq, reason: breaks[0]!.reason, breaks, brokenCount };
}
