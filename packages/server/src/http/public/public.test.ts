import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../error-handler.js';
import { challengeSolved, issueDeviceToken, newChallenge, publicRoutes, verifyDeviceToken } from './index.js';

describe('http/public', () => {
  it('a challenge is good only for the subject it was issued to, and only until it expires', () => {
    const c = newChallenge('s'.repeat(32), 'login:victim|10.0.0.9', 1_000_000);
    const [a, b] = c.question.match(/\d+/g)!.map(Number);
    const answer = a! + b!;
    expect(challengeSolved('s'.repeat(32), 'login:victim|10.0.0.9', c.token, answer, 1_000_001)).toMatchObject({
      expires: new Date(1_000_000 + 5 * 60_000),
    });
    expect(challengeSolved('s'.repeat(32), 'login:victim|10.0.0.9', c.token, answer + 1, 1_000_001)).toBeNull();
    expect(challengeSolved('s'.repeat(32), 'login:org|10.0.0.9', c.token, answer, 1_000_001)).toBeNull();
    expect(challengeSolved('s'.repeat(32), 'login:victim|10.0.0.8', c.token, answer, 1_000_001)).toBeNull();
    expect(
      challengeSolved('s'.repeat(32), 'login:victim|10.0.0.9', c.token, answer, 1_000_000 + 5 * 60_000 + 1),
    ).toBeNull();
  });

  it('limits each address across the plugin’s routes; a route with its own limit keeps it', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    await app.register(rateLimit, { global: false });
    await app.register(
      publicRoutes(
        async (r) => {
          r.get('/a', async () => ({ ok: true }));
          r.get('/b', async () => ({ ok: true }));
          r.get('/own', { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
        },
        { max: 2, timeWindow: '1 minute' },
      ),
    );
    const get = (url: string, ip = '10.0.0.1') => app.inject({ method: 'GET', url, remoteAddress: ip });
    expect((await get('/a')).statusCode).toBe(200);
    expect((await get('/b')).statusCode).toBe(200);
    const third = await get('/a');
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await get('/a', '10.0.0.2')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await get('/own')).statusCode).toBe(200);
    expect((await get('/own')).statusCode).toBe(429);
    await app.close();
  });

  it('signs device tokens and refuses one it did not sign', () => {
    const { deviceId, token } = issueDeviceToken('s'.repeat(32));
    expect(verifyDeviceToken('s'.repeat(32), token)).toBe(deviceId);
    expect(verifyDeviceToken('t'.repeat(32), token)).toBeNull();
    expect(verifyDeviceToken('s'.repeat(32), `${deviceId}x.${token.split('.')[1]}`)).toBeNull();
    expect(verifyDeviceToken('s'.repeat(32), undefined)).toBeNull();
  });
});
