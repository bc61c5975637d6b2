import { api } from '../../../lib/api';
import type { Category } from '../types';

/** Creates a category, or changes the one with `id`. */
export const saveCategory = (id: number | null, category: Omit<Category, 'id'>) =>
  id === null ? api.post('/categories', category) : api.patch(`/categories/${id}`, category);
