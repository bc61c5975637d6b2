import type { Unit } from './types';

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
