import i18next from 'i18next';
import { ApiError } from '../../lib/api';
import type { JudgeState } from '@leitai/core';

export type { JudgeState };

/**
 * Judges have no session: their phone keeps a device token (localStorage) and sends it in the
 * `x-judge-token` header, which a cross-site form cannot set.
 */
const KEY = 'leitai.judge.token';
export const judgeToken = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (t: string) => localStorage.setItem(KEY, t),
  clear: () => localStorage.removeItem(KEY),
};

async function call<T>(method: string, url: string, body?: object): Promise<T> {
  const headers: Record<string, string> = {};
  const token = judgeToken.get();
  if (token) headers['x-judge-token'] = token;
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(`/api${url}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'omit',
  });
  const data = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!res.ok)
    throw new ApiError(
      res.status,
      data.error?.code ?? 'HTTP_ERROR',
      data.error?.message ?? i18next.t('common:errors.requestFailed', { status: res.status }),
    );
  return data as T;
}

export const judgeApi = {
  join: (code: string) =>
    call<{ token: string; arenaId: number; judge: { id: number; name: string; groupId: string } }>(
      'POST',
      '/judge/join',
      { code },
    ),
  state: () => call<JudgeState>('GET', '/judge/state'),
  submit: (contestantId: number, criteria: Record<string, number>, reason: string | null) =>
    call<{ total: string }>('PUT', `/judge/scores/${contestantId}`, { criteria, reason }),
};
