import { api, download } from '../../../lib/api';

/** What the office and the rated unit do with one rating; the server lists the allowed ones with it. */
export const reviewRating = (id: number, release: boolean, reason: string) =>
  api.post(`/ratings/${id}/review`, { release, reason });
export const recordCallback = (id: number, body: { caller: string; at: string; outcome: string }) =>
  api.post(`/ratings/${id}/callback`, body);
export const revealPhone = (id: number) => api.post<{ phone: string }>(`/ratings/${id}/phone`);
export const appealRating = (id: number, reason: string, fileIds: number[]) =>
  api.post(`/ratings/${id}/appeal`, { reason, fileIds });
export const decideAppeal = (id: number, uphold: boolean, reason: string) =>
  api.post(`/ratings/${id}/decide`, { uphold, reason });

export const publishRanking = (body: { from: string; to: string; title?: string }) =>
  api.post<{ id: number; version: number }>('/ratings/rankings', body);

export const createPoint = (unitId: number, name: string, kind: string) =>
  api.post<{ ids: number[] }>('/ratings/points', { unitId, points: [{ name, kind }] });
export const setPointActive = (id: number, active: boolean) => api.patch(`/ratings/points/${id}`, { active });

export const downloadPosters = (size: 'A4' | 'A5') => download(`/ratings/posters.pdf?size=${size}`);
export const downloadRatings = (from: string, to: string) => download(`/ratings/export.xlsx?from=${from}&to=${to}`);
export const downloadBulletin = (from: string, to: string, format: 'docx' | 'xlsx') =>
  download(`/ratings/bulletin?from=${from}&to=${to}&format=${format}`);
export const POINTS_TEMPLATE_URL = '/ratings/points/template';
export const POINTS_IMPORT_URL = '/ratings/points/import';
