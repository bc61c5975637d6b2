import { api } from '../../../lib/api';

export const deleteCategory = (id: number) => api.delete(`/categories/${id}`);
