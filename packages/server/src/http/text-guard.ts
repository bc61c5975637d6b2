import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Every text that reaches a route — JSON body, query, path — must be storable as it was sent. PostgreSQL cannot
 * store NUL, and it turns a lone UTF-16 surrogate into U+FFFD, so a hash computed over the string sent (the
 * audit chain's) would no longer match what was stored. One hook before schema validation refuses both for every
 * route, those without an account included, so no route can forget it.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const bad = unstorableText(value, where);
      if (bad !== null) {
        throw new AppError('VALIDATION_FAILED', `输入有误：${bad} 含有无法保存的字符（空字符或不成对的代理字符）`, {
          issues: [{ path: bad, message: '含有无法保存的字符' }],
        });
      }
    }
  });
}

/** The path of the first string (or key) holding NUL or a lone surrogate, or null when all are storable. */
export function unstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return storable(value) ? null : path;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (!storable(key)) return at;
    const bad = unstorableText(inner, at, depth + 1);
    if (bad !== null) return bad;
  }
  return null;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units: no `u` flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);
