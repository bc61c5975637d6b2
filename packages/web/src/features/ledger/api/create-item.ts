import { api } from '../../../lib/api';

export interface NewItem {
  title: string;
  content: string;
  source: string;
  leadUnitId: number;
  coUnitIds: number[];
  leaderId: number | null;
  priority: string;
  tags: string[];
  deadline: string;
  steps: { title: string; deadline: string }[];
}
export const createItem = (item: NewItem) => api.post<{ id: number }>('/ledger/items', item);
