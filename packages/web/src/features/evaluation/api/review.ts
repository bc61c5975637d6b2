import i18next from 'i18next';
import { api, createClient, download } from '../../../lib/api';

/** Raters have no account: the invitation code in the address is all they hold. No cookie, no CSRF token. */
const raterClient = createClient({
  credentials: 'omit',
  headers: (): Record<string, string> => ({}),
  failed: (status) => i18next.t('common:errors.requestFailed', { status }),
});

export interface ReviewForm {
  evaluation: string;
  group: string;
  items: { id: string; text: string; points: string }[];
  units: { id: number; name: string; categoryName: string }[];
}
export const getReviewForm = (code: string) => raterClient.get<ReviewForm>(`/public/review/${code}`);
export const submitReview = (code: string, answers: { unitId: number; scores: Record<string, string> }[]) =>
  raterClient.post<{ units: number }>(`/public/review/${code}`, { answers });

export interface ReviewProgress {
  minRespondents: number;
  groups: { id: string; name: string; weight: string; issued: number; used: number; enough: boolean }[];
}
export const getReviewProgress = (id: number) => api.get<ReviewProgress>(`/evaluations/${id}/review/progress`);
export const downloadInvites = (id: number, groupId: string, count: number) =>
  download(`/evaluations/${id}/review/invites`, { groupId, count });
