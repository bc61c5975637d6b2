import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '@leitai/core';
import type { Db } from '../src/db/client.js';
import { users } from '../src/db/schema/index.js';
import { hashPassword } from '../src/modules/auth/index.js';
import { insertUnit } from '../src/modules/units/index.js';

export const TEST_PASSWORD = 'Test@2026pass';
let passwordHash: Promise<string> | null = null;
let seq = 0;

export async function buildUnit(
  db: Db,
  overrides: {
    name?: string;
    parentId?: number | null;
    kind?: string;
    categoryId?: number | null;
    code?: string;
    /** An office (考核办) below the root; a root is always one. */
    isOffice?: boolean;
  } = {},
) {
  seq += 1;
  return insertUnit(db, {
    code: overrides.code ?? `u${seq}`,
    name: overrides.name ?? `测试单位${seq}`,
    kind: overrides.kind ?? 'department',
    parentId: overrides.parentId ?? null,
    categoryId: overrides.categoryId ?? null,
    ...(overrides.isOffice === undefined ? {} : { isOffice: overrides.isOffice }),
  });
}

export async function buildUser(
  db: Db,
  opts: {
    unitId: number;
    roles: Role[];
    username?: string;
    overseenUnitIds?: number[];
    mustChangePassword?: boolean;
    password?: string;
  },
) {
  seq += 1;
  const hash = opts.password ? await hashPassword(opts.password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const [row] = await db
    .insert(users)
    .values({
      username: opts.username ?? `user${seq}`,
      displayName: `测试用户${seq}`,
      unitId: opts.unitId,
      roles: opts.roles,
      overseenUnitIds: opts.overseenUnitIds ?? [],
      passwordHash: hash,
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    .returning();
  if (!row) throw new Error('no user');
  return row;
}

/** A signed-in API client: carries the session cookie and the CSRF token on every request. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
  address = '127.0.0.1',
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'leitai_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = res.json<{ csrfToken: string }>();
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      remoteAddress: address,
      cookies: { leitai_session: cookie.value },
      headers: { 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
    });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
