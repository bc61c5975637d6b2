import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { deliveryKey } from './keys';

export interface UnitOption {
  id: number;
  name: string;
}

/** The units a robot may belong to (the office sees every unit). */
export const getUnits = () => api.get<{ items: UnitOption[] }>('/units');
export const unitsQuery = () => queryOptions({ queryKey: [...deliveryKey, 'units'], queryFn: getUnits });
