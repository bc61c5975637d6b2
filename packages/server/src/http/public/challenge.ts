import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * An arithmetic challenge asked after a few failed logins from one address. Stateless: the token is
 * an expiry and nonce signed together with the answer, so the server keeps nothing and the client
 * cannot read the answer out of it.
 */
export interface Challenge {
  question: string;
  token: string;
}

const TTL_MS = 5 * 60_000;

function mac(secret: string, answer: number, expires: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${answer}|${expires}|${nonce}`).digest('base64url');
}

export function newChallenge(secret: string, now = Date.now()): Challenge {
  const a = randomInt(2, 20);
  const b = randomInt(2, 20);
  const expires = now + TTL_MS;
  const nonce = randomInt(0, 2 ** 31).toString(36);
  return { question: `${a} + ${b} = ?`, token: `${expires}.${nonce}.${mac(secret, a + b, expires, nonce)}` };
}

export function challengeSolved(secret: string, token: string, answer: number, now = Date.now()): boolean {
  const [expiresText, nonce, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!nonce || !signature || !Number.isFinite(expires) || expires < now) return false;
  const expected = Buffer.from(mac(secret, answer, expires, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
