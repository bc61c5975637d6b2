import type { JudgeState } from '@leitai/core';
import i18next from 'i18next';
import { createClient } from '../../../lib/api';

export type { JudgeState };

/**
 * Judges have no session: their phone keeps a device token (localStorage) and sends it in the
 * `x-judge-token` header, which a cross-site form cannot set. No cookie, no CSRF token.
 */
const KEY = 'leitai.judge.token';
export const judgeToken = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (t: string) => localStorage.setItem(KEY, t),
  clear: () => localStorage.removeItem(KEY),
};

const judgeClient = createClient({
  credentials: 'omit',
  headers: (): Record<string, string> => {
    const token = judgeToken.get();
    return token ? { 'x-judge-token': token } : {};
  },
  failed: (status) => i18next.t('common:errors.requestFailed', { status }),
});

/** A join code (from the host's QR) buys a device token. */
export const joinArena = (code: string) =>
  judgeClient.post<{ token: string; arenaId: number; judge: { id: number; name: string; groupId: string } }>(
    '/judge/join',
    { code },
  );
/** What this judge sees now: the contestant up, the criteria, their own scores. Polled; realtime nudges it. */
export const getJudgeState = () => judgeClient.get<JudgeState>('/judge/state');
export const submitScore = (contestantId: number, criteria: Record<string, number>, reason: string | null) =>
  judgeClient.put<{ total: string }>(`/judge/scores/${contestantId}`, { criteria, reason });
