import type { Db } from '../../db/client.js';
import { entryHash } from './hash.js';
import { entriesAfter } from './repository.js';

export type VerifyResult =
  { ok: true; checked: number } | { ok: false; checked: number; brokenSeq: number; reason: string };

/**
 * Walks the chain in order. The first entry kept may link to a purged predecessor, so its prevHash
 * is taken as given; every later link and every content hash must match.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let checked = 0;
  let prev: { seq: number; hash: string } | undefined;
  for (;;) {
    const rows = await entriesAfter(db, prev?.seq ?? 0, batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const { hash, algorithm, ...content } = row;
      if (prev && row.seq !== prev.seq + 1)
        return { ok: false, checked, brokenSeq: prev.seq + 1, reason: `entry ${prev.seq + 1} is missing` };
      if (prev && row.prevHash !== prev.hash)
        return { ok: false, checked, brokenSeq: row.seq, reason: 'link to the previous entry does not match' };
      if (entryHash(algorithm, content) !== hash)
        return { ok: false, checked, brokenSeq: row.seq, reason: 'content does not match its hash' };
      checked++;
      prev = { seq: row.seq, hash };
    }
  }
}
