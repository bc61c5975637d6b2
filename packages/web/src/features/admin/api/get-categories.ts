import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Category } from '../types';

export const categoriesKey = ['admin', 'categories'] as const;
export const getCategories = () => api.get<{ items: Category[] }>('/categories');
export const categoriesQuery = () => queryOptions({ queryKey: categoriesKey, queryFn: getCategories });
