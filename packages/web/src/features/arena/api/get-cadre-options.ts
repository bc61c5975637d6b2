import { queryOptions } from '@tanstack/react-query';
import type { CadreView } from '@leitai/core';
import { api } from '../../../lib/api';

/** The cadres the office may put on stage (its subtree's register): person contestants and presenters. */
export const cadreOptionsKey = ['arena-cadres'] as const;
export const getCadreOptions = () => api.get<{ items: CadreView[] }>('/cadres');
export const cadreOptionsQuery = () => queryOptions({ queryKey: cadreOptionsKey, queryFn: getCadreOptions });
