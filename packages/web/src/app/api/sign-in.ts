import { api } from '../../lib/api';

export interface SignIn {
  username: string;
  password: string;
  /** After a few failures the server asks a question; its token and the answer come back here. */
  challenge?: { token: string; answer: number };
}
/** Answers the session's CSRF token (the cookie is set by the server). */
export const signIn = (body: SignIn) => api.post<{ csrfToken: string }>('/auth/login', body);
