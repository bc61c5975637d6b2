import { api } from '../../lib/api';

export const signOut = () => api.post('/auth/logout');
