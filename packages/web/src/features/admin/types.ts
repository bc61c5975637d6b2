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

/** A change to an admin account that waits for the security admin (三员分立); the server words the message. */
export interface Pending {
  pending: { id: number; kind: 'create' | 'update' | 'reset_password'; message: string };
}
export const isPending = (r: object): r is Pending => 'pending' in r;

export interface AdminRequest {
  id: number;
  kind: string;
  kindLabel: string;
  target: string;
  roles: string[];
  requestedBy: string;
  requestedAt: string;
  state: 'pending' | 'approved' | 'refused';
  decidedBy: string | null;
  reason: string | null;
  actions: ('approve' | 'refuse')[];
}

export type { AuditVerifyResult as VerifyResult } from '@leitai/core';

/** The unit kinds the server accepts; their names are in the catalogue (admin:unitKinds.*). */
export const UNIT_KINDS = ['district', 'department', 'township', 'zone', 'other'] as const;
