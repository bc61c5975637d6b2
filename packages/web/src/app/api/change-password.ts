import { api } from '../../lib/api';

/** Refused with the password rules' problems (details.problems) when the new one is weak. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post('/auth/password', { currentPassword, newPassword });
