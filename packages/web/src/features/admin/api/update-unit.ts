import { api } from '../../../lib/api';
import type { Unit } from '../types';

/** Only the changed fields are sent (each change is audited with before and after). */
export const updateUnit = (id: number, patch: object) => api.patch<Unit>(`/units/${id}`, patch);
