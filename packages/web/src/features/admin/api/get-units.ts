import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Unit } from '../types';

/** Every unit the user may see, stopped ones too (the tree shows them greyed). */
export const unitsKey = ['admin', 'units'] as const;
export const getUnits = () => api.get<{ items: Unit[] }>('/units?includeInactive=true');
export const unitsQuery = () => queryOptions({ queryKey: unitsKey, queryFn: getUnits });
