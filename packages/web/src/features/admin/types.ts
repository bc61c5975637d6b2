import type { Role, UnitView } from '@leitai/core';

/** What the admin endpoints answer (server: src/modules/{units,users,audit}). */
export type Unit = UnitView;

export interface Category {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  roles: Role[];
  overseenUnitIds: number[];
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface UsersMeta {
  assignableRoles: Role[];
  canManage: boolean;
  self: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  unitId: number | null;
  unitName: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
  hash: string;
}

export interface Retention {
  retentionDays: number;
  appDeletes: boolean;
  note: string;
}

export type BreakReason = 'hash' | 'missing' | 'link' | 'unkeyed' | 'checkpoint' | 'truncated' | 'forged_checkpoint';

export type VerifyResult =
  | { ok: true; checked: number; checkpoints: number }
  | {
      ok: false;
      checked: number;
      checkpoints: number;
      brokenSeq: number;
      reason: BreakReason;
      breaks: { seq: number; reason: BreakReason }[];
      brokenCount: number;
    };

/** The unit kinds the server accepts; their names are in the catalogue (admin:unitKinds.*). */
export const UNIT_KINDS = ['district', 'department', 'township', 'zone', 'other'] as const;
