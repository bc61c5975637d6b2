import { api } from '../../../lib/api';
import type { User } from '../types';

export const updateUser = (id: number, patch: object) => api.patch<User>(`/users/${id}`, patch);
