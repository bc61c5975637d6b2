import { api } from '../../../lib/api';

/** A unit asks for another target, with its reason; the office decides. */
export const requestTargetChange = (
  targetId: number,
  change: { base: string; stretch: string | null; reason: string },
) => api.post(`/dispatch/targets/${targetId}/change`, change);
