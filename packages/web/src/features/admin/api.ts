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

export type VerifyResult =
  { ok: true; checked: number } | { ok: false; checked: number; brokenSeq: number; reason: string };

/** The unit kinds the server accepts; their names are in the catalogue (admin:unitKinds.*). */
export const UNIT_KINDS = ['district', 'department', 'township', 'zone', 'other'] as const;

/** Query string from the set fields only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface TreeNode {
  key: number;
  value: number;
  title: string;
  unit: Unit;
  children: TreeNode[];
}

/** The units the user may see as a forest: a unit whose parent is out of sight is a root. */
export function unitTree(units: readonly Unit[]): TreeNode[] {
  const nodes = new Map(
    units.map((u) => [u.id, { key: u.id, value: u.id, title: u.name, unit: u, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
