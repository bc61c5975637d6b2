import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * An arithmetic challenge asked after a few failed logins from one address. The token is an expiry and a
 * nonce signed together with the answer and the subject it was issued for (the account and address), so
 * the server keeps nothing until it is answered and the client cannot read the answer out of it; an
 * answered challenge's nonce is then spent (challenge-gate.ts), so one solution serves one attempt.
 */
export interface Challenge {
  question: string;
  token: string;
}

const TTL_MS = 5 * 60_000;

function mac(secret: string, subject: string, answer: number, expires: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${subject}\n${answer}|${expires}|${nonce}`).digest('base64url');
}

export function newChallenge(secret: string, subject: string, now = Date.now()): Challenge {
  const a = randomInt(2, 20);
  const b = randomInt(2, 20);
  const expires = now + TTL_MS;
  const nonce = randomBytes(12).toString('base64url');
  return { question: `${a} + ${b} = ?`, token: `${expires}.${nonce}.${mac(secret, subject, a + b, expires, nonce)}` };
}

/** The challenge's nonce and expiry when the answer is right for this subject and in time; otherwise null. */
export function challengeSolved(
  secret: string,
  subject: string,
  token: string,
  answer: number,
  now = Date.now(),
): { nonce: string; expires: Date } | null {
  const [expiresText, nonce, signature] = token.split('.');
  const expires = Number(expiresText);
  if (!nonce || !signature || !Number.isFinite(expires) || expires < now) return null;
  const expected = Buffer.from(mac(secret, subject, answer, expires, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { nonce, expires: new Date(expires) }
    : null;
}
