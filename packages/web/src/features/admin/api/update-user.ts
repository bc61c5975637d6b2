import { api } from '../../../lib/api';
import type { Pending, User } from '../types';

export const updateUser = (id: number, patch: object) => api.patch<User | Pending>(`/users/${id}`, patch);
