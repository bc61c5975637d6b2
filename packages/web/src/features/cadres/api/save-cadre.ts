import type { CadreView } from '@leitai/core';
import { api } from '../../../lib/api';

export interface CadreInput {
  name: string;
  post: string;
  unitId: number;
  since: string;
  account: string | null;
}
export const createCadre = (c: CadreInput) => api.post<CadreView>('/cadres', c);
export const updateCadre = (id: number, c: Partial<CadreInput>) => api.patch<CadreView>(`/cadres/${id}`, c);
