import i18next from 'i18next';
import { ApiError, createClient, type ErrorBody } from './client';

export { ApiError, createClient, type ClientOptions } from './client';

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** The signed-in app: session cookie, and the CSRF token on every write. */
export const api = createClient({
  credentials: 'same-origin',
  headers: (method): Record<string, string> => (method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
  failed: (status) => i18next.t('common:errors.requestFailed', { status }),
});

/** Downloads a file the server generates (Excel, Word), keeping the server's file name. */
export async function download(url: string, body?: object): Promise<void> {
  const res = await fetch(`/api${url}`, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const error = ((await res.json().catch(() => ({}))) as ErrorBody).error;
    throw new ApiError(
      res.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? i18next.t('common:errors.downloadFailed', { status: res.status }),
    );
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : 'download';
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  // Chromium reads the blob after the click returns: revoked at once, a download on a busy machine
  // silently never starts. A minute is long enough, and the memory is freed afterwards.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
