/**
 * The one fetch client: JSON in and out, errors as ApiError. Free of the app's libraries (no i18next,
 * no React), so the citizens' rating page, a separate small build, uses it too.
 */
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

type Body = object | FormData | undefined;

/** How a client identifies itself: the signed-in app sends its cookie and CSRF token; a judge's phone its device token. */
export interface ClientOptions {
  credentials: RequestCredentials;
  /** Extra headers for a request (identity), by method. */
  headers: (method: string) => Record<string, string>;
  /** The sentence for a failure the server did not explain (a proxy's error page). */
  failed: (status: number) => string;
}

export type ErrorBody = { error?: { code?: string; message?: string; details?: Record<string, unknown> } };

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
    error.message ?? options.failed(res.status),
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
