import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user who must change their password may still do. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
/** Requests that carry no session (judges by code, the login itself) and so need no CSRF token. */
const NO_CSRF = new Set(['/api/auth/login']);

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie into `request.user` on every API request, and guards cookie-authenticated
 * writes with the session's CSRF token (sent back in the `x-csrf-token` header).
 */
export function registerSessionHook(api: FastifyInstance): void {
  api.addHook('onRequest', async (request: FastifyRequest) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const user = await resolveSession(api.ctx.db, sessionId);
    if (!user) return;
    const path = request.url.split('?')[0] ?? '';
    if (!SAFE_METHODS.has(request.method) && !NO_CSRF.has(path)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !tokensEqual(header, user.csrfToken)) {
        throw new AppError('CSRF_INVALID', '页面已过期，请刷新后重试');
      }
    }
    if (user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(path)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
    }
    request.user = user;
  });
}
