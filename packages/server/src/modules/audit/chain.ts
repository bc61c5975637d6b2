import type { HashAlgorithm } from './hash.js';

/** How new entries are chained, set once at start from configuration; the CLI sets it too. */
export interface ChainSettings {
  algorithm: HashAlgorithm;
  /** The HMAC key, held outside the database (AUDIT_KEY, or derived from LEITAI_SECRET). */
  key: Buffer;
  /** Where signed checkpoints of the chain's end are appended; null: none (tests, in-memory databases). */
  checkpointFile: string | null;
}

let settings: ChainSettings = {
  algorithm: 'hmac-sha256',
  key: Buffer.from('leitai-test-audit-key-not-for-production'),
  checkpointFile: null,
};

export function configureAuditChain(s: { hash: 'sha256' | 'sm3'; key: Buffer; checkpointFile: string | null }): void {
  settings = { algorithm: `hmac-${s.hash}`, key: s.key, checkpointFile: s.checkpointFile };
}

export const chainSettings = (): ChainSettings => settings;
