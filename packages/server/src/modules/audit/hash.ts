import { createHash, createHmac } from 'node:crypto';

/**
 * `hmac-*` entries are keyed with a secret held outside the database (AUDIT_KEY, or derived from
 * LEITAI_SECRET), so whoever owns the tables cannot recompute the chain; plain `sha256`/`sm3` entries are
 * those written before the chain was keyed, and verify refuses one after a keyed entry (a downgrade).
 */
export type HashAlgorithm = 'sha256' | 'sm3' | 'hmac-sha256' | 'hmac-sm3';

export const isKeyed = (a: string): boolean => a.startsWith('hmac-');

/** The fields an entry's hash covers, in the form they come back from the database. */
export interface ChainedContent {
  seq: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
  address: string | null;
  prevHash: string;
}

// A lone surrogate cannot be stored as UTF-8 (text gets U+FFFD, jsonb refuses it): an entry carries U+FFFD
// in its place, so what is hashed is what is stored. The input guard refuses them in requests; this covers
// whatever else reaches the log (a header, a file name).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A copy with every string (and object key) in the form the database will keep. */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k) as string, storable(v)]));
  return value;
}

/** JSON with object keys sorted at every depth, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(algorithm: HashAlgorithm, content: ChainedContent, key?: Buffer): string {
  const text = canonicalJson(content);
  if (!isKeyed(algorithm)) return createHash(algorithm).update(text).digest('hex');
  if (!key) throw new Error('The audit chain is keyed: set AUDIT_KEY or LEITAI_SECRET to verify it.');
  return createHmac(algorithm.slice('hmac-'.length), key).update(text).digest('hex');
}

/** What the writer records: the entry without its place and links, which the sealer adds after commit. */
export type EntryContent = Omit<ChainedContent, 'seq' | 'prevHash'>;

/**
 * The writer's HMAC of an entry's content. The sealer chains only entries whose MAC holds, so a row that
 * whoever owns the tables inserts is chained as forged, never as genuine. Prefixed so that it can never
 * equal a chain hash.
 */
export function entryMac(algorithm: HashAlgorithm, content: EntryContent, key: Buffer): string {
  const { seq: _seq, prevHash: _prev, ...own } = content as ChainedContent;
  return createHmac(algorithm.replace(/^hmac-/, ''), key)
    .update(`entry\n${canonicalJson(own)}`)
    .digest('hex');
}

/** A forged entry's hash: the chain links through it, and verify names it. */
export const FORGED_PREFIX = 'forged:';
