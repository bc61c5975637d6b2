import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The units an arena may call up, with their category. */
export interface UnitOption {
  id: number;
  name: string;
  kind: string;
  category: string | null;
}
export const unitOptionsKey = ['arena-units'] as const;
export const getUnitOptions = () => api.get<UnitOption[]>('/arenas/options/units');
export const unitOptionsQuery = () => queryOptions({ queryKey: unitOptionsKey, queryFn: getUnitOptions });
