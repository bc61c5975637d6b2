import i18next from 'i18next';

/** The one way the web app talks to the server: JSON in and out, errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

type Body = object | FormData | undefined;

/** How a client identifies itself: the signed-in app sends its cookie and CSRF token; a judge's phone its device token. */
export interface ClientOptions {
  credentials: RequestCredentials;
  /** Extra headers for a request (identity), by method. */
  headers: (method: string) => Record<string, string>;
}

type ErrorBody = { error?: { code?: string; message?: string; details?: Record<string, unknown> } };

async function request<T>(options: ClientOptions, method: string, url: string, body?: Body): Promise<T> {
  const headers = options.headers(method);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`/api${url}`, { method, headers, body: payload, credentials: options.credentials });
  if (res.ok) {
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let error: NonNullable<ErrorBody['error']> = {};
  try {
    error = ((await res.json()) as ErrorBody).error ?? {};
  } catch {
    // not JSON: a proxy or network error page
  }
  throw new ApiError(
    res.status,
    error.code ?? 'HTTP_ERROR',
    error.message ?? i18next.t('common:errors.requestFailed', { status: res.status }),
    error.details,
  );
}

/** A client with its own identity; `api` below is the signed-in app's. */
export function createClient(options: ClientOptions) {
  return {
    get: <T>(url: string) => request<T>(options, 'GET', url),
    post: <T>(url: string, body?: Body) => request<T>(options, 'POST', url, body),
    put: <T>(url: string, body?: Body) => request<T>(options, 'PUT', url, body),
    patch: <T>(url: string, body?: Body) => request<T>(options, 'PATCH', url, body),
    delete: <T>(url: string) => request<T>(options, 'DELETE', url),
  };
}

/** The signed-in app: session cookie, and the CSRF token on every write. */
export const api = createClient({
  credentials: 'same-origin',
  headers: (method): Record<string, string> => (method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
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
  URL.revokeObjectURL(href);
}
