import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The categories an indicator may be assigned to. */
export const categoriesKey = ['categories'] as const;
export const getCategories = () => api.get<{ items: { id: number; name: string }[] }>('/categories');
export const categoriesQuery = () => queryOptions({ queryKey: categoriesKey, queryFn: getCategories });
