import { api } from '../../../lib/api';

/** Ends that user's sessions; the new temporary password is shown once. */
export const resetPassword = (userId: number) =>
  api.post<{ temporaryPassword: string }>(`/users/${userId}/reset-password`);
