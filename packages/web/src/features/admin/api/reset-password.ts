import { api } from '../../../lib/api';
import type { Pending } from '../types';

/** Ends that user's sessions; the new temporary password is shown once. An admin's reset is only asked for. */
export const resetPassword = (userId: number) =>
  api.post<{ temporaryPassword: string } | Pending>(`/users/${userId}/reset-password`);
