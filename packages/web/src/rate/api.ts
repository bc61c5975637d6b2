import type { PublishedRanking } from '@leitai/core';
import { createClient } from '../lib/client';

/**
 * The rating page's calls. No account: the phone keeps a signed device token (localStorage) and sends
 * it in `x-device-token`; the server allows one rating per device, point and period.
 */
const KEY = 'leitai.device';
const client = createClient({
  credentials: 'omit',
  headers: (): Record<string, string> => {
    const token = localStorage.getItem(KEY);
    return token ? { 'x-device-token': token } : {};
  },
  failed: (status) => `网络或服务暂时不可用（${status}），请稍后再试`,
});

export interface PointForm {
  unitName: string;
  pointName: string;
  levels: { stars: number; label: string; bad: boolean }[];
  tags: string[];
  badReasons: string[];
  commentMax: number;
  requireVerifiedPhone: boolean;
  periodDays: number;
}

export interface Submission {
  stars: number;
  tags: string[];
  comment: string;
  reason?: string;
  phone?: string;
  caseNo?: string;
  phoneCode?: string;
}

export interface Lookup {
  unitName: string;
  pointName: string;
  level: string;
  ratedOn: string;
  bad: boolean;
  stateLabel: string;
  deadline: string | null;
  answer: { text: string; at: string } | null;
  followUp: 'none' | 'satisfied' | 'unsatisfied';
  canFollowUp: boolean;
}

export const pointForm = (code: string) => client.get<PointForm>(`/public/points/${encodeURIComponent(code)}`);

async function deviceToken(): Promise<void> {
  if (localStorage.getItem(KEY)) return;
  localStorage.setItem(KEY, (await client.post<{ token: string }>('/public/device')).token);
}

export async function submit(code: string, body: Submission) {
  await deviceToken();
  return client.post<{ lookupCode: string; held: boolean }>(`/public/points/${encodeURIComponent(code)}/ratings`, body);
}

export const lookup = (code: string) => client.get<Lookup>(`/public/lookup/${encodeURIComponent(code)}`);
export const followUp = (code: string, satisfied: boolean, comment: string) =>
  client.post<Lookup>(`/public/lookup/${encodeURIComponent(code)}/follow-up`, { satisfied, comment });

/** The public page's ranking: the published version (core's contract) and the office's other versions. */
export type PublicRanking = PublishedRanking & { versions: { id: number; version: number; publishedAt: string }[] };

/** The ranking the office published (媒体问效): the newest, or one version by its id. */
export const publishedRanking = (id?: string) =>
  client.get<PublicRanking>(`/public/rankings/${id ? encodeURIComponent(id) : 'latest'}`);

/** Sends the SMS code to the number (where the office requires a verified phone). */
export const sendPhoneCode = (phone: string) =>
  client.post<{ expiresInMinutes: number; resendSeconds: number }>('/public/phone-codes', { phone });
