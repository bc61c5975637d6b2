import { api } from '../../../lib/api';
import type { Unit } from '../types';

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  categoryId: number | null;
  sortOrder: number;
}
export const createUnit = (unit: NewUnit) => api.post<Unit>('/units', unit);
