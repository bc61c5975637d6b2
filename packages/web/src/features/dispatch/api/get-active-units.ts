import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The active units an indicator may be assigned to. */
export const activeUnitsKey = ['units', 'active'] as const;
export const getActiveUnits = () => api.get<{ items: { id: number; name: string }[] }>('/units');
export const activeUnitsQuery = () => queryOptions({ queryKey: activeUnitsKey, queryFn: getActiveUnits });
