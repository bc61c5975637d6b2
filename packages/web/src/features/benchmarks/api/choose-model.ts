import { api } from '../../../lib/api';

/** Chooses a peer as the 学赶对象 of a unit (unitId null: of the region). */
export const chooseModel = (unitId: number | null, subject: string) =>
  api.put<{ model: string }>('/benchmarks/model', { unitId, subject });
