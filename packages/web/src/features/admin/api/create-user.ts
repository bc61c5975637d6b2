import type { Role } from '@leitai/core';
import { api } from '../../../lib/api';
import type { Pending, User } from '../types';

export interface UserBody {
  displayName: string;
  unitId: number;
  roles: Role[];
  overseenUnitIds: number[];
  phone: string | null;
}

/** The temporary password is shown once, here; an admin account is only asked for (Pending). */
export const createUser = (user: UserBody & { username: string }) =>
  api.post<{ user: User; temporaryPassword: string } | Pending>('/users', user);
