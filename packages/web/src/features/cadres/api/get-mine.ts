import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { cadresKey } from './keys';

/** The signed-in person's own entry in the register, if their account is linked to one. */
export const mineQuery = () =>
  queryOptions({ queryKey: [...cadresKey, 'mine'], queryFn: () => api.get<{ id: number | null }>('/cadres/mine') });
