import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * A signed device token for callers without an account (a citizen's phone rating a unit): the server
 * hands out `<device id>.<signature>` and keeps nothing; a token it did not sign is refused. What a
 * device may do once (one rating per unit per period) is keyed by the device id.
 */
const sign = (secret: string, id: string) => createHmac('sha256', secret).update(`device|${id}`).digest('base64url');

export function issueDeviceToken(secret: string): { deviceId: string; token: string } {
  const deviceId = randomBytes(16).toString('base64url');
  return { deviceId, token: `${deviceId}.${sign(secret, deviceId)}` };
}

/** The device id a token carries, or null when the token is not one this server signed. */
export function verifyDeviceToken(secret: string, token: string | undefined): string | null {
  const [deviceId, signature, extra] = (token ?? '').split('.');
  if (!deviceId || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, deviceId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? deviceId : null;
}

/**
 * A token sent in a custom header (never in a URL, so it stays out of access logs). A custom header
 * cannot come from a cross-site form or a simple request, so writes carrying it need no CSRF token.
 */
export function headerToken(request: FastifyRequest, header: string): string | undefined {
  const h = request.headers[header];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
}
