import { api } from '../../../lib/api';

export const unlock = (username: string) => api.post('/security/unlock', { username });
