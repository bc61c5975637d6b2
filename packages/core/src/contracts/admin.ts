/** GET /api/units: one unit of the tree, with its category's name. */
export interface UnitView {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  /** Materialised path of ids ("/1/4/"): the unit scope of every permission is a prefix test on it. */
  path: string;
  categoryId: number | null;
  categoryName: string | null;
  sortOrder: number;
  active: boolean;
  /** 考核办: the unit runs campaigns for its subtree (docs/levels.md). */
  isOffice: boolean;
}

/**
 * Why an audit entry fails verification: changed (`hash`), removed (`missing`), mislinked (`link`), unkeyed
 * after keyed entries (`unkeyed`), unlike a signed checkpoint (`checkpoint`), the newest entries a checkpoint
 * saw gone (`truncated`), a checkpoint line whose signature is wrong (`forged_checkpoint`; seq is then
 * the file's line number), a row inserted without the key and chained as such (`forged`), or an entry left
 * out of the chain long after it was written (`unsealed`; seq is then the entry's id).
 */
export type BreakReason =
  'hash' | 'missing' | 'link' | 'unkeyed' | 'checkpoint' | 'truncated' | 'forged_checkpoint' | 'forged' | 'unsealed';

export interface ChainBreak {
  seq: number;
  reason: BreakReason;
}

/** GET /api/audit/verify: the whole chain walked, every break listed (up to a cap; brokenCount counts all). */
export type AuditVerifyResult =
  | { ok: true; checked: number; checkpoints: number }
  | {
      ok: false;
      checked: number;
      checkpoints: number;
      /** The first break, for a one-line message. */
      brokenSeq: number;
      reason: BreakReason;
      breaks: ChainBreak[];
      brokenCount: number;
    };
