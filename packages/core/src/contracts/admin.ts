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
}
