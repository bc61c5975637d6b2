import { createHash } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

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

export function entryHash(algorithm: HashAlgorithm, content: ChainedContent): string {
  return createHash(algorithm).update(canonicalJson(content)).digest('hex');
}
