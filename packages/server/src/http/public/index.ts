/**
 * Routes used without an account (judges' phones and the big screen today, citizens' ratings next)
 * are registered through `publicRoutes(plugin)`. Inside it every request is rate-limited per address
 * (a route's own `config.rateLimit` replaces the default), and the routes have the pieces such
 * callers need: a signed device token (device-token.ts) and the arithmetic challenge (challenge.ts)
 * asked of a caller who looks automated. Every such route is listed, with its reason, in
 * test/authz/public.ts.
 */
import type { FastifyPluginAsync } from 'fastify';

export { challengeNeeded, purgeSpentChallenges } from './challenge-gate.js';
export { challengeSolved, newChallenge, type Challenge } from './challenge.js';
export { headerToken, issueDeviceToken, verifyDeviceToken } from './device-token.js';

export interface PublicLimit {
  /** Requests per address per window, across the plugin's routes. */
  max: number;
  timeWindow: string;
}

/** A hall of phones shares one Wi-Fi address: generous per address, yet a wall against floods. */
export const DEFAULT_PUBLIC_LIMIT: PublicLimit = { max: 3000, timeWindow: '1 minute' };

/** Wraps a route plugin so that its routes are public ones: one rate limit per address over all of them. */
export function publicRoutes<O extends Record<string, unknown>>(
  routes: FastifyPluginAsync<O>,
  limit: PublicLimit = DEFAULT_PUBLIC_LIMIT,
): FastifyPluginAsync<O> {
  return async (app, opts) => {
    const limiter = app.rateLimit({ ...limit, keyGenerator: (request) => request.ip });
    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config.rateLimit) return; // the route's own limit applies instead
      await limiter.call(app, request, reply);
    });
    await app.register(routes, opts);
  };
}
